//! Generic operations on the JSON collections most OpenStack APIs share (keystone, nova,
//! cinder, neutron style): `GET /things` → `{"things": [...]}` with `next` links,
//! `GET /things/{id}` → `{"thing": {...}}`, `POST` and `PATCH`/`PUT` with `{"thing": {...}}`,
//! `DELETE /things/{id}`. Service modules describe their collections with [`Collection`] and
//! add typed models and the calls that do not fit this shape.

use crate::client::{ClientError, Method, Session, pager, session::ServiceRequest};
use serde_json::{Map, Value};

/// One REST collection of a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Collection {
    /// Catalog service type (`identity`, `compute`…).
    pub service_type: &'static str,
    /// Major API version whose endpoint to use (`Some("3")` for identity), or the catalog's.
    pub api_version: Option<&'static str>,
    /// Path below the endpoint (`projects`, `OS-FEDERATION/identity_providers`).
    pub path: &'static str,
    /// JSON key of one item (`project`).
    pub singular: &'static str,
    /// JSON key of the list (`projects`).
    pub plural: &'static str,
    /// Highest microversion this SDK knows for the collection (`Some("2.100")` for nova):
    /// requests negotiate up to it unless the user names one. `None`: no header.
    pub microversion: Option<&'static str>,
}

/// What looking a resource up by name or ID found.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    /// Exactly one match.
    Found(Value),
    /// Nothing by that ID or name.
    NotFound,
    /// Several resources carry that name (how many).
    Ambiguous(usize),
}

impl Lookup {
    /// What a search found, from the items that matched.
    pub fn from_matches(mut hits: Vec<Value>) -> Lookup {
        match hits.len() {
            0 => Lookup::NotFound,
            1 => Lookup::Found(hits.remove(0)),
            n => Lookup::Ambiguous(n),
        }
    }

    /// The items whose `name` is exactly `name` (APIs filter by pattern, or not at all).
    pub fn by_name(items: Vec<Value>, name: &str) -> Lookup {
        Lookup::from_matches(
            items
                .into_iter()
                .filter(|v| v.get("name").and_then(Value::as_str) == Some(name))
                .collect(),
        )
    }
}

/// oslo.utils' `is_uuid_like`, which nova applies to a server ID before any lookup: 32 hex
/// digits once `urn:`, `uuid:`, braces and hyphens are removed (any case).
pub fn is_uuid_like(v: &str) -> bool {
    let hex: String = v
        .replace("urn:", "")
        .replace("uuid:", "")
        .trim_matches(|c| c == '{' || c == '}')
        .replace('-', "");
    hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// `?k=v&…` (form-encoded), or nothing for no parameters.
pub fn query_string(query: &[(&str, String)]) -> String {
    if query.is_empty() {
        return String::new();
    }
    let mut u = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in query {
        u.append_pair(k, v);
    }
    format!("?{}", u.finish())
}

fn id_path(path: &str, id: &str) -> String {
    let enc: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
    // form encoding turns spaces into '+', which a path must not contain
    format!("{path}/{}", enc.replace('+', "%20"))
}

impl Collection {
    fn req<'s>(&self, s: &'s Session, method: Method, path: &str) -> ServiceRequest<'s> {
        let mut r = s.request(self.service_type, method, path);
        if let Some(v) = self.api_version {
            r = r.api_version(v);
        }
        if let Some(c) = self.microversion {
            r = r.default_microversion(c);
        }
        r
    }

    fn unwrap_one(&self, body: Value, url: &str) -> Result<Value, ClientError> {
        match body {
            Value::Object(mut m) => {
                m.remove(self.singular)
                    .ok_or_else(|| ClientError::InvalidResponse {
                        url: url.to_string(),
                        reason: format!("no '{}' object in the answer", self.singular),
                    })
            }
            _ => Err(ClientError::InvalidResponse {
                url: url.to_string(),
                reason: "the answer is not a JSON object".into(),
            }),
        }
    }

    /// Every item as [`Collection::list`] fetches them, handed to `f` one page at a time as
    /// the pages arrive; `f` returns whether to go on.
    pub async fn list_pages(
        &self,
        s: &Session,
        query: &[(&str, String)],
        f: impl FnMut(Vec<Value>) -> bool,
    ) -> Result<(), ClientError> {
        let path = format!("{}{}", self.path, query_string(query));
        pager::for_each_page(
            s,
            self.service_type,
            self.api_version,
            self.microversion,
            &path,
            self.plural,
            f,
        )
        .await
    }

    /// Every item, following `next` links, with query parameters (filters).
    pub async fn list(
        &self,
        s: &Session,
        query: &[(&str, String)],
    ) -> Result<Vec<Value>, ClientError> {
        let mut all = Vec::new();
        self.list_pages(s, query, |page| {
            all.extend(page);
            true
        })
        .await?;
        Ok(all)
    }

    /// One item by ID.
    pub async fn get(&self, s: &Session, id: &str) -> Result<Value, ClientError> {
        let resp = self
            .req(s, Method::GET, &id_path(self.path, id))
            .send()
            .await?;
        let url = resp.url.clone();
        self.unwrap_one(resp.json()?, &url)
    }

    /// One item by ID, with query parameters (keystone's `parents_as_ids`…).
    pub async fn get_with_query(
        &self,
        s: &Session,
        id: &str,
        query: &[(&str, String)],
    ) -> Result<Value, ClientError> {
        let path = format!("{}{}", id_path(self.path, id), query_string(query));
        let resp = self.req(s, Method::GET, &path).send().await?;
        let url = resp.url.clone();
        self.unwrap_one(resp.json()?, &url)
    }

    /// Creates an item from its attributes (wrapped in `{singular: …}` here).
    pub async fn create(
        &self,
        s: &Session,
        attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        let body = Value::Object(Map::from_iter([(
            self.singular.to_string(),
            Value::Object(attrs),
        )]));
        let resp = self
            .req(s, Method::POST, self.path)
            .json(body)
            .send()
            .await?;
        let url = resp.url.clone();
        self.unwrap_one(resp.json()?, &url)
    }

    /// Updates an item with `PATCH`, as keystone does (neutron uses `PUT`: see
    /// [`Collection::update_with`]).
    pub async fn update(
        &self,
        s: &Session,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        self.update_with(s, Method::PATCH, id, attrs).await
    }

    /// Updates an item with the given method.
    pub async fn update_with(
        &self,
        s: &Session,
        method: Method,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        let body = Value::Object(Map::from_iter([(
            self.singular.to_string(),
            Value::Object(attrs),
        )]));
        let resp = self
            .req(s, method, &id_path(self.path, id))
            .json(body)
            .send()
            .await?;
        let url = resp.url.clone();
        self.unwrap_one(resp.json()?, &url)
    }

    /// Deletes an item.
    pub async fn delete(&self, s: &Session, id: &str) -> Result<(), ClientError> {
        self.req(s, Method::DELETE, &id_path(self.path, id))
            .send()
            .await?;
        Ok(())
    }

    /// openstacksdk's `find`: the item with this ID, else the one item whose `name` equals it
    /// (listing with `name=` plus `filters`, e.g. `domain_id`). A 403/404 on the ID lookup
    /// falls through to the name lookup.
    pub async fn find(
        &self,
        s: &Session,
        name_or_id: &str,
        filters: &[(&str, String)],
    ) -> Result<Lookup, ClientError> {
        match self.get(s, name_or_id).await {
            Ok(v) => return Ok(Lookup::Found(v)),
            Err(e) if matches!(e.status(), Some(404 | 403 | 400)) => {}
            Err(e) => return Err(e),
        }
        let mut query: Vec<(&str, String)> = vec![("name", name_or_id.to_string())];
        query.extend(filters.iter().cloned());
        Ok(Lookup::by_name(self.list(s, &query).await?, name_or_id))
    }
}

/// Collections below a parent resource (`users/{id}/application_credentials`): the same
/// operations with the path prefixed by `parent` (e.g. `users/1234`).
impl Collection {
    /// [`Collection::list`] below `parent`.
    pub async fn list_in(
        &self,
        s: &Session,
        parent: &str,
        query: &[(&str, String)],
    ) -> Result<Vec<Value>, ClientError> {
        let path = format!("{parent}/{}{}", self.path, query_string(query));
        pager::list_all_capped(
            s,
            self.service_type,
            self.api_version,
            self.microversion,
            &path,
            self.plural,
        )
        .await
    }

    /// [`Collection::get`] below `parent`.
    pub async fn get_in(&self, s: &Session, parent: &str, id: &str) -> Result<Value, ClientError> {
        let path = id_path(&format!("{parent}/{}", self.path), id);
        let resp = self.req(s, Method::GET, &path).send().await?;
        let url = resp.url.clone();
        self.unwrap_one(resp.json()?, &url)
    }

    /// [`Collection::create`] below `parent`.
    pub async fn create_in(
        &self,
        s: &Session,
        parent: &str,
        attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        let body = Value::Object(Map::from_iter([(
            self.singular.to_string(),
            Value::Object(attrs),
        )]));
        let path = format!("{parent}/{}", self.path);
        let resp = self.req(s, Method::POST, &path).json(body).send().await?;
        let url = resp.url.clone();
        self.unwrap_one(resp.json()?, &url)
    }

    /// [`Collection::update_with`] below `parent`.
    pub async fn update_in(
        &self,
        s: &Session,
        method: Method,
        parent: &str,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        let body = Value::Object(Map::from_iter([(
            self.singular.to_string(),
            Value::Object(attrs),
        )]));
        let path = id_path(&format!("{parent}/{}", self.path), id);
        let resp = self.req(s, method, &path).json(body).send().await?;
        let url = resp.url.clone();
        self.unwrap_one(resp.json()?, &url)
    }

    /// [`Collection::delete`] below `parent`.
    pub async fn delete_in(&self, s: &Session, parent: &str, id: &str) -> Result<(), ClientError> {
        let path = id_path(&format!("{parent}/{}", self.path), id);
        self.req(s, Method::DELETE, &path).send().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_like_as_oslo_utils() {
        for yes in [
            "11111111-2222-3333-4444-555555555555",
            "11111111222233334444555555555555",
            "{11111111-2222-3333-4444-55555555AAAA}",
            "urn:uuid:11111111-2222-3333-4444-555555555555",
        ] {
            assert!(is_uuid_like(yes), "{yes}");
        }
        for no in [
            "web-1",
            "",
            "11111111-2222-3333-4444-55555555555",
            "g1111111222233334444555555555555",
        ] {
            assert!(!is_uuid_like(no), "{no}");
        }
    }

    #[test]
    fn paths_and_queries_are_encoded() {
        assert_eq!(id_path("projects", "a b/c"), "projects/a%20b%2Fc");
        assert_eq!(
            query_string(&[("name", "x y".into()), ("domain_id", "d".into())]),
            "?name=x+y&domain_id=d"
        );
        assert_eq!(query_string(&[]), "");
    }
}

//! Pagination: following `next` links (keystone `links.next`, nova/cinder/neutron
//! `<collection>_links`, glance `next`) or markers (swift), collecting every item.

use crate::{ClientError, Result, Session};
use reqwest::Method;
use serde_json::Value;

/// Longest chain of pages followed before giving up (a server looping on its `next` link).
pub const MAX_PAGES: usize = 10_000;

/// The `next` link of a page of `collection`, as an absolute URL when `endpoint` is given
/// (glance's links are relative to the endpoint's origin).
pub fn next_link(body: &Value, collection: &str, endpoint: &str) -> Option<String> {
    let href = body
        .pointer("/links/next")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| {
            body.get(format!("{collection}_links"))
                .and_then(Value::as_array)?
                .iter()
                .find(|l| l.get("rel").and_then(Value::as_str) == Some("next"))?
                .get("href")?
                .as_str()
                .map(str::to_string)
        })
        .or_else(|| body.get("next").and_then(Value::as_str).map(str::to_string))?;
    if href.starts_with("http://") || href.starts_with("https://") {
        return Some(href);
    }
    // glance's `next` starts at its API root (`/v2/images?marker=…`), whatever path the
    // deployment puts glance under (`https://cloud/image`): as openstacksdk, take it relative to
    // the endpoint, without repeating a version segment the endpoint already ends with.
    if let Some(rest) = href.strip_prefix('/') {
        let ep = endpoint.trim_end_matches('/');
        let first = rest.split(['/', '?']).next().unwrap_or("");
        let tail = &rest[first.len()..];
        url::Url::parse(ep).ok()?;
        return Some(if !first.is_empty() && ep.ends_with(&format!("/{first}")) {
            format!("{ep}{tail}")
        } else {
            format!("{ep}/{rest}")
        });
    }
    let base = url::Url::parse(endpoint).ok()?;
    base.join(&href).ok().map(|u| u.to_string())
}

/// The marker for the next page of a plain list (swift): the `key` of the last item.
pub fn marker_of(items: &[Value], key: &str) -> Option<String> {
    items.last()?.get(key)?.as_str().map(str::to_string)
}

/// GETs `path` of a service and every following page, returning all items of `collection`.
pub async fn list_all(
    session: &Session,
    service_type: &str,
    api_version: Option<&str>,
    path: &str,
    collection: &str,
) -> Result<Vec<Value>> {
    list_all_capped(session, service_type, api_version, None, path, collection).await
}

/// [`list_all`] with a microversion negotiated up to `microversion_cap` on every page
/// (see [`crate::session::ServiceRequest::default_microversion`]).
pub async fn list_all_capped(
    session: &Session,
    service_type: &str,
    api_version: Option<&str>,
    microversion_cap: Option<&str>,
    path: &str,
    collection: &str,
) -> Result<Vec<Value>> {
    let mut items = Vec::new();
    for_each_page(
        session,
        service_type,
        api_version,
        microversion_cap,
        path,
        collection,
        |page| {
            items.extend(page);
            true
        },
    )
    .await?;
    Ok(items)
}

/// Pages through `path` as [`list_all_capped`] does, handing each page's items to `f` as it
/// arrives (so that a caller can keep only what it needs of 100,000 items); `f` returns whether
/// to fetch the next page.
pub async fn for_each_page(
    session: &Session,
    service_type: &str,
    api_version: Option<&str>,
    microversion_cap: Option<&str>,
    path: &str,
    collection: &str,
    mut f: impl FnMut(Vec<Value>) -> bool,
) -> Result<()> {
    let mut pages = PageCursor::new(
        service_type,
        api_version,
        microversion_cap,
        path,
        collection,
    );
    while let Some(page) = pages.next_page(session).await? {
        if !f(page) {
            break;
        }
    }
    Ok(())
}

/// The pages of a listing, fetched one at a time when the caller asks for the next (a caller
/// that makes other requests between two pages, or writes each page before fetching the next).
#[derive(Debug, Clone)]
pub struct PageCursor {
    service_type: String,
    api_version: Option<String>,
    microversion_cap: Option<String>,
    collection: String,
    /// The path of the first page, then the `next` link; `None` once the last page was read.
    next: Option<String>,
    /// Resolved before the first request (glance's relative links are taken from it).
    endpoint: Option<String>,
    seen: std::collections::HashSet<String>,
    pages: usize,
}

impl PageCursor {
    /// A cursor at the first page of `path` (relative to the service's endpoint, with its
    /// query string) whose items are the `collection` list of each answer.
    pub fn new(
        service_type: &str,
        api_version: Option<&str>,
        microversion_cap: Option<&str>,
        path: &str,
        collection: &str,
    ) -> Self {
        PageCursor {
            service_type: service_type.to_string(),
            api_version: api_version.map(str::to_string),
            microversion_cap: microversion_cap.map(str::to_string),
            collection: collection.to_string(),
            next: Some(path.to_string()),
            endpoint: None,
            seen: Default::default(),
            pages: 0,
        }
    }

    /// The next page's items, or `None` after the last page.
    pub async fn next_page(&mut self, session: &Session) -> Result<Option<Vec<Value>>> {
        let Some(target) = self.next.take() else {
            return Ok(None);
        };
        let mut req = session.request(&self.service_type, Method::GET, &target);
        if let Some(c) = &self.microversion_cap {
            req = req.default_microversion(c);
        }
        let endpoint = match &self.endpoint {
            Some(e) => e.clone(),
            None => {
                let e = match &self.api_version {
                    Some(v) => session.versioned_endpoint(&self.service_type, v).await?,
                    None => session.endpoint(&self.service_type).await?,
                };
                self.endpoint = Some(e.clone());
                e
            }
        };
        if self.pages == 0
            && let Some(v) = &self.api_version
        {
            req = req.api_version(v);
        }
        let resp = req.send().await?;
        self.pages += 1;
        let mut body = resp.json()?;
        let page = match body.get_mut(&self.collection).map(Value::take) {
            Some(Value::Array(items)) => items,
            _ => {
                return Err(ClientError::InvalidResponse {
                    url: resp.url.clone(),
                    reason: format!("no '{}' list in the answer", self.collection),
                });
            }
        };
        // an empty page, a link already followed (a server looping) or too long a chain ends it
        self.next = next_link(&body, &self.collection, &endpoint)
            .filter(|n| !page.is_empty() && self.pages < MAX_PAGES && self.seen.insert(n.clone()));
        Ok(Some(page))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn links() {
        assert_eq!(
            next_link(
                &json!({"links": {"next": "http://k/v3/users?marker=1"}}),
                "users",
                "http://k/v3"
            )
            .as_deref(),
            Some("http://k/v3/users?marker=1")
        );
        assert_eq!(
            next_link(&json!({"links": {"next": null}}), "users", "http://k"),
            None
        );
        assert_eq!(
            next_link(
                &json!({"servers_links": [{"rel": "next", "href": "http://n/servers?marker=a"}]}),
                "servers",
                "http://n"
            )
            .as_deref(),
            Some("http://n/servers?marker=a")
        );
        assert_eq!(
            next_link(
                &json!({"next": "/v2/images?marker=x"}),
                "images",
                "http://g:9292"
            )
            .as_deref(),
            Some("http://g:9292/v2/images?marker=x")
        );
        // glance under a path (devstack's /image), versioned endpoint or not
        for ep in ["http://h/image/v2", "http://h/image/v2/", "http://h/image"] {
            assert_eq!(
                next_link(&json!({"next": "/v2/images?marker=x"}), "images", ep).as_deref(),
                Some("http://h/image/v2/images?marker=x"),
                "{ep}"
            );
        }
        assert_eq!(
            marker_of(&[json!({"name": "a"}), json!({"name": "b"})], "name").as_deref(),
            Some("b")
        );
    }
}

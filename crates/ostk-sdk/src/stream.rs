//! Lists as lazy async streams: a page is fetched when the items of the previous one have been
//! consumed, so memory does not grow with the length of the listing and a consumer that stops
//! early (`.take(5)`, `.try_next()`) fetches no further pages.
//!
//! Two pagination styles: `next` links (keystone `links.next`, nova/cinder/neutron
//! `<collection>_links`, glance `next`) and markers (swift: the name of the last item).

use crate::client::{Method, Session, pager};
use crate::error::{Error, ErrorKind, Result};
use crate::rest::Collection;
use futures_util::stream::{self, Stream};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::{HashSet, VecDeque};
use std::pin::Pin;
use std::sync::Arc;

/// A lazily paginated listing: `Result<T>` items, pages fetched as they are consumed.
/// Use [`futures_util::StreamExt`]/[`futures_util::TryStreamExt`] (re-exported in
/// [`crate::prelude`]) to consume it: `.try_next()`, `.try_collect::<Vec<_>>()`, `.take(n)`.
pub type ListStream<T> = Pin<Box<dyn Stream<Item = Result<T>> + Send>>;

/// Where a link-paginated list lives.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Source {
    /// Catalog service type.
    pub service_type: &'static str,
    /// Major API version of the endpoint (`Some("3")` for identity), or the catalog's.
    pub api_version: Option<&'static str>,
    /// Microversion cap negotiated on every page.
    pub microversion: Option<&'static str>,
    /// JSON key of the list in a page (`servers`).
    pub key: &'static str,
    /// Key wrapping each item (`keypair` for nova's `{"keypair": {…}}` list items).
    pub item_wrapper: Option<&'static str>,
}

impl Source {
    /// The listing of a REST collection: its service, version and microversion, items under
    /// its plural key.
    pub(crate) const fn of(c: &Collection) -> Source {
        Source {
            service_type: c.service_type,
            api_version: c.api_version,
            microversion: c.microversion,
            key: c.plural,
            item_wrapper: None,
        }
    }
}

struct LinkState {
    session: Arc<Session>,
    src: Source,
    next: Option<String>,
    first: bool,
    endpoint: Option<String>,
    buf: VecDeque<Value>,
    seen: HashSet<String>,
    pages: usize,
}

fn decode<T: DeserializeOwned>(v: Value, wrapper: Option<&str>) -> Result<T> {
    let v = match (wrapper, v) {
        (Some(w), Value::Object(mut m)) if m.contains_key(w) => m.remove(w).unwrap_or_default(),
        (_, v) => v,
    };
    Ok(serde_json::from_value(v)?)
}

/// Streams the items of `path` (with its query) and the pages its `next` links lead to.
pub(crate) fn link_pages<T: DeserializeOwned + Send + 'static>(
    session: Arc<Session>,
    src: Source,
    path: String,
) -> ListStream<T> {
    let state = LinkState {
        session,
        src,
        next: Some(path),
        first: true,
        endpoint: None,
        buf: VecDeque::new(),
        seen: HashSet::new(),
        pages: 0,
    };
    Box::pin(stream::try_unfold(state, |mut st| async move {
        loop {
            if let Some(v) = st.buf.pop_front() {
                let item = decode(v, st.src.item_wrapper)?;
                return Ok(Some((item, st)));
            }
            let Some(path) = st.next.take() else {
                return Ok(None);
            };
            st.fetch(&path).await?;
        }
    }))
}

impl LinkState {
    async fn fetch(&mut self, path: &str) -> Result<()> {
        let mut req = self
            .session
            .request(self.src.service_type, Method::GET, path);
        if let Some(c) = self.src.microversion {
            req = req.default_microversion(c);
        }
        if self.first
            && let Some(v) = self.src.api_version
        {
            // later pages come as absolute links
            req = req.api_version(v);
        }
        self.first = false;
        if self.endpoint.is_none() {
            self.endpoint = Some(match self.src.api_version {
                Some(v) => {
                    self.session
                        .versioned_endpoint(self.src.service_type, v)
                        .await?
                }
                None => self.session.endpoint(self.src.service_type).await?,
            });
        }
        let resp = req.send().await?;
        let mut body = resp.json()?;
        let page = match body.get_mut(self.src.key).map(Value::take) {
            Some(Value::Array(items)) => items,
            _ => {
                return Err(Error::new(
                    ErrorKind::Other,
                    format!(
                        "Invalid response from {}: no '{}' list in the answer",
                        resp.url, self.src.key
                    ),
                ));
            }
        };
        self.pages += 1;
        let empty = page.is_empty();
        self.buf.extend(page);
        let endpoint = self.endpoint.as_deref().unwrap_or_default();
        self.next = pager::next_link(&body, self.src.key, endpoint).filter(|next| {
            // a server looping on its `next` link, or an empty page, ends the listing
            !empty && self.pages < pager::MAX_PAGES && self.seen.insert(next.clone())
        });
        Ok(())
    }
}

struct MarkerState {
    session: Arc<Session>,
    service_type: &'static str,
    path: String,
    query: Vec<(String, String)>,
    marker: Option<String>,
    done: bool,
    buf: VecDeque<Value>,
}

/// Streams a swift-style listing of `path` with `query` (`format=json` is added): each page
/// asks for the names after `marker`, the `name` (or `subdir`) of the last item so far,
/// starting with `start`; an empty page ends it.
pub(crate) fn marker_pages<T: DeserializeOwned + Send + 'static>(
    session: Arc<Session>,
    service_type: &'static str,
    path: String,
    query: Vec<(String, String)>,
    start: Option<String>,
) -> ListStream<T> {
    let state = MarkerState {
        session,
        service_type,
        path,
        query,
        marker: start,
        done: false,
        buf: VecDeque::new(),
    };
    Box::pin(stream::try_unfold(state, |mut st| async move {
        loop {
            if let Some(v) = st.buf.pop_front() {
                let item = decode(v, None)?;
                return Ok(Some((item, st)));
            }
            if st.done {
                return Ok(None);
            }
            let mut req = st
                .session
                .request(st.service_type, Method::GET, &st.path)
                .query("format", "json");
            for (k, v) in &st.query {
                req = req.query(k, v);
            }
            if let Some(m) = st.marker.as_deref().filter(|m| !m.is_empty()) {
                req = req.query("marker", m);
            }
            let resp = req.send().await?;
            // an empty container or account answers 204 with no body
            let page: Vec<Value> = if resp.body.is_empty() {
                Vec::new()
            } else {
                resp.json_as()?
            };
            let last = page
                .last()
                .and_then(|l| l.get("name").or_else(|| l.get("subdir")))
                .and_then(Value::as_str)
                .map(str::to_string);
            st.done = last.is_none() || last == st.marker;
            st.marker = last;
            st.buf.extend(page);
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::{StreamExt, TryStreamExt};
    use ostk_client::auth;
    use ostk_client::config::{AuthConfig, AuthValue, Secret, plugins};
    use ostk_client::{EndpointSettings, SessionOptions};
    use serde_json::json;
    use wiremock::matchers::{method, path, query_param};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    /// A session with a fixed endpoint and token (`admin_token`): no keystone needed.
    fn session(server: &MockServer) -> Arc<Session> {
        let p = plugins::plugin("admin_token").unwrap();
        let options = [
            ("endpoint", AuthValue::Plain(json!(server.uri()))),
            ("token", AuthValue::Secret(Secret::new("tok"))),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let cfg = AuthConfig { plugin: p, options };
        let (plugin, used) = auth::from_config(&cfg, None).unwrap();
        let s = Session::new(
            plugin,
            &used.canonical("admin_token"),
            EndpointSettings::default(),
            SessionOptions::default(),
        )
        .unwrap();
        Arc::new(s)
    }

    fn page(names: &[&str], next: Option<&str>) -> ResponseTemplate {
        let items: Vec<Value> = names.iter().map(|n| json!({"name": n})).collect();
        let mut body = json!({ "networks": items });
        if let Some(n) = next {
            body["networks_links"] = json!([{"rel": "next", "href": n}]);
        }
        ResponseTemplate::new(200).set_body_json(body)
    }

    const SRC: Source = Source {
        service_type: "network",
        api_version: None,
        microversion: None,
        key: "networks",
        item_wrapper: None,
    };

    #[tokio::test]
    async fn follows_links_lazily() {
        let server = MockServer::start().await;
        let uri = server.uri();
        Mock::given(method("GET"))
            .and(path("/networks"))
            .and(query_param("marker", "b"))
            .respond_with(page(&["c"], None))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/networks"))
            .respond_with(page(&["a", "b"], Some(&format!("{uri}/networks?marker=b"))))
            .mount(&server)
            .await;
        let s = session(&server);
        let names: Vec<Value> = link_pages(s.clone(), SRC, "networks".into())
            .try_collect()
            .await
            .unwrap();
        assert_eq!(names.len(), 3);
        assert_eq!(names[2]["name"], "c");
        // Taking the first page's items only asks for the first page.
        let before = server.received_requests().await.unwrap().len();
        let first: Vec<Result<Value>> = link_pages(s, SRC, "networks".into())
            .take(2)
            .collect()
            .await;
        assert_eq!(first.len(), 2);
        let after = server.received_requests().await.unwrap().len();
        assert_eq!(after - before, 1);
    }

    #[tokio::test]
    async fn a_looping_next_link_ends_the_listing() {
        let server = MockServer::start().await;
        let uri = server.uri();
        Mock::given(method("GET"))
            .and(path("/networks"))
            .respond_with(page(&["a"], Some(&format!("{uri}/networks?marker=a"))))
            .mount(&server)
            .await;
        let items: Vec<Value> = link_pages(session(&server), SRC, "networks".into())
            .try_collect()
            .await
            .unwrap();
        // the first page and the one its link leads to; that one links to itself
        assert_eq!(items.len(), 2);
    }

    #[tokio::test]
    async fn markers_page_through_swift_listings_and_errors_are_typed() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/v1/AUTH_x"))
            .and(query_param("marker", "b"))
            .respond_with(ResponseTemplate::new(204))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/AUTH_x"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!([
                {"name": "a", "count": 1, "bytes": 2},
                {"name": "b", "count": 0, "bytes": 0}
            ])))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/AUTH_denied"))
            .respond_with(ResponseTemplate::new(403).insert_header("x-openstack-request-id", "tx9"))
            .mount(&server)
            .await;
        let s = session(&server);
        let items: Vec<Value> =
            marker_pages(s.clone(), "object-store", "v1/AUTH_x".into(), vec![], None)
                .try_collect()
                .await
                .unwrap();
        assert_eq!(items.len(), 2);
        let err = marker_pages::<Value>(s, "object-store", "v1/AUTH_denied".into(), vec![], None)
            .try_collect::<Vec<_>>()
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Forbidden);
        assert_eq!(err.request_id(), Some("tx9"));
    }
}

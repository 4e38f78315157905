//! Object storage (swift v1): account, containers and objects, with streaming verified
//! transfers, static large objects and bulk deletes.
//!
//! - Uploads stream from the file in constant memory, hashing on the way out; swift's ETag must
//!   match the local MD5 or the object is removed and the upload fails.
//! - Files over [`UploadOptions::segment_size`] become a static large object (SLO): segments
//!   in `<container>_segments` (python-swiftclient's layout), sent in parallel, each checked by
//!   ETag, then the manifest. Any failure, or Ctrl-C, deletes every segment sent: no orphans.
//! - Downloads verify the ETag (plain objects) or each segment's MD5 (SLOs, fetched in
//!   parallel into their place in the file); a failed download leaves no file.
//! - Multi-object and recursive deletes use the cluster's bulk delete when `/info` offers it,
//!   else bounded parallel DELETEs; SLO manifests are deleted with their segments.
//!
//! ```no_run
//! # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
//! use ostk_sdk::object_store::{ListQuery, ObjectStore};
//! let swift = ObjectStore::new(s);
//! for c in swift.list_containers(&ListQuery::default()).await? {
//!     println!("{} {} objects", c.name, c.count);
//! }
//! # Ok(()) }
//! ```

mod delete;
mod transfer_ops;

pub use delete::{BulkDeleteReport, DeleteFailure};
pub use transfer_ops::{DownloadOptions, UploadOptions, Uploaded};

use crate::client::session::ServiceRequest;
use crate::client::{ClientError, HttpResponse, Method, Session};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The catalog service type.
pub const SERVICE_TYPE: &str = "object-store";

/// What `urllib.parse.quote` leaves as is: letters, digits, `_.-~` and `/`.
const QUOTE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'_')
    .remove(b'.')
    .remove(b'-')
    .remove(b'~')
    .remove(b'/');

/// Percent-encodes a container or object name for a URL path as python-openstackclient does.
pub fn quote(s: &str) -> String {
    utf8_percent_encode(s, QUOTE).to_string()
}

/// The path of an object under the account endpoint.
pub fn object_path(container: &str, object: &str) -> String {
    format!("{}/{}", quote(container), quote(object))
}

/// Query options of container and object listings.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// Names starting with this.
    pub prefix: Option<String>,
    /// Roll names up to the first delimiter after the prefix (objects only).
    pub delimiter: Option<String>,
    /// Names after this one.
    pub marker: Option<String>,
    /// Names before this one.
    pub end_marker: Option<String>,
    /// Page size (the server's limit when unset: 10,000).
    pub limit: Option<u64>,
    /// Follow markers until the listing is exhausted.
    pub all: bool,
}

/// A container as listings show it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerEntry {
    /// Name.
    pub name: String,
    /// Number of objects.
    #[serde(default)]
    pub count: u64,
    /// Bytes used.
    #[serde(default)]
    pub bytes: u64,
    /// Everything else swift sent (`last_modified`…).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An object (or, with a delimiter, a pseudo-directory) as listings show it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ObjectEntry {
    /// Name (absent for a `subdir` entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Pseudo-directory prefix when listing with a delimiter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subdir: Option<String>,
    /// Size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// MD5 (the manifest's, for a large object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
    /// ETag of a static large object: marks SLO manifests in listings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slo_etag: Option<String>,
    /// Everything else swift sent (`content_type`, `last_modified`…).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ObjectEntry {
    /// The entry as swift sent it.
    pub fn to_map(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        }
    }
}

/// Swift's own capabilities document (`GET /info`), the parts this client uses.
#[derive(Debug, Clone, Default)]
pub struct Capabilities {
    /// Bulk delete: the most paths one request may carry, when the middleware is on.
    pub bulk_delete_max: Option<usize>,
    /// SLO: the most segments one manifest may list, when the middleware is on.
    pub slo_max_segments: Option<u64>,
    /// SLO: the smallest segment allowed (bytes).
    pub slo_min_segment_size: u64,
    /// Largest single object (bytes).
    pub max_file_size: Option<u64>,
    /// The whole document.
    pub raw: Value,
}

impl Capabilities {
    fn from_value(v: Value) -> Capabilities {
        let num = |a: &str, b: &str| v.get(a).and_then(|x| x.get(b)).and_then(Value::as_u64);
        Capabilities {
            bulk_delete_max: v
                .get("bulk_delete")
                .map(|_| num("bulk_delete", "max_deletes_per_request").unwrap_or(10000) as usize),
            slo_max_segments: v
                .get("slo")
                .map(|_| num("slo", "max_manifest_segments").unwrap_or(1000)),
            slo_min_segment_size: num("slo", "min_segment_size").unwrap_or(1),
            max_file_size: num("swift", "max_file_size"),
            raw: v,
        }
    }
}

/// A swift client on a session.
#[derive(Debug, Clone, Copy)]
pub struct ObjectStore<'s> {
    session: &'s Session,
}

impl<'s> ObjectStore<'s> {
    /// Swift through `session` (endpoint from the catalog, `object-store`).
    pub fn new(session: &'s Session) -> ObjectStore<'s> {
        ObjectStore { session }
    }

    /// The session used.
    pub fn session(&self) -> &'s Session {
        self.session
    }

    /// The account endpoint (`…/v1/AUTH_<project>`).
    pub async fn endpoint(&self) -> Result<String, ClientError> {
        Ok(self
            .session
            .endpoint(SERVICE_TYPE)
            .await?
            .trim_end_matches('/')
            .to_string())
    }

    /// The account name: the last path segment of the endpoint, as python-openstackclient
    /// reports it.
    pub async fn account(&self) -> Result<String, ClientError> {
        let ep = self.session.endpoint(SERVICE_TYPE).await?;
        let path = url::Url::parse(&ep)
            .map(|u| u.path().to_string())
            .unwrap_or_default();
        Ok(path.rsplit('/').next().unwrap_or_default().to_string())
    }

    /// The absolute URL of an object.
    pub async fn object_url(&self, container: &str, object: &str) -> Result<String, ClientError> {
        Ok(format!(
            "{}/{}",
            self.endpoint().await?,
            object_path(container, object)
        ))
    }

    fn request(&self, method: Method, path: &str) -> ServiceRequest<'s> {
        self.session.request(SERVICE_TYPE, method, path)
    }

    async fn send_with(
        &self,
        method: Method,
        path: &str,
        headers: &[(String, String)],
    ) -> Result<HttpResponse, ClientError> {
        let mut r = self.request(method, path);
        for (k, v) in headers {
            r = r.header(k, v.clone());
        }
        r.send().await
    }

    /// The cluster's capabilities (`/info` next to `/v1`; no token needed).
    pub async fn capabilities(&self) -> Result<Capabilities, ClientError> {
        let ep = self.endpoint().await?;
        let url = match ep.find("/v1") {
            Some(i) => format!("{}/info", &ep[..i]),
            None => {
                let u = url::Url::parse(&ep)
                    .map_err(|e| ClientError::Config(format!("invalid URL {ep}: {e}")))?;
                format!("{}/info", u.origin().ascii_serialization())
            }
        };
        let resp = self
            .session
            .http()
            .send(&crate::client::HttpRequest::new(Method::GET, url))
            .await?;
        if !resp.is_success() {
            return Ok(Capabilities::default());
        }
        Ok(Capabilities::from_value(resp.json().unwrap_or(Value::Null)))
    }

    async fn list_raw(&self, path: &str, q: &ListQuery) -> Result<Vec<Value>, ClientError> {
        let mut out: Vec<Value> = Vec::new();
        self.list_raw_pages(path, q, |page| {
            out.extend(page);
            true
        })
        .await?;
        Ok(out)
    }

    /// The listing of `path` a page at a time (swift pages by marker: the last name of a page);
    /// one page only unless `q.all`; `f` returns whether to go on.
    async fn list_raw_pages(
        &self,
        path: &str,
        q: &ListQuery,
        mut f: impl FnMut(Vec<Value>) -> bool,
    ) -> Result<(), ClientError> {
        let mut marker = q.marker.clone();
        loop {
            let mut r = self.request(Method::GET, path).query("format", "json");
            if let Some(l) = q.limit.filter(|l| *l > 0) {
                r = r.query("limit", l);
            }
            if let Some(m) = marker.as_deref().filter(|m| !m.is_empty()) {
                r = r.query("marker", m);
            }
            if let Some(m) = q.end_marker.as_deref().filter(|m| !m.is_empty()) {
                r = r.query("end_marker", m);
            }
            if let Some(p) = q.prefix.as_deref().filter(|p| !p.is_empty()) {
                r = r.query("prefix", p);
            }
            if let Some(d) = q.delimiter.as_deref().filter(|d| !d.is_empty()) {
                r = r.query("delimiter", d);
            }
            let resp = r.send().await?;
            // An empty container or account answers 204 with no body.
            let page: Vec<Value> = if resp.body.is_empty() {
                Vec::new()
            } else {
                resp.json_as()?
            };
            if !q.all {
                f(page);
                return Ok(());
            }
            let Some(last) = page.last() else {
                return Ok(());
            };
            marker = last
                .get("name")
                .or_else(|| last.get("subdir"))
                .and_then(Value::as_str)
                .map(str::to_string);
            if !f(page) || marker.is_none() {
                return Ok(());
            }
        }
    }

    /// A container's objects a page at a time, as swift sends them (10,000 per page by
    /// default): a caller keeps only what it needs of a very long listing. `f` returns
    /// whether to fetch the next page.
    pub async fn list_objects_pages(
        &self,
        container: &str,
        q: &ListQuery,
        mut f: impl FnMut(Vec<ObjectEntry>) -> bool,
    ) -> Result<(), ClientError> {
        let mut bad = None;
        self.list_raw_pages(&quote(container), q, |page| match decode(page) {
            Ok(entries) => f(entries),
            Err(e) => {
                bad = Some(e);
                false
            }
        })
        .await?;
        bad.map_or(Ok(()), Err)
    }

    /// Lists the account's containers.
    pub async fn list_containers(&self, q: &ListQuery) -> Result<Vec<ContainerEntry>, ClientError> {
        decode(self.list_raw("", q).await?)
    }

    /// Lists a container's objects.
    pub async fn list_objects(
        &self,
        container: &str,
        q: &ListQuery,
    ) -> Result<Vec<ObjectEntry>, ClientError> {
        decode(self.list_raw(&quote(container), q).await?)
    }

    /// Creates (or updates) a container with these headers.
    pub async fn create_container(
        &self,
        container: &str,
        headers: &[(String, String)],
    ) -> Result<HttpResponse, ClientError> {
        self.send_with(Method::PUT, &quote(container), headers)
            .await
    }

    /// A container's headers.
    pub async fn head_container(&self, container: &str) -> Result<HttpResponse, ClientError> {
        self.request(Method::HEAD, &quote(container)).send().await
    }

    /// Sets container metadata headers.
    pub async fn post_container(
        &self,
        container: &str,
        headers: &[(String, String)],
    ) -> Result<HttpResponse, ClientError> {
        self.send_with(Method::POST, &quote(container), headers)
            .await
    }

    /// Deletes an (empty) container.
    pub async fn delete_container(&self, container: &str) -> Result<HttpResponse, ClientError> {
        self.request(Method::DELETE, &quote(container)).send().await
    }

    /// An object's headers.
    pub async fn head_object(
        &self,
        container: &str,
        object: &str,
    ) -> Result<HttpResponse, ClientError> {
        self.request(Method::HEAD, &object_path(container, object))
            .send()
            .await
    }

    /// Sets object metadata headers.
    pub async fn post_object(
        &self,
        container: &str,
        object: &str,
        headers: &[(String, String)],
    ) -> Result<HttpResponse, ClientError> {
        self.send_with(Method::POST, &object_path(container, object), headers)
            .await
    }

    /// Deletes one object (only the manifest, for a large object: see
    /// [`ObjectStore::delete_objects`]).
    pub async fn delete_object(
        &self,
        container: &str,
        object: &str,
    ) -> Result<HttpResponse, ClientError> {
        self.request(Method::DELETE, &object_path(container, object))
            .send()
            .await
    }

    /// The account's headers.
    pub async fn head_account(&self) -> Result<HttpResponse, ClientError> {
        self.request(Method::HEAD, "").send().await
    }

    /// Sets account metadata headers.
    pub async fn post_account(
        &self,
        headers: &[(String, String)],
    ) -> Result<HttpResponse, ClientError> {
        self.send_with(Method::POST, "", headers).await
    }
}

/// Whether an `X-Static-Large-Object` header value marks an SLO manifest.
fn is_slo(header: Option<&str>) -> bool {
    header.is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

fn decode<T: serde::de::DeserializeOwned>(items: Vec<Value>) -> Result<Vec<T>, ClientError> {
    items
        .into_iter()
        .map(|v| {
            serde_json::from_value(v).map_err(|e| ClientError::InvalidResponse {
                url: "object-store listing".into(),
                reason: e.to_string(),
            })
        })
        .collect()
}

/// Metadata from headers with this (lower-case) prefix, names as swift sends them
/// (title-cased: `X-Object-Meta-Color` → `Color`).
pub fn metadata(resp: &HttpResponse, prefix: &str) -> Map<String, Value> {
    let mut m = Map::new();
    for (k, v) in &resp.headers {
        if k.to_ascii_lowercase().starts_with(prefix) {
            let name = python_title(k);
            m.insert(name[prefix.len()..].to_string(), Value::String(v.clone()));
        }
    }
    m
}

/// Python's `str.title()` on an ASCII header name: swift title-cases the names it sends, and
/// the transport hands them over lower-cased.
fn python_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = true;
        } else {
            out.push(c);
            prev_cased = false;
        }
    }
    out
}

/// `X-<Kind>-Meta-<key>: value` headers for properties; non-ASCII keys or values are skipped
/// with python-openstackclient's error log line.
pub fn set_metadata_headers(kind: &str, props: &[(String, String)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (k, v) in props {
        if !k.is_ascii() || !v.is_ascii() {
            tracing::error!("Cannot set property {k} to non-ascii value");
            continue;
        }
        out.retain(|(n, _): &(String, String)| n != &format!("X-{kind}-Meta-{k}"));
        out.push((format!("X-{kind}-Meta-{k}"), v.clone()));
    }
    out
}

/// `X-Remove-<Kind>-Meta-<key>: x` headers.
pub fn remove_metadata_headers(kind: &str, keys: &[String]) -> Vec<(String, String)> {
    keys.iter()
        .map(|k| (format!("X-Remove-{kind}-Meta-{k}"), "x".to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_as_urllib() {
        assert_eq!(quote("/tmp/a b+c~d_e.f-g"), "/tmp/a%20b%2Bc~d_e.f-g");
        assert_eq!(quote("é?#%"), "%C3%A9%3F%23%25");
        assert_eq!(object_path("c 1", "a/b"), "c%201/a/b");
    }

    #[test]
    fn titles_as_python() {
        assert_eq!(
            python_title("x-object-meta-foo_bar"),
            "X-Object-Meta-Foo_Bar"
        );
        assert_eq!(python_title("x-container-meta-a1b"), "X-Container-Meta-A1B");
    }

    #[test]
    fn capabilities_read_bulk_and_slo() {
        let c = Capabilities::from_value(serde_json::json!({
            "bulk_delete": {"max_deletes_per_request": 500},
            "slo": {"max_manifest_segments": 1000, "min_segment_size": 1},
            "swift": {"max_file_size": 5368709122u64}
        }));
        assert_eq!(c.bulk_delete_max, Some(500));
        assert_eq!(c.slo_max_segments, Some(1000));
        assert_eq!(c.max_file_size, Some(5368709122));
        let none = Capabilities::from_value(serde_json::json!({"swift": {}}));
        assert_eq!(none.bulk_delete_max, None);
        assert_eq!(none.slo_max_segments, None);
    }
}

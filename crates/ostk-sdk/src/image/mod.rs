//! Image (glance v2): images and their data, members, tags, import, stores and metadata
//! definitions. Glance answers with bare JSON objects (no `{"image": …}` wrapper), updates
//! images with JSON-Patch and pages lists with `next`; data moves through
//! [`crate::client::transfer`] in constant memory.
//!
//! ```no_run
//! # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
//! use ostk_sdk::image::ImageService;
//! let glance = ImageService::new(s);
//! for img in glance.list(&[("status", "active".into())]).await? {
//!     println!("{} {}", img.id, img.name.as_deref().unwrap_or(""));
//! }
//! # Ok(()) }
//! ```

use crate::client::transfer::{self, Expected, Sink, Source};
use crate::client::{ClientError, HttpRequest, HttpResponse, Method, Session};
use crate::rest::{Collection, Lookup};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The images collection (`/v2/images`, items unwrapped).
pub const IMAGES: Collection = Collection {
    service_type: "image",
    api_version: Some("2"),
    path: "images",
    singular: "image",
    plural: "images",
    microversion: None,
};

/// The tasks collection (`/v2/tasks`).
pub const TASKS: Collection = Collection {
    service_type: "image",
    api_version: Some("2"),
    path: "tasks",
    singular: "task",
    plural: "tasks",
    microversion: None,
};

/// JSON-Patch media type glance wants on `PATCH /v2/images/{id}`.
pub const JSON_PATCH: &str = "application/openstack-images-v2.1-json-patch";

/// A glance image. Fields glance may add later stay in `extra`, in glance's order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// `queued`, `saving`, `active`…
    #[serde(default)]
    pub status: Option<String>,
    /// MD5 of the data.
    #[serde(default)]
    pub checksum: Option<String>,
    /// Algorithm of `os_hash_value` (`sha512`).
    #[serde(default)]
    pub os_hash_algo: Option<String>,
    /// Digest of the data by `os_hash_algo`.
    #[serde(default)]
    pub os_hash_value: Option<String>,
    /// Data size in bytes.
    #[serde(default)]
    pub size: Option<u64>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Everything else glance sent, in its order.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Image {
    /// Decodes an image from glance's JSON.
    pub fn from_value(v: Value) -> Result<Image, ClientError> {
        serde_json::from_value(v).map_err(|e| ClientError::InvalidResponse {
            url: "image".into(),
            reason: e.to_string(),
        })
    }

    /// The image as glance sent it (typed fields first, then the rest in glance's order).
    pub fn to_map(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        }
    }

    /// The checksums its data must match.
    pub fn expected(&self) -> Expected {
        Expected {
            hash: match (&self.os_hash_algo, &self.os_hash_value) {
                (Some(a), Some(v)) => Some((a.clone(), v.clone())),
                _ => None,
            },
            md5: self.checksum.clone(),
        }
    }
}

/// The image service of a session.
#[derive(Debug, Clone, Copy)]
pub struct ImageService<'s> {
    session: &'s Session,
}

fn enc(s: &str) -> String {
    let e: String = url::form_urlencoded::byte_serialize(s.as_bytes()).collect();
    e.replace('+', "%20")
}

impl<'s> ImageService<'s> {
    /// Image calls on `session`.
    pub fn new(session: &'s Session) -> Self {
        ImageService { session }
    }

    /// The v2 endpoint (`http://…:9292/v2`).
    pub async fn endpoint(&self) -> Result<String, ClientError> {
        self.session.versioned_endpoint("image", "2").await
    }

    async fn url(&self, path: &str) -> Result<String, ClientError> {
        Ok(crate::client::session::join_url(
            &self.endpoint().await?,
            path,
        ))
    }

    /// Sends a request below the v2 endpoint with an optional body of the given type.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<(&str, Value)>,
    ) -> Result<HttpResponse, ClientError> {
        let mut req =
            HttpRequest::new(method, self.url(path).await?).header("Accept", "application/json");
        if let Some((ctype, v)) = body {
            req = req.json(&v);
            req.set_header("Content-Type", ctype);
        }
        self.session.send(req).await
    }

    /// Like [`ImageService::call`] but without `Accept: application/json`, as openstacksdk
    /// sends its resource calls: glance then words errors as HTML rather than JSON.
    async fn call_plain(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<HttpResponse, ClientError> {
        let mut req = HttpRequest::new(method, self.url(path).await?);
        if let Some(v) = body {
            req = req.json(&v);
            req.set_header("Content-Type", "application/json");
        }
        self.session.send(req).await
    }

    async fn json_plain(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, ClientError> {
        let resp = self.call_plain(method, path, body).await?;
        if resp.body.is_empty() {
            return Ok(Value::Null);
        }
        resp.json()
    }

    async fn json(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, ClientError> {
        let resp = self
            .call(method, path, body.map(|b| ("application/json", b)))
            .await?;
        if resp.body.is_empty() {
            return Ok(Value::Null);
        }
        resp.json()
    }

    /// Images matching the query (`name`, `status`, `visibility`, `tag`…, repeated keys
    /// allowed), every page.
    pub async fn list(&self, query: &[(&str, String)]) -> Result<Vec<Image>, ClientError> {
        IMAGES
            .list(self.session, query)
            .await?
            .into_iter()
            .map(Image::from_value)
            .collect()
    }

    /// One page of images (`limit`/`marker` in the query), without following `next`.
    pub async fn list_page(&self, query: &[(&str, String)]) -> Result<Vec<Image>, ClientError> {
        let mut u = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in query {
            u.append_pair(k, v);
        }
        let v = self
            .json(Method::GET, &format!("images?{}", u.finish()), None)
            .await?;
        v.get("images")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(Image::from_value)
            .collect()
    }

    /// One image by ID.
    pub async fn get(&self, id: &str) -> Result<Image, ClientError> {
        Image::from_value(
            self.json(Method::GET, &format!("images/{}", enc(id)), None)
                .await?,
        )
    }

    /// openstacksdk's `find_image`: by ID, else the one image of that name.
    pub async fn find(&self, name_or_id: &str) -> Result<Lookup, ClientError> {
        match self.get(name_or_id).await {
            Ok(i) => return Ok(Lookup::Found(Value::Object(i.to_map()))),
            Err(e) if matches!(e.status(), Some(404 | 400 | 403)) => {}
            Err(e) => return Err(e),
        }
        let mut hits: Vec<Image> = self
            .list(&[("name", name_or_id.to_string())])
            .await?
            .into_iter()
            .filter(|i| i.name.as_deref() == Some(name_or_id))
            .collect();
        if hits.is_empty() {
            // openstacksdk finds hidden images by name too.
            hits = self
                .list(&[
                    ("name", name_or_id.to_string()),
                    ("os_hidden", "true".into()),
                ])
                .await?
                .into_iter()
                .filter(|i| i.name.as_deref() == Some(name_or_id))
                .collect();
        }
        Ok(match hits.len() {
            0 => Lookup::NotFound,
            1 => Lookup::Found(Value::Object(hits.remove(0).to_map())),
            n => Lookup::Ambiguous(n),
        })
    }

    /// Creates an image record; also returns the import methods glance offers for it (the
    /// `OpenStack-image-import-methods` header).
    pub async fn create(
        &self,
        attrs: Map<String, Value>,
    ) -> Result<(Image, Vec<String>), ClientError> {
        let resp = self
            .call(
                Method::POST,
                "images",
                Some(("application/json", Value::Object(attrs))),
            )
            .await?;
        let methods = resp
            .header("openstack-image-import-methods")
            .map(|h| h.split(',').map(|s| s.trim().to_string()).collect())
            .unwrap_or_default();
        Ok((Image::from_value(resp.json()?)?, methods))
    }

    /// Applies JSON-Patch operations (`{"op": "replace", "path": "/name", "value": …}`).
    pub async fn patch(&self, id: &str, ops: Vec<Value>) -> Result<Image, ClientError> {
        let resp = self
            .call(
                Method::PATCH,
                &format!("images/{}", enc(id)),
                Some((JSON_PATCH, Value::Array(ops))),
            )
            .await?;
        Image::from_value(resp.json()?)
    }

    /// Deletes an image (from one store only, with `store`).
    pub async fn delete(&self, id: &str, store: Option<&str>) -> Result<(), ClientError> {
        let path = match store {
            Some(s) => format!("stores/{}/{}", enc(s), enc(id)),
            None => format!("images/{}", enc(id)),
        };
        self.call(Method::DELETE, &path, None).await?;
        Ok(())
    }

    /// Uploads image data (`PUT /v2/images/{id}/file`), streaming it.
    pub async fn upload(
        &self,
        id: &str,
        source: &Source,
        progress: bool,
    ) -> Result<(), ClientError> {
        self.put_data(&format!("images/{}/file", enc(id)), source, progress)
            .await
    }

    /// Stages image data for the interoperable import (`PUT /v2/images/{id}/stage`); `size`
    /// (or a file's length) goes in `X-OpenStack-Image-Size`, as openstacksdk sends it.
    pub async fn stage(
        &self,
        id: &str,
        source: &Source,
        size: Option<u64>,
        progress: bool,
    ) -> Result<(), ClientError> {
        let size = match (size, source) {
            (Some(n), _) => Some(n),
            (None, Source::File(p)) => tokio::fs::metadata(p).await.ok().map(|m| m.len()),
            (None, Source::Stdin) => None,
        };
        let mut headers = Vec::new();
        if let Some(n) = size {
            headers.push(("X-OpenStack-Image-Size".to_string(), n.to_string()));
        }
        self.put_data_with(
            &format!("images/{}/stage", enc(id)),
            headers,
            source,
            progress,
        )
        .await
    }

    async fn put_data(
        &self,
        path: &str,
        source: &Source,
        progress: bool,
    ) -> Result<(), ClientError> {
        self.put_data_with(path, Vec::new(), source, progress).await
    }

    async fn put_data_with(
        &self,
        path: &str,
        extra: Vec<(String, String)>,
        source: &Source,
        progress: bool,
    ) -> Result<(), ClientError> {
        let url = self.url(path).await?;
        let mut headers = vec![(
            "Content-Type".to_string(),
            "application/octet-stream".to_string(),
        )];
        headers.extend(extra);
        transfer::upload(self.session, Method::PUT, &url, &headers, source, progress).await?;
        Ok(())
    }

    /// Stages an empty body (openstacksdk's `stage_image` without data).
    pub async fn stage_empty(&self, id: &str) -> Result<(), ClientError> {
        let req = HttpRequest::new(
            Method::PUT,
            self.url(&format!("images/{}/stage", enc(id))).await?,
        )
        .header("Content-Type", "application/octet-stream");
        self.session.send(req).await?;
        Ok(())
    }

    /// Starts an import (`POST /v2/images/{id}/import`) with its JSON body.
    pub async fn import(&self, id: &str, body: Value) -> Result<(), ClientError> {
        self.json_plain(
            Method::POST,
            &format!("images/{}/import", enc(id)),
            Some(body),
        )
        .await?;
        Ok(())
    }

    /// Downloads the data of `image` into `sink`, verifying its checksums; `None` when the
    /// image has no data (204).
    pub async fn download(
        &self,
        image: &Image,
        sink: &Sink,
        stores: &[String],
        progress: bool,
    ) -> Result<Option<u64>, ClientError> {
        let mut url = self.url(&format!("images/{}/file", enc(&image.id))).await?;
        if !stores.is_empty() {
            url = format!("{url}?prefer={}", stores.join(","));
        }
        let d =
            transfer::download(self.session, &url, &[], sink, &image.expected(), progress).await?;
        Ok((d.status != 204).then_some(d.bytes))
    }

    /// Removes a tag.
    pub async fn remove_tag(&self, id: &str, tag: &str) -> Result<(), ClientError> {
        self.call(
            Method::DELETE,
            &format!("images/{}/tags/{}", enc(id), enc(tag)),
            None,
        )
        .await?;
        Ok(())
    }

    /// `deactivate` or `reactivate`.
    pub async fn action(&self, id: &str, action: &str) -> Result<(), ClientError> {
        self.call(
            Method::POST,
            &format!("images/{}/actions/{action}", enc(id)),
            None,
        )
        .await?;
        Ok(())
    }

    /// Members of an image.
    pub async fn members(&self, id: &str) -> Result<Vec<Value>, ClientError> {
        let v = self
            .json(Method::GET, &format!("images/{}/members", enc(id)), None)
            .await?;
        Ok(v.get("members")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default())
    }

    /// Shares an image with a project.
    pub async fn add_member(&self, id: &str, member: &str) -> Result<Value, ClientError> {
        self.json(
            Method::POST,
            &format!("images/{}/members", enc(id)),
            Some(serde_json::json!({ "member": member })),
        )
        .await
    }

    /// One member.
    pub async fn get_member(&self, id: &str, member: &str) -> Result<Value, ClientError> {
        self.json_plain(
            Method::GET,
            &format!("images/{}/members/{}", enc(id), enc(member)),
            None,
        )
        .await
    }

    /// Sets a member's status (`accepted`, `rejected`, `pending`).
    pub async fn update_member(
        &self,
        id: &str,
        member: &str,
        status: &str,
    ) -> Result<Value, ClientError> {
        self.json(
            Method::PUT,
            &format!("images/{}/members/{}", enc(id), enc(member)),
            Some(serde_json::json!({ "status": status })),
        )
        .await
    }

    /// Stops sharing an image with a project.
    pub async fn remove_member(&self, id: &str, member: &str) -> Result<(), ClientError> {
        self.call(
            Method::DELETE,
            &format!("images/{}/members/{}", enc(id), enc(member)),
            None,
        )
        .await?;
        Ok(())
    }

    /// `GET /v2/info/import`.
    pub async fn import_info(&self) -> Result<Value, ClientError> {
        self.json(Method::GET, "info/import", None).await
    }

    /// `GET /v2/info/stores` (`/detail` with `detail`).
    pub async fn stores(&self, detail: bool) -> Result<Vec<Value>, ClientError> {
        let path = if detail {
            "info/stores/detail"
        } else {
            "info/stores"
        };
        let v = self.json(Method::GET, path, None).await?;
        Ok(v.get("stores")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default())
    }

    /// Tasks matching the query (`type`, `status`, `sort_key`, `sort_dir`, `limit`,
    /// `marker`), following `next` links as openstacksdk does (`limit` is the page size).
    pub async fn tasks(&self, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
        TASKS.list(self.session, query).await
    }

    /// One task (`GET /v2/tasks/{id}`, unwrapped).
    pub async fn task(&self, id: &str) -> Result<Value, ClientError> {
        self.json_plain(Method::GET, &format!("tasks/{}", enc(id)), None)
            .await
    }

    /// The cache state (`GET /v2/cache`: `cached_images` and `queued_images`).
    pub async fn cache(&self) -> Result<Value, ClientError> {
        self.json_plain(Method::GET, "cache", None).await
    }

    /// Queues an image for caching (`PUT /v2/cache/{id}`).
    pub async fn cache_queue(&self, id: &str) -> Result<(), ClientError> {
        self.call_plain(Method::PUT, &format!("cache/{}", enc(id)), None)
            .await?;
        Ok(())
    }

    /// Removes an image from the cache (`DELETE /v2/cache/{id}`).
    pub async fn cache_delete(&self, id: &str) -> Result<(), ClientError> {
        self.call_plain(Method::DELETE, &format!("cache/{}", enc(id)), None)
            .await?;
        Ok(())
    }

    /// Clears the cache (`DELETE /v2/cache`): `cache` or `queue` only via the
    /// `x-image-cache-clear-target` header, both without it.
    pub async fn cache_clear(&self, target: Option<&str>) -> Result<(), ClientError> {
        let mut req = HttpRequest::new(Method::DELETE, self.url("cache").await?);
        if let Some(t) = target {
            req = req.header("x-image-cache-clear-target", t);
        }
        self.session.send(req).await?;
        Ok(())
    }

    /// Every item of a metadata-definitions list (`metadefs/namespaces?…`), following `next`.
    pub async fn metadef_list(&self, path: &str, key: &str) -> Result<Vec<Value>, ClientError> {
        crate::client::pager::list_all(
            self.session,
            "image",
            Some("2"),
            &format!("metadefs/{path}"),
            key,
        )
        .await
    }

    /// A GET/POST/PUT/DELETE on a metadata-definitions path (`metadefs/namespaces/…`).
    pub async fn metadef(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Result<Value, ClientError> {
        self.json_plain(method, &format!("metadefs/{path}"), body)
            .await
    }
}

/// A path segment, percent-encoded.
pub fn segment(s: &str) -> String {
    enc(s)
}

//! Uploads (plain and static large objects) and downloads (verified, parallel segments).

use super::{Capabilities, ObjectStore, is_slo, object_path, quote};
use crate::client::transfer::{self, Expected, Part, Progress, Sink, Source, TempTarget};
use crate::client::{ClientError, HttpResponse, Method};
use futures_util::{StreamExt, stream};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// Default segment size: files above it upload as static large objects. 1 GiB keeps the
/// manifest small (1,000 segments reach 1 TiB) while still giving a 5 GiB file five
/// parallel streams; swift's single-object ceiling is 5 GiB.
pub const DEFAULT_SEGMENT_SIZE: u64 = 1 << 30;

/// Requests in flight at once by default (python-swiftclient uses 10 upload threads).
pub const DEFAULT_CONCURRENCY: usize = 10;

/// How uploads are done.
#[derive(Debug, Clone)]
pub struct UploadOptions {
    /// Files larger than this become static large objects with segments of this size; 0
    /// never segments.
    pub segment_size: u64,
    /// Requests in flight at once, segments and files together.
    pub concurrency: usize,
    /// Draw a progress bar (only ever on a terminal).
    pub progress: bool,
}

impl Default for UploadOptions {
    fn default() -> Self {
        UploadOptions {
            segment_size: DEFAULT_SEGMENT_SIZE,
            concurrency: DEFAULT_CONCURRENCY,
            progress: false,
        }
    }
}

/// How downloads are done.
#[derive(Debug, Clone)]
pub struct DownloadOptions {
    /// Segments (of a large object) or objects fetched at once.
    pub concurrency: usize,
    /// Draw a progress bar (only ever on a terminal).
    pub progress: bool,
}

impl Default for DownloadOptions {
    fn default() -> Self {
        DownloadOptions {
            concurrency: 4,
            progress: false,
        }
    }
}

/// One object written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uploaded {
    /// Container.
    pub container: String,
    /// Object name.
    pub object: String,
    /// ETag swift answered (quoted for a large object, as swift sends it).
    pub etag: Option<String>,
    /// `X-Trans-Id` of the object PUT.
    pub trans_id: Option<String>,
    /// Segments written (0: a plain object).
    pub segments: usize,
}

impl Uploaded {
    /// What the object PUT (or manifest PUT) answered.
    fn new(container: &str, object: &str, resp: &HttpResponse, segments: usize) -> Uploaded {
        Uploaded {
            container: container.to_string(),
            object: object.to_string(),
            etag: resp.header("etag").map(str::to_string),
            trans_id: resp.header("x-trans-id").map(str::to_string),
            segments,
        }
    }
}

/// Segment paths (`/container/object`) sent but not yet owned by a manifest: what Ctrl-C or
/// a failure must delete.
type Pending = Arc<Mutex<Vec<String>>>;

fn unquote_etag(s: &str) -> String {
    s.trim().trim_matches('"').to_ascii_lowercase()
}

/// Whether a failure may pass if the request is sent again.
fn transient(e: &ClientError) -> bool {
    match e {
        ClientError::Connect { .. } | ClientError::Broken { .. } | ClientError::Timeout { .. } => {
            true
        }
        ClientError::Api(a) => a.status >= 500,
        _ => false,
    }
}

const ATTEMPTS: usize = 3;

impl ObjectStore<'_> {
    /// Uploads local files to `container`, each as the object named beside it, in parallel;
    /// results in the order given. Every file is checked readable before anything is sent.
    /// Ctrl-C stops everything and deletes the segments of unfinished large objects.
    pub async fn upload_files(
        &self,
        container: &str,
        files: &[(String, PathBuf)],
        opts: &UploadOptions,
    ) -> Result<Vec<Result<Uploaded, ClientError>>, ClientError> {
        let mut sizes = Vec::with_capacity(files.len());
        for (_, path) in files {
            let meta = std::fs::metadata(path)
                .map_err(|e| ClientError::Config(format!("cannot read {}: {e}", path.display())))?;
            if meta.is_dir() {
                return Err(ClientError::Config(format!(
                    "cannot read {}: Is a directory",
                    path.display()
                )));
            }
            sizes.push(meta.len());
        }
        let concurrency = opts.concurrency.max(1);
        let large = opts.segment_size > 0 && sizes.iter().any(|s| *s > opts.segment_size);
        let caps = if large {
            self.capabilities().await?
        } else {
            Capabilities::default()
        };
        let total: u64 = sizes.iter().sum();
        let bar = Arc::new(Progress::new(opts.progress, Some(total)));
        let sem = Arc::new(Semaphore::new(concurrency));
        let pending: Pending = Arc::new(Mutex::new(Vec::new()));
        // Each upload owns its item and handles: an async block borrowing from the closure
        // makes the future not provably `Send` (rustc's higher-ranked lifetime limitation),
        // which SDK users spawning an upload need.
        let caps = Arc::new(caps);
        let shared = (bar.clone(), sem.clone(), pending.clone(), caps.clone());
        let this = *self;
        let work = stream::iter(files.iter().cloned().zip(sizes))
            .map(move |((name, path), size)| {
                let (bar, sem, pending, caps) = shared.clone();
                async move {
                    if opts.segment_size > 0 && size > opts.segment_size {
                        this.upload_large(
                            container, &name, &path, size, opts, &caps, &bar, &sem, &pending,
                        )
                        .await
                    } else {
                        this.upload_plain(container, &name, &path, &bar, &sem).await
                    }
                }
            })
            .buffered(concurrency)
            .collect::<Vec<_>>();
        let outcome = tokio::select! {
            r = work => Ok(r),
            _ = tokio::signal::ctrl_c() => Err(()),
        };
        bar.finish();
        match outcome {
            Ok(r) => Ok(r),
            Err(()) => {
                let left: Vec<String> = std::mem::take(&mut *pending.lock().expect("pending"));
                let n = left.len();
                let cleaned = self.delete_paths(&left, &caps).await;
                Err(ClientError::Interrupted(match cleaned {
                    Ok(()) if n > 0 => {
                        format!("interrupted: removed the {n} segments of unfinished large objects")
                    }
                    Ok(()) => "interrupted".into(),
                    Err(e) => format!("interrupted; removing unfinished segments failed: {e}"),
                }))
            }
        }
    }

    /// One PUT of a whole file, MD5 checked against the ETag.
    async fn upload_plain(
        &self,
        container: &str,
        name: &str,
        path: &Path,
        bar: &Arc<Progress>,
        sem: &Semaphore,
    ) -> Result<Uploaded, ClientError> {
        let _permit = sem.acquire().await.expect("semaphore open");
        let url = self.object_url(container, name).await?;
        let source = Source::File(path.to_path_buf());
        let up = self.put_verified(&url, &source, None, &[], bar).await;
        let up = match up {
            Err(ClientError::Integrity(msg)) => {
                // Swift stored something else than what was read: do not leave it there.
                let _ = self.delete_object(container, name).await;
                return Err(ClientError::Integrity(format!(
                    "{msg}; the object {container}/{name} was deleted"
                )));
            }
            other => other?,
        };
        Ok(Uploaded::new(container, name, &up, 0))
    }

    /// PUTs a file (or a range of it), retrying transient failures, and checks the ETag
    /// against the MD5 of what was sent.
    async fn put_verified(
        &self,
        url: &str,
        source: &Source,
        range: Option<(u64, u64)>,
        headers: &[(String, String)],
        bar: &Arc<Progress>,
    ) -> Result<HttpResponse, ClientError> {
        let part = Part {
            source,
            range,
            md5: true,
        };
        let mut attempt = 0;
        let up = loop {
            attempt += 1;
            match transfer::upload_part(self.session, Method::PUT, url, headers, &part, bar).await {
                Err(e) if attempt < ATTEMPTS && transient(&e) => {
                    tracing::debug!("PUT {url} failed ({e}); sending it again");
                }
                other => break other?,
            }
        };
        let sent = up.md5.clone().unwrap_or_default();
        match up.response.header("etag").map(unquote_etag) {
            Some(etag) if etag == sent => Ok(up.response),
            Some(etag) => Err(ClientError::Integrity(format!(
                "upload to {url} corrupted: swift stored MD5 {etag}, {sent} was sent"
            ))),
            None => Err(ClientError::Integrity(format!(
                "upload to {url}: swift sent no ETag to verify"
            ))),
        }
    }

    /// A static large object: segments in parallel, then the manifest; on failure every
    /// segment sent is deleted.
    #[allow(clippy::too_many_arguments)]
    async fn upload_large(
        &self,
        container: &str,
        name: &str,
        path: &Path,
        size: u64,
        opts: &UploadOptions,
        caps: &Capabilities,
        bar: &Arc<Progress>,
        sem: &Semaphore,
        pending: &Pending,
    ) -> Result<Uploaded, ClientError> {
        let Some(max_segments) = caps.slo_max_segments else {
            if caps.max_file_size.is_some_and(|m| size > m) {
                return Err(ClientError::Config(format!(
                    "{} is larger than the object store's maximum object size and the store \
                     offers no static large objects",
                    path.display()
                )));
            }
            return self.upload_plain(container, name, path, bar, sem).await;
        };
        let mut seg = opts.segment_size.max(caps.slo_min_segment_size).max(1);
        if size.div_ceil(seg) > max_segments {
            seg = size.div_ceil(max_segments);
        }
        let old = self.old_segments(container, name).await?;
        let seg_container = format!("{container}_segments");
        self.create_container(&seg_container, &[]).await?;
        let mtime = std::fs::metadata(path)
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| format!("{}.{:06}", d.as_secs(), d.subsec_micros()))
            .unwrap_or_else(|| "0.000000".into());
        let prefix = format!("{name}/slo/{mtime}/{size}/{seg}/");
        let count = size.div_ceil(seg);
        let segments: Vec<(u64, String)> = (0..count)
            .map(|i| (i, format!("/{seg_container}/{prefix}{i:08}")))
            .collect();
        pending
            .lock()
            .expect("pending")
            .extend(segments.iter().map(|(_, p)| p.clone()));
        let result = self
            .send_segments(container, name, path, size, seg, &segments, bar, sem)
            .await;
        let mine: Vec<String> = segments.iter().map(|(_, p)| p.clone()).collect();
        let forget = || {
            pending
                .lock()
                .expect("pending")
                .retain(|p| !mine.contains(p))
        };
        match result {
            Ok(resp) => {
                forget();
                let stale: Vec<String> = old.into_iter().filter(|p| !mine.contains(p)).collect();
                if let Err(e) = self.delete_paths(&stale, caps).await {
                    tracing::warn!("could not delete the previous segments of {name}: {e}");
                }
                Ok(Uploaded::new(container, name, &resp, segments.len()))
            }
            Err(e) => {
                forget();
                let cleanup = self.delete_paths(&mine, caps).await;
                Err(match cleanup {
                    Ok(()) => with_context(e, &format!("{} segments removed", mine.len())),
                    Err(c) => with_context(e, &format!("removing its segments failed too: {c}")),
                })
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    async fn send_segments(
        &self,
        container: &str,
        name: &str,
        path: &Path,
        size: u64,
        seg: u64,
        segments: &[(u64, String)],
        bar: &Arc<Progress>,
        sem: &Semaphore,
    ) -> Result<HttpResponse, ClientError> {
        let source = Source::File(path.to_path_buf());
        let endpoint = self.endpoint().await?;
        let source = &source;
        let endpoint = &endpoint;
        let mut done: Vec<(u64, String, String, u64)> = Vec::with_capacity(segments.len());
        // After a failure no further segment starts, but those under way are let finish: one
        // dropped mid-request could still be stored by swift after the cleanup deleted it.
        let failed = &std::sync::atomic::AtomicBool::new(false);
        // owned items, a `move` closure: the future stays `Send` (see `upload_files`)
        let mut sent = stream::iter(segments.iter().cloned())
            .map(move |(i, p)| async move {
                let _permit = sem.acquire().await.expect("semaphore open");
                if failed.load(std::sync::atomic::Ordering::Relaxed) {
                    return Ok(None);
                }
                let offset = i * seg;
                let len = seg.min(size - offset);
                let url = format!("{endpoint}{}", quote(&p));
                let resp = self
                    .put_verified(&url, source, Some((offset, len)), &[], bar)
                    .await
                    .inspect_err(|_| failed.store(true, std::sync::atomic::Ordering::Relaxed))?;
                let etag = resp.header("etag").map(unquote_etag).unwrap_or_default();
                Ok::<_, ClientError>(Some((i, p, etag, len)))
            })
            .buffer_unordered(segments.len().max(1));
        let mut first_error = None;
        while let Some(r) = sent.next().await {
            match r {
                Ok(Some(d)) => done.push(d),
                Ok(None) => {}
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        drop(sent);
        if let Some(e) = first_error {
            return Err(e);
        }
        done.sort_by_key(|d| d.0);
        let manifest: Vec<Value> = done
            .iter()
            .map(|(_, p, etag, len)| json!({"path": p, "etag": etag, "size_bytes": len}))
            .collect();
        let want = transfer::md5_hex(
            done.iter()
                .map(|d| d.2.as_str())
                .collect::<String>()
                .as_bytes(),
        );
        let resp = self
            .session
            .request(
                super::SERVICE_TYPE,
                Method::PUT,
                &object_path(container, name),
            )
            .query("multipart-manifest", "put")
            .header("X-Detect-Content-Type", "true")
            .json(Value::Array(manifest))
            .send()
            .await?;
        match resp.header("etag").map(unquote_etag) {
            Some(e) if e == want => Ok(resp),
            other => Err(ClientError::Integrity(format!(
                "large object {container}/{name}: manifest ETag {} does not match its segments ({want})",
                other.unwrap_or_default()
            ))),
        }
    }

    /// The segment paths of an existing static large object (none for anything else).
    async fn old_segments(&self, container: &str, name: &str) -> Result<Vec<String>, ClientError> {
        let head = match self.head_object(container, name).await {
            Ok(h) => h,
            Err(e) if e.status() == Some(404) => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        if !is_slo(head.header("x-static-large-object")) {
            return Ok(Vec::new());
        }
        Ok(self
            .manifest(container, name)
            .await?
            .into_iter()
            .map(|s| s.path)
            .collect())
    }

    /// The segments listed by a static large object's manifest.
    pub async fn manifest(
        &self,
        container: &str,
        name: &str,
    ) -> Result<Vec<ManifestSegment>, ClientError> {
        let resp = self
            .session
            .request(
                super::SERVICE_TYPE,
                Method::GET,
                &object_path(container, name),
            )
            .query("multipart-manifest", "get")
            .send()
            .await?;
        let items: Vec<Value> = resp.json_as()?;
        Ok(items
            .into_iter()
            .map(|v| ManifestSegment {
                path: v
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                bytes: v.get("bytes").and_then(Value::as_u64).unwrap_or(0),
                hash: v
                    .get("hash")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                plain: v.get("sub_slo").is_none() && v.get("range").is_none(),
            })
            .collect())
    }

    /// Downloads an object into `sink`, verified: a plain object against its ETag, a static
    /// large object segment by segment against its manifest (segments fetched in parallel
    /// into their place in the file). On any failure, or Ctrl-C, no file is left.
    pub async fn download(
        &self,
        container: &str,
        name: &str,
        sink: &Sink,
        opts: &DownloadOptions,
    ) -> Result<u64, ClientError> {
        tokio::select! {
            r = self.download_inner(container, name, sink, opts) => r,
            _ = tokio::signal::ctrl_c() => Err(ClientError::Interrupted(
                "interrupted: nothing was saved".into(),
            )),
        }
    }

    async fn download_inner(
        &self,
        container: &str,
        name: &str,
        sink: &Sink,
        opts: &DownloadOptions,
    ) -> Result<u64, ClientError> {
        let url = self.object_url(container, name).await?;
        let opened = transfer::open(self.session, &url, &[]).await?;
        let slo = is_slo(opened.header("x-static-large-object"));
        if slo {
            let segments = self.manifest(container, name).await?;
            if segments.iter().all(|s| s.plain) && !segments.is_empty() {
                drop(opened);
                return self.download_segments(&segments, sink, opts).await;
            }
        }
        let mut expected = Expected::default();
        // A DLO's or nested SLO's ETag is no MD5 of the body: nothing to check it against.
        if !slo && opened.header("x-object-manifest").is_none() {
            expected.md5 = opened.header("etag").map(unquote_etag);
        }
        let bar = Progress::new(opts.progress, opened.content_length());
        let r = transfer::save(opened, sink, &expected, &bar).await;
        bar.finish();
        r
    }

    async fn download_segments(
        &self,
        segments: &[ManifestSegment],
        sink: &Sink,
        opts: &DownloadOptions,
    ) -> Result<u64, ClientError> {
        let endpoint = self.endpoint().await?;
        let total: u64 = segments.iter().map(|s| s.bytes).sum();
        let bar = Progress::new(opts.progress, Some(total));
        let endpoint = &endpoint;
        let result = match sink {
            Sink::Stdout => {
                let mut n = 0;
                for s in segments {
                    let (opened, expected) = self.open_segment(endpoint, s).await?;
                    n += transfer::save(opened, &Sink::Stdout, &expected, &bar).await?;
                }
                Ok(n)
            }
            Sink::File(target) => {
                let (file, temp) = TempTarget::create(target)?;
                file.set_len(total).map_err(|e| {
                    ClientError::Config(format!("cannot write {}: {e}", target.display()))
                })?;
                let mut offsets = Vec::with_capacity(segments.len());
                let mut at = 0;
                for s in segments {
                    offsets.push(at);
                    at += s.bytes;
                }
                let (file, bar) = (&file, &bar);
                let mut parts = stream::iter(segments.iter().zip(offsets))
                    .map(|(s, offset)| async move {
                        let (opened, expected) = self.open_segment(endpoint, s).await?;
                        transfer::save_at(opened, file, offset, &expected, bar).await
                    })
                    .buffer_unordered(opts.concurrency.max(1));
                let mut n = 0;
                while let Some(r) = parts.next().await {
                    n += r?;
                }
                drop(parts);
                file.sync_data().ok();
                temp.persist()?;
                Ok(n)
            }
        };
        bar.finish();
        result
    }
}

impl ObjectStore<'_> {
    /// GETs one segment of a large object, checking its length against the manifest.
    async fn open_segment(
        &self,
        endpoint: &str,
        s: &ManifestSegment,
    ) -> Result<(transfer::Opened, Expected), ClientError> {
        let url = format!("{endpoint}{}", quote(&s.path));
        let expected = Expected {
            hash: None,
            md5: Some(s.hash.to_ascii_lowercase()),
        };
        let opened = transfer::open(self.session, &url, &[]).await?;
        if opened.content_length() != Some(s.bytes) {
            return Err(ClientError::Integrity(format!(
                "segment {} has {} bytes, the manifest says {}",
                s.path,
                opened
                    .content_length()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| "an unknown number of".into()),
                s.bytes
            )));
        }
        Ok((opened, expected))
    }
}

/// One entry of a static large object's manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestSegment {
    /// `/container/object` of the segment.
    pub path: String,
    /// Its size.
    pub bytes: u64,
    /// Its MD5.
    pub hash: String,
    /// A plain object (not a nested manifest, not a byte range of one).
    pub plain: bool,
}

/// Adds what was cleaned up to an error's one line.
fn with_context(e: ClientError, what: &str) -> ClientError {
    match e {
        ClientError::Integrity(m) => ClientError::Integrity(format!("{m} ({what})")),
        other => ClientError::Transfer(format!("{other} ({what})")),
    }
}

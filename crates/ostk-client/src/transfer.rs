//! Streaming transfers: uploading a file or stdin as a request body and downloading an answer
//! to a file or stdout, in constant memory (256 KiB chunks, never a whole file), with an
//! optional progress bar (only when stderr is a terminal) and checksum verification of
//! downloads (glance's `os_hash_algo`/`os_hash_value`, the MD5 `checksum`, swift's ETag).
//!
//! A download goes to a temporary file in the target's directory, renamed over the target
//! only once every byte arrived and the checksums matched: on a mismatch or an interrupted
//! body the temporary file is removed and nothing is left behind.
//!
//! Re-authentication on 401 happens only while the body has not been consumed: a file is
//! reopened and sent again; stdin is resent only if no byte of it was read yet.
//!
//! Not here: what the bytes mean (image, object) — callers in `ostk-sdk` build the URLs and
//! headers.

use crate::{ClientError, HttpResponse, Result, Session};
use md5::Digest;
use reqwest::Method;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::io::{AsyncRead, AsyncReadExt};

/// Size of the chunks read from a source.
pub const CHUNK: usize = 256 * 1024;

/// Where an upload's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A local file (reopened if the request must be sent again).
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// Where a download's bytes go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    /// A local file, replaced only when the download completed and verified.
    File(PathBuf),
    /// Standard output.
    Stdout,
}

/// Checksums a download must match (hex digests). Empty means "nothing to verify".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expected {
    /// A `(algorithm, hex digest)` pair: `sha512`, `sha384`, `sha256` or `md5` (glance's
    /// `os_hash_algo`/`os_hash_value`). An algorithm this module does not know is skipped.
    pub hash: Option<(String, String)>,
    /// An MD5 hex digest (glance `checksum`, swift `ETag`).
    pub md5: Option<String>,
}

/// A progress bar on stderr; inert unless requested and stderr is a terminal.
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    /// A bar for `total` bytes (unknown: a byte counter) when `wanted` and stderr is a terminal.
    pub fn new(wanted: bool, total: Option<u64>) -> Progress {
        Self::with_terminal(wanted, total, std::io::stderr().is_terminal())
    }

    /// As [`Progress::new`], with the terminal test given (for tests).
    pub fn with_terminal(wanted: bool, total: Option<u64>, terminal: bool) -> Progress {
        if !wanted || !terminal {
            return Progress { bar: None };
        }
        let bar = match total {
            Some(n) => {
                let b = indicatif::ProgressBar::new(n);
                if let Ok(style) = indicatif::ProgressStyle::with_template("[{bar:40}] {percent}%")
                {
                    b.set_style(style.progress_chars("=> "));
                }
                b
            }
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        Progress { bar: Some(bar) }
    }

    /// Whether a bar is drawn.
    pub fn is_visible(&self) -> bool {
        self.bar.is_some()
    }

    /// Counts `n` more bytes.
    pub fn inc(&self, n: usize) {
        if let Some(b) = &self.bar {
            b.inc(n as u64);
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

enum Hasher {
    Md5(md5::Md5),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl Hasher {
    fn new(algo: &str) -> Option<Hasher> {
        Some(match algo.to_ascii_lowercase().as_str() {
            "md5" => Hasher::Md5(md5::Md5::new()),
            "sha256" => Hasher::Sha256(sha2::Sha256::new()),
            "sha384" => Hasher::Sha384(sha2::Sha384::new()),
            "sha512" => Hasher::Sha512(sha2::Sha512::new()),
            _ => return None,
        })
    }

    fn update(&mut self, b: &[u8]) {
        match self {
            Hasher::Md5(h) => h.update(b),
            Hasher::Sha256(h) => h.update(b),
            Hasher::Sha384(h) => h.update(b),
            Hasher::Sha512(h) => h.update(b),
        }
    }

    fn hex(self) -> String {
        let bytes: Vec<u8> = match self {
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
        };
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Verifies bytes as they pass (openstacksdk `image/_download.py`: the `os_hash_algo` digest
/// when the algorithm is known, else the MD5; here the MD5 too when both are given).
struct Verifier {
    checks: Vec<(String, String, Hasher)>,
}

impl Verifier {
    fn new(e: &Expected) -> Verifier {
        let mut checks = Vec::new();
        if let Some((algo, want)) = &e.hash
            && !want.is_empty()
            && let Some(h) = Hasher::new(algo)
        {
            checks.push((algo.to_ascii_lowercase(), want.to_ascii_lowercase(), h));
        }
        if let Some(want) = e.md5.as_ref().filter(|w| !w.is_empty())
            && !checks.iter().any(|(a, _, _)| a == "md5")
        {
            checks.push((
                "md5".into(),
                want.to_ascii_lowercase(),
                Hasher::Md5(md5::Md5::new()),
            ));
        }
        Verifier { checks }
    }

    fn update(&mut self, b: &[u8]) {
        for (_, _, h) in &mut self.checks {
            h.update(b);
        }
    }

    /// openstacksdk's wording: `checksum mismatch (sha512): <expected> != <actual>`.
    fn finish(self) -> std::result::Result<(), String> {
        for (algo, want, h) in self.checks {
            let got = h.hex();
            if got != want {
                return Err(format!("checksum mismatch ({algo}): {want} != {got}"));
            }
        }
        Ok(())
    }
}

fn io_error(what: &str, path: Option<&Path>, e: std::io::Error) -> ClientError {
    match path {
        Some(p) => ClientError::Config(format!("{what} {}: {e}", p.display())),
        None => ClientError::Config(format!("{what}: {e}")),
    }
}

async fn open_source(
    source: &Source,
    range: Option<(u64, u64)>,
) -> Result<(Box<dyn AsyncRead + Send + Unpin>, Option<u64>)> {
    use tokio::io::AsyncSeekExt;
    match source {
        Source::File(p) => {
            let mut f = tokio::fs::File::open(p)
                .await
                .map_err(|e| io_error("cannot read", Some(p), e))?;
            match range {
                Some((offset, len)) => {
                    f.seek(std::io::SeekFrom::Start(offset))
                        .await
                        .map_err(|e| io_error("cannot read", Some(p), e))?;
                    Ok((Box::new(f.take(len)), Some(len)))
                }
                None => {
                    let len = f.metadata().await.ok().map(|m| m.len());
                    Ok((Box::new(f), len))
                }
            }
        }
        Source::Stdin => Ok((Box::new(tokio::io::stdin()), None)),
    }
}

/// What an upload sent and got back.
#[derive(Debug, Clone)]
pub struct Uploaded {
    /// The answer (success statuses only).
    pub response: HttpResponse,
    /// Bytes sent.
    pub bytes: u64,
    /// MD5 hex digest of the bytes sent, when asked for.
    pub md5: Option<String>,
}

/// One upload: a whole source or a byte range of a file, optionally hashed with MD5 on the
/// way out (to check against swift's ETag without reading the file twice).
#[derive(Debug, Clone)]
pub struct Part<'a> {
    /// The bytes' origin.
    pub source: &'a Source,
    /// `(offset, length)` within a file source; `None` for all of it.
    pub range: Option<(u64, u64)>,
    /// Compute the MD5 of what is sent.
    pub md5: bool,
}

/// Sends `source` as the body of a `method` request to `url` (with the session's token and
/// `headers`), streaming it; the answer is read in full (uploads answer with little or
/// nothing) and error statuses become [`crate::ApiError`]s.
pub async fn upload(
    session: &Session,
    method: Method,
    url: &str,
    headers: &[(String, String)],
    source: &Source,
    progress: bool,
) -> Result<HttpResponse> {
    let len = match source {
        Source::File(p) => tokio::fs::metadata(p).await.ok().map(|m| m.len()),
        Source::Stdin => None,
    };
    let bar = Arc::new(Progress::new(progress, len));
    let part = Part {
        source,
        range: None,
        md5: false,
    };
    let r = upload_part(session, method, url, headers, &part, &bar).await;
    bar.finish();
    Ok(r?.response)
}

/// Sends one [`Part`] as the body of a `method` request to `url`, counting bytes on `bar`
/// (several parts may share one bar). Re-authenticates once on 401 when the body can be
/// sent again (a file, or stdin not read yet).
pub async fn upload_part(
    session: &Session,
    method: Method,
    url: &str,
    headers: &[(String, String)],
    part: &Part<'_>,
    bar: &Arc<Progress>,
) -> Result<Uploaded> {
    let mut retried = false;
    loop {
        let access = session.access().await?;
        let (reader, len) = open_source(part.source, part.range).await?;
        let consumed = Arc::new(AtomicBool::new(false));
        let hasher = Arc::new(std::sync::Mutex::new(
            part.md5.then(|| Hasher::Md5(md5::Md5::new())),
        ));
        let sent = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let stream = {
            let consumed = consumed.clone();
            let hasher = hasher.clone();
            let sent = sent.clone();
            let bar = bar.clone();
            futures_util::stream::unfold(reader, move |mut r| {
                let consumed = consumed.clone();
                let hasher = hasher.clone();
                let sent = sent.clone();
                let bar = bar.clone();
                async move {
                    let mut buf = vec![0u8; CHUNK];
                    match r.read(&mut buf).await {
                        Ok(0) => None,
                        Ok(n) => {
                            consumed.store(true, Ordering::Relaxed);
                            buf.truncate(n);
                            if let Some(h) = hasher.lock().expect("hasher").as_mut() {
                                h.update(&buf);
                            }
                            sent.fetch_add(n as u64, Ordering::Relaxed);
                            bar.inc(n);
                            Some((Ok::<_, std::io::Error>(buf), r))
                        }
                        Err(e) => Some((Err(e), r)),
                    }
                }
            })
        };
        tracing::debug!("REQ: {method} {url} (streamed body)");
        let mut rb = session
            .http()
            .client()
            .request(method.clone(), url)
            .body(reqwest::Body::wrap_stream(stream));
        for (k, v) in headers {
            rb = rb.header(k, v);
        }
        if let Some(len) = len {
            rb = rb.header("Content-Length", len.to_string());
        }
        for (k, v) in access.request_headers() {
            rb = rb.header(k, v);
        }
        let resp = rb.send().await.map_err(|e| transport_error(url, e));
        let resp = collect(resp?, url, &method).await?;
        let replayable =
            matches!(part.source, Source::File(_)) || !consumed.load(Ordering::Relaxed);
        if resp.status == 401 && !retried && replayable && session.can_reauthenticate() {
            tracing::debug!("401 from {url}: re-authenticating once");
            session.invalidate().await;
            retried = true;
            continue;
        }
        let response = resp.error_for_status()?;
        let md5 = hasher.lock().expect("hasher").take().map(Hasher::hex);
        return Ok(Uploaded {
            response,
            bytes: sent.load(Ordering::Relaxed),
            md5,
        });
    }
}

async fn collect(resp: reqwest::Response, url: &str, method: &Method) -> Result<HttpResponse> {
    let status = resp.status().as_u16();
    let headers = header_pairs(&resp);
    let body = resp
        .bytes()
        .await
        .map_err(|e| transport_error(url, e))?
        .to_vec();
    Ok(HttpResponse {
        status,
        headers,
        body,
        url: url.to_string(),
        method: method.to_string(),
    })
}

fn header_pairs(resp: &reqwest::Response) -> Vec<(String, String)> {
    resp.headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

fn transport_error(url: &str, e: reqwest::Error) -> ClientError {
    if e.is_timeout() {
        return ClientError::Timeout { url: url.into() };
    }
    let mut reason = e.to_string();
    let mut src = std::error::Error::source(&e);
    while let Some(s) = src {
        reason = s.to_string();
        src = s.source();
    }
    ClientError::Connect {
        url: url.into(),
        reason,
    }
}

/// A body that broke off mid-way, in one line.
fn interrupted(url: &str, written: u64, total: Option<u64>, e: reqwest::Error) -> ClientError {
    let reason = match transport_error(url, e) {
        ClientError::Connect { reason, .. } => reason,
        other => other.to_string(),
    };
    let of = total.map(|n| format!(" of {n}")).unwrap_or_default();
    ClientError::Integrity(format!(
        "the download of {url} broke off after {written}{of} bytes ({reason})"
    ))
}

/// What a download did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Downloaded {
    /// Bytes written.
    pub bytes: u64,
    /// Status of the answer (`204` for glance images without data: nothing written).
    pub status: u16,
    /// Headers of the answer (names lower-case).
    pub headers: Vec<(String, String)>,
}

/// A temporary file next to a download's target, removed on drop unless persisted: what
/// makes an interrupted or failed download leave nothing behind.
#[derive(Debug)]
pub struct TempTarget {
    path: PathBuf,
    target: PathBuf,
    keep: bool,
}

impl TempTarget {
    /// Creates the temporary file for `target` (in the same directory, so the final rename
    /// stays on one file system).
    pub fn create(target: &Path) -> Result<(std::fs::File, TempTarget)> {
        let path = temp_path(target);
        let f =
            std::fs::File::create(&path).map_err(|e| io_error("cannot write", Some(&path), e))?;
        Ok((
            f,
            TempTarget {
                path,
                target: target.to_path_buf(),
                keep: false,
            },
        ))
    }

    /// Renames the temporary file over the target.
    pub fn persist(mut self) -> Result<()> {
        std::fs::rename(&self.path, &self.target)
            .map_err(|e| io_error("cannot write", Some(&self.target), e))?;
        self.keep = true;
        Ok(())
    }
}

impl Drop for TempTarget {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn temp_path(target: &Path) -> PathBuf {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "download".into());
    dir.join(format!(".{name}.{}.part", std::process::id()))
}

/// A GET whose headers arrived and whose body is still to be read.
#[derive(Debug)]
pub struct Opened {
    resp: reqwest::Response,
    url: String,
    /// Status (success only).
    pub status: u16,
    /// Headers (names lower-case).
    pub headers: Vec<(String, String)>,
}

impl Opened {
    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The announced body length.
    pub fn content_length(&self) -> Option<u64> {
        self.resp.content_length()
    }
}

/// GETs `url` with the session's token and `headers`, re-authenticating once on 401; error
/// statuses become [`crate::ApiError`]s. The body is left unread.
pub async fn open(session: &Session, url: &str, headers: &[(String, String)]) -> Result<Opened> {
    let mut retried = false;
    loop {
        let access = session.access().await?;
        tracing::debug!("REQ: GET {url} (streamed answer)");
        let mut rb = session.http().client().get(url);
        for (k, v) in headers {
            rb = rb.header(k, v);
        }
        for (k, v) in access.request_headers() {
            rb = rb.header(k, v);
        }
        let resp = rb.send().await.map_err(|e| transport_error(url, e))?;
        let status = resp.status().as_u16();
        if status == 401 && !retried && session.can_reauthenticate() {
            tracing::debug!("401 from {url}: re-authenticating once");
            session.invalidate().await;
            retried = true;
            continue;
        }
        if status >= 400 {
            return collect(resp, url, &Method::GET)
                .await?
                .error_for_status()
                .map(|_| unreachable!("an error status"));
        }
        let headers = header_pairs(&resp);
        return Ok(Opened {
            resp,
            url: url.to_string(),
            status,
            headers,
        });
    }
}

/// GETs `url` (with the session's token and `headers`) and streams the body into `sink`,
/// verifying `expected` checksums. On a mismatch or a broken body: an error, and no file.
pub async fn download(
    session: &Session,
    url: &str,
    headers: &[(String, String)],
    sink: &Sink,
    expected: &Expected,
    progress: bool,
) -> Result<Downloaded> {
    let opened = open(session, url, headers).await?;
    let mut expected = expected.clone();
    if expected.hash.is_none() && expected.md5.is_none() {
        // openstacksdk falls back to the Content-MD5 header.
        expected.md5 = opened.header("content-md5").map(str::to_string);
    }
    let bar = Progress::new(progress, opened.content_length());
    let (status, headers) = (opened.status, opened.headers.clone());
    let result = save(opened, sink, &expected, &bar).await;
    bar.finish();
    Ok(Downloaded {
        bytes: result?,
        status,
        headers,
    })
}

/// Streams an opened answer into `sink` (a file through a [`TempTarget`]), verifying
/// `expected` and the announced length; returns the bytes written.
pub async fn save(opened: Opened, sink: &Sink, expected: &Expected, bar: &Progress) -> Result<u64> {
    match sink {
        // Plain blocking writes: the CLI's single-threaded runtime has nothing else to do, and
        // the caller may hold the stdout lock (tokio's stdout would wait for it on another thread).
        Sink::Stdout => {
            let mut out = std::io::stdout();
            write_body(opened, &mut out, None, expected, bar).await
        }
        Sink::File(target) => {
            let (mut f, temp) = TempTarget::create(target)?;
            let n = write_body(opened, &mut f, Some(&temp.path), expected, bar).await?;
            drop(f);
            temp.persist()?;
            Ok(n)
        }
    }
}

/// Streams an opened answer into `file` at `offset` (one of several ranges written in
/// parallel), verifying `expected` and the announced length.
pub async fn save_at(
    opened: Opened,
    file: &std::fs::File,
    offset: u64,
    expected: &Expected,
    bar: &Progress,
) -> Result<u64> {
    let mut w = OffsetWriter { file, offset };
    write_body(opened, &mut w, None, expected, bar).await
}

struct OffsetWriter<'f> {
    file: &'f std::fs::File,
    offset: u64,
}

impl Write for OffsetWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        use std::os::unix::fs::FileExt;
        let n = self.file.write_at(buf, self.offset)?;
        self.offset += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn write_body(
    mut opened: Opened,
    out: &mut dyn Write,
    path: Option<&Path>,
    expected: &Expected,
    bar: &Progress,
) -> Result<u64> {
    let mut verifier = Verifier::new(expected);
    let total = opened.resp.content_length();
    let url = opened.url.clone();
    let mut written = 0u64;
    while let Some(chunk) = opened
        .resp
        .chunk()
        .await
        .map_err(|e| interrupted(&url, written, total, e))?
    {
        verifier.update(&chunk);
        out.write_all(&chunk)
            .map_err(|e| io_error("cannot write", path, e))?;
        written += chunk.len() as u64;
        bar.inc(chunk.len());
    }
    out.flush().map_err(|e| io_error("cannot write", path, e))?;
    if let Some(n) = total
        && n != written
    {
        return Err(ClientError::Integrity(format!(
            "the download of {url} ended after {written} of {n} bytes"
        )));
    }
    verifier.finish().map_err(ClientError::Integrity)?;
    Ok(written)
}

/// MD5 hex digest of `bytes` (swift's large-object ETag is the MD5 of its segments' ETags).
pub fn md5_hex(bytes: &[u8]) -> String {
    let mut h = Hasher::Md5(md5::Md5::new());
    h.update(bytes);
    h.hex()
}

/// MD5 and another digest of a file, read in chunks (for callers that must send checksums
/// before the data).
pub async fn file_digests(path: &Path, algo: &str) -> Result<(String, Option<String>)> {
    let mut f = tokio::fs::File::open(path)
        .await
        .map_err(|e| io_error("cannot read", Some(path), e))?;
    let mut md5 = Hasher::Md5(md5::Md5::new());
    let mut other = Hasher::new(algo);
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = f
            .read(&mut buf)
            .await
            .map_err(|e| io_error("cannot read", Some(path), e))?;
        if n == 0 {
            break;
        }
        md5.update(&buf[..n]);
        if let Some(o) = &mut other {
            o.update(&buf[..n]);
        }
    }
    Ok((md5.hex(), other.map(Hasher::hex)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_off_without_a_terminal() {
        assert!(!Progress::with_terminal(true, Some(10), false).is_visible());
        assert!(!Progress::with_terminal(false, Some(10), true).is_visible());
        assert!(Progress::with_terminal(true, Some(10), true).is_visible());
        // In tests stderr is captured, not a terminal.
        if !std::io::stderr().is_terminal() {
            assert!(!Progress::new(true, None).is_visible());
        }
    }

    #[test]
    fn verifier_words_mismatches_as_openstacksdk() {
        let mut v = Verifier::new(&Expected {
            hash: Some(("sha256".into(), "00".into())),
            md5: None,
        });
        v.update(b"abc");
        assert_eq!(
            v.finish().unwrap_err(),
            "checksum mismatch (sha256): 00 != ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let mut v = Verifier::new(&Expected {
            hash: Some(("whirlpool".into(), "00".into())),
            md5: Some("900150983cd24fb0d6963f7d28e17f72".into()),
        });
        v.update(b"abc");
        assert!(v.finish().is_ok());
    }

    #[test]
    fn temp_files_sit_next_to_the_target() {
        let p = temp_path(Path::new("/a/b/img.raw"));
        assert_eq!(p.parent(), Some(Path::new("/a/b")));
        assert!(
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".img.raw.")
        );
        assert_eq!(temp_path(Path::new("x")).parent(), Some(Path::new(".")));
    }
}

//! The transport: one reqwest client (rustls with the `ring` provider), keystoneauth-style
//! debug logging of every request and answer, and retries with backoff for connection
//! failures, answers broken off mid-way and 429/502/503 on idempotent methods (honouring
//! `Retry-After`); a request that is not idempotent (POST, PATCH) is sent once. Status codes are not
//! judged here; [`crate::session`] turns error statuses into [`crate::ApiError`].

use crate::{ClientError, Result, redact};
use std::time::{Duration, Instant};

/// How often and how long to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 = none).
    pub max_retries: u32,
    /// First backoff; doubled each retry.
    pub base_delay: Duration,
    /// Longest wait, also the cap on `Retry-After`.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

/// TLS settings for the transport.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsOptions {
    /// Skip certificate verification (`--insecure`).
    pub insecure: bool,
    /// Trust only this CA bundle (`--os-cacert`).
    pub cacert: Option<std::path::PathBuf>,
    /// Client certificate (PEM) and key (PEM; may be in the cert file).
    pub client_cert: Option<(std::path::PathBuf, Option<std::path::PathBuf>)>,
}

/// Transport options.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// TLS.
    pub tls: TlsOptions,
    /// Whole-request timeout (`api_timeout`).
    pub timeout: Option<Duration>,
    /// `User-Agent` header.
    pub user_agent: String,
    /// Retries.
    pub retry: RetryPolicy,
    /// Largest answer body read into memory (streamed transfers have their own path): a
    /// server cannot make the client exhaust memory.
    pub max_body: usize,
}

/// Default [`HttpOptions::max_body`]: far above any API answer (listings are paginated).
pub const MAX_BODY: usize = 256 << 20;

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            tls: TlsOptions::default(),
            timeout: None,
            user_agent: format!("ostk/{}", env!("CARGO_PKG_VERSION")),
            retry: RetryPolicy::default(),
            max_body: MAX_BODY,
        }
    }
}

/// One request as the transport sends it.
#[derive(Debug, Clone)]
pub struct HttpRequest {
    /// `GET`, `POST`…
    pub method: reqwest::Method,
    /// Absolute URL (query included).
    pub url: String,
    /// Headers, in the order given.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Option<Vec<u8>>,
    /// Which authentication step this request is (`OIDC discovery`…), kept with its timing so
    /// a diagnosis can report the steps.
    pub step: Option<&'static str>,
    /// The request's and the answer's bodies are secrets (key manager payloads): `--debug`
    /// shows `***` for them whatever their format.
    pub secret_bodies: bool,
}

impl HttpRequest {
    /// A request without headers or body.
    pub fn new(method: reqwest::Method, url: impl Into<String>) -> Self {
        HttpRequest {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: None,
            step: None,
            secret_bodies: false,
        }
    }

    /// Labels the request as an authentication step.
    pub fn step(mut self, step: &'static str) -> Self {
        self.step = Some(step);
        self
    }

    /// A form body (`application/x-www-form-urlencoded`), pairs in the order given.
    pub fn form<'a>(mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.body = Some(body.into_bytes());
        self.header("Content-Type", "application/x-www-form-urlencoded")
    }

    /// Adds (or replaces) a header.
    pub fn header(mut self, k: &str, v: impl Into<String>) -> Self {
        self.set_header(k, v);
        self
    }

    /// Sets a header, replacing one of the same name.
    pub fn set_header(&mut self, k: &str, v: impl Into<String>) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(k));
        self.headers.push((k.to_string(), v.into()));
    }

    /// A JSON body (with `Content-Type: application/json`).
    pub fn json(mut self, v: &serde_json::Value) -> Self {
        self.body = Some(serde_json::to_vec(v).unwrap_or_default());
        self.header("Content-Type", "application/json")
    }

    fn idempotent(&self) -> bool {
        use reqwest::Method;
        [
            Method::GET,
            Method::HEAD,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ]
        .contains(&self.method)
    }
}

/// An answer, body read in full.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Headers (names lower-case), in the order received.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
    /// The URL requested.
    pub url: String,
    /// The method used.
    pub method: String,
}

impl HttpResponse {
    /// First header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The request id: `X-OpenStack-Request-ID`, else `X-Compute-Request-Id`.
    pub fn request_id(&self) -> Option<&str> {
        self.header("x-openstack-request-id")
            .or_else(|| self.header("x-compute-request-id"))
    }

    /// `Retry-After` in seconds (delta-seconds or HTTP date).
    pub fn retry_after(&self) -> Option<u64> {
        let v = self.header("retry-after")?.trim();
        if let Ok(n) = v.parse::<u64>() {
            return Some(n);
        }
        // An HTTP-date: wait until then (0 when it has passed).
        let at = crate::time::parse_http_date(v)?;
        Some(u64::try_from(at - crate::time::now_unix()).unwrap_or(0))
    }

    /// Whether the status is 2xx/3xx.
    pub fn is_success(&self) -> bool {
        self.status < 400
    }

    /// The body as JSON.
    pub fn json(&self) -> Result<serde_json::Value> {
        self.json_as()
    }

    /// The body decoded into `T`, naming the failing field.
    pub fn json_as<T: serde::de::DeserializeOwned>(&self) -> Result<T> {
        let de = &mut serde_json::Deserializer::from_slice(&self.body);
        serde::Deserialize::deserialize(de).map_err(|e: serde_json::Error| {
            ClientError::InvalidResponse {
                url: self.url.clone(),
                reason: e.to_string(),
            }
        })
    }

    /// This answer as an [`crate::ApiError`] (for statuses ≥ 400).
    pub fn to_api_error(&self) -> crate::ApiError {
        crate::ApiError::from_parts(
            self.status,
            &self.method,
            &self.url,
            self.request_id().map(str::to_string),
            self.header("content-type"),
            &self.body,
            self.retry_after(),
        )
    }

    /// `Ok(self)` for success statuses, else the [`crate::ApiError`].
    pub fn error_for_status(self) -> Result<HttpResponse> {
        if self.is_success() {
            Ok(self)
        } else {
            Err(ClientError::from(self.to_api_error()))
        }
    }
}

/// One request's duration, for `--timing` (osc-lib's session timings).
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    /// HTTP method.
    pub method: String,
    /// Full URL.
    pub url: String,
    /// From sending to the end of the response body.
    pub elapsed: Duration,
    /// The answer's status.
    pub status: u16,
    /// The authentication step, when the request was one.
    pub step: Option<&'static str>,
}

/// The HTTP transport.
#[derive(Debug, Clone)]
pub struct Http {
    client: reqwest::Client,
    opts: HttpOptions,
    curl_tls: String,
    timings: std::sync::Arc<std::sync::Mutex<Vec<Timing>>>,
}

fn install_crypto_provider() {
    // Only the first install wins; later calls (or an application's own choice) are fine.
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

impl Http {
    /// Builds the transport.
    pub fn new(opts: HttpOptions) -> Result<Http> {
        install_crypto_provider();
        let mut b = reqwest::Client::builder().user_agent(opts.user_agent.clone());
        if let Some(t) = opts.timeout {
            b = b.timeout(t);
        }
        let mut curl_tls = String::new();
        if opts.tls.insecure {
            // openstacksdk squelches urllib3's InsecureRequestWarning, so python-openstackclient
            // prints nothing by default; said at -v here.
            tracing::info!(
                "TLS certificate verification is off (--insecure): the server's identity is not checked"
            );
            b = b.tls_danger_accept_invalid_certs(true);
            curl_tls = "--insecure".into();
        } else if let Some(ca) = &opts.tls.cacert {
            let pem = std::fs::read(ca).map_err(|e| {
                ClientError::Config(format!("cannot read CA bundle {}: {e}", ca.display()))
            })?;
            let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
                ClientError::Config(format!("invalid CA bundle {}: {e}", ca.display()))
            })?;
            b = b.tls_certs_only(certs);
            curl_tls = format!("--cacert \"{}\"", ca.display());
        }
        if let Some((cert, key)) = &opts.tls.client_cert {
            let mut pem = std::fs::read(cert).map_err(|e| {
                ClientError::Config(format!(
                    "cannot read client certificate {}: {e}",
                    cert.display()
                ))
            })?;
            if let Some(key) = key {
                let k = std::fs::read(key).map_err(|e| {
                    ClientError::Config(format!("cannot read client key {}: {e}", key.display()))
                })?;
                pem.push(b'\n');
                pem.extend(k);
            }
            let id = reqwest::Identity::from_pem(&pem).map_err(|e| {
                ClientError::Config(format!(
                    "invalid client certificate {}: {e}",
                    cert.display()
                ))
            })?;
            b = b.identity(id);
        }
        let client = b
            .build()
            .map_err(|e| ClientError::Config(format!("cannot set up HTTP client: {e}")))?;
        Ok(Http {
            client,
            opts,
            curl_tls,
            timings: Default::default(),
        })
    }

    /// Every request made so far, in order, with its duration.
    pub fn timings(&self) -> Vec<Timing> {
        self.timings.lock().map(|t| t.clone()).unwrap_or_default()
    }

    /// The options this transport was built with.
    pub fn options(&self) -> &HttpOptions {
        &self.opts
    }

    /// The underlying reqwest client (TLS and timeouts applied), for streaming transfers.
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// Sends a request, retrying connection failures, broken answers and 429/502/503 on
    /// idempotent methods.
    pub async fn send(&self, req: &HttpRequest) -> Result<HttpResponse> {
        let mut attempt = 0u32;
        loop {
            let result = self.send_once(req).await;
            let retryable = req.idempotent() && attempt < self.opts.retry.max_retries;
            let delay = match &result {
                Err(ClientError::Connect { .. } | ClientError::Broken { .. }) if retryable => {
                    Some(self.backoff(attempt, None))
                }
                // 502: a proxy whose backend is restarting or unreachable.
                Ok(r) if retryable && matches!(r.status, 429 | 502 | 503) => {
                    Some(self.backoff(attempt, r.retry_after()))
                }
                _ => None,
            };
            match delay {
                Some(d) => {
                    tracing::debug!(
                        "Retrying {} {} in {:.2} seconds (attempt {})",
                        req.method,
                        req.url,
                        d.as_secs_f64(),
                        attempt + 1
                    );
                    tokio::time::sleep(d).await;
                    attempt += 1;
                }
                None => return result,
            }
        }
    }

    fn backoff(&self, attempt: u32, retry_after: Option<u64>) -> Duration {
        let p = &self.opts.retry;
        let d = match retry_after {
            Some(s) => Duration::from_secs(s),
            None => p.base_delay.saturating_mul(1u32 << attempt.min(16)),
        };
        d.min(p.max_delay)
    }

    async fn send_once(&self, req: &HttpRequest) -> Result<HttpResponse> {
        let debug = tracing::enabled!(tracing::Level::DEBUG);
        if debug {
            let mut shown = req.headers.clone();
            if !shown
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("user-agent"))
            {
                shown.push(("User-Agent".into(), self.opts.user_agent.clone()));
            }
            tracing::debug!(
                "{}",
                redact::curl_line(
                    req.method.as_str(),
                    &req.url,
                    &shown,
                    if req.secret_bodies {
                        req.body.as_ref().map(|_| b"***".as_slice())
                    } else {
                        req.body.as_deref()
                    },
                    &self.curl_tls
                )
            );
        }
        let mut rb = self.client.request(req.method.clone(), &req.url);
        for (k, v) in &req.headers {
            rb = rb.header(k, v);
        }
        if let Some(b) = &req.body {
            rb = rb.body(b.clone());
        }
        let started = Instant::now();
        let mut resp = rb.send().await.map_err(|e| transport_error(&req.url, e))?;
        let status = resp.status().as_u16();
        let headers: Vec<(String, String)> = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let too_large = || ClientError::InvalidResponse {
            url: req.url.clone(),
            reason: format!("the answer is larger than {} bytes", self.opts.max_body),
        };
        if resp
            .content_length()
            .is_some_and(|n| n > self.opts.max_body as u64)
        {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = resp
            .chunk()
            .await
            .map_err(|e| transport_error(&req.url, e))?
        {
            if body.len() + chunk.len() > self.opts.max_body {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        if let Ok(mut t) = self.timings.lock() {
            t.push(Timing {
                method: req.method.to_string(),
                url: req.url.clone(),
                elapsed: started.elapsed(),
                status,
                step: req.step,
            });
        }
        let out = HttpResponse {
            status,
            headers,
            body,
            url: req.url.clone(),
            method: req.method.to_string(),
        };
        if debug {
            tracing::debug!("{}", redact::resp_line(status, &out.headers));
            let ct = out.header("content-type").unwrap_or("");
            if !out.body.is_empty() {
                let text = if req.secret_bodies {
                    "***".to_string()
                } else if ct.starts_with("application/json") || ct.starts_with("text/") {
                    redact::body_text(&out.body)
                } else {
                    format!(
                        "Omitted, Content-Type is set to {ct}. Only application/json, text/plain, text/html responses have their bodies logged."
                    )
                };
                tracing::debug!("RESP BODY: {text}");
            }
            if let Some(id) = out.request_id() {
                tracing::debug!("{} call to {} used request id {id}", req.method, req.url);
            }
            tracing::debug!(
                "{} {} took {:.3}s",
                req.method,
                req.url,
                started.elapsed().as_secs_f64()
            );
        }
        Ok(out)
    }
}

/// Whether an error is a rustls one, possibly wrapped in (nested) `io::Error`s.
fn is_rustls(e: &(dyn std::error::Error + 'static)) -> bool {
    if e.is::<rustls::Error>() {
        return true;
    }
    let mut inner = e
        .downcast_ref::<std::io::Error>()
        .and_then(std::io::Error::get_ref);
    while let Some(i) = inner {
        if i.is::<rustls::Error>() {
            return true;
        }
        inner = i
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref);
    }
    false
}

/// Maps a reqwest failure to keystoneauth's categories.
fn transport_error(url: &str, e: reqwest::Error) -> ClientError {
    if e.is_timeout() {
        return ClientError::Timeout { url: url.into() };
    }
    let mut reason = e.to_string();
    let mut src = std::error::Error::source(&e);
    let mut tls = false;
    while let Some(s) = src {
        let text = s.to_string();
        let lower = text.to_ascii_lowercase();
        // A rustls error (as such, or inside the io::Errors it travels in), or words of one.
        if is_rustls(s)
            || ["certificate", "tls", "alert", "handshake"]
                .iter()
                .any(|w| lower.contains(w))
        {
            tls = true;
        }
        reason = text;
        src = s.source();
    }
    if tls {
        ClientError::Tls {
            url: url.into(),
            reason,
        }
    } else if e.is_connect() || e.is_builder() {
        ClientError::Connect {
            url: url.into(),
            reason,
        }
    } else {
        // Connected, then cut or reset: the request may have reached the service.
        ClientError::Broken {
            url: url.into(),
            reason,
        }
    }
}

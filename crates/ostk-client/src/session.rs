//! The session: one authenticated identity and everything requests share — transport, token
//! (in memory and in the token cache), endpoint selection (catalog by service type and its
//! aliases, region, interface, endpoint overrides), version discovery (cached per session),
//! microversion headers, and re-authentication once on 401.

use crate::auth::{self, AuthPlugin, AuthRequest, PasswordPrompt};
use crate::cache::TokenCache;
use crate::discovery::{self, VersionInfo};
use crate::http::{Http, HttpOptions, HttpRequest, HttpResponse, TlsOptions};
use crate::{AccessInfo, Catalog, ClientError, Result};
use ostk_config::{CloudConfig, Verify};
use reqwest::Method;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How to build a [`Session`].
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    /// Transport options (TLS, timeout, user agent, retries). [`Session::from_config`] fills
    /// TLS and timeout from the cloud config.
    pub http: HttpOptions,
    /// The token cache to use; `None` disables caching.
    pub token_cache: Option<TokenCache>,
}

/// Endpoint selection settings.
#[derive(Debug, Clone, Default)]
pub struct EndpointSettings {
    /// Region (`""` = any).
    pub region: String,
    /// Default interface (`public`).
    pub interface: String,
    /// Per service type (official, with `_`): interface override.
    pub interfaces: HashMap<String, String>,
    /// Per service type: endpoint override.
    pub overrides: HashMap<String, String>,
    /// Per service type: requested API version (`2.53`, `latest`, `3`).
    pub api_versions: HashMap<String, String>,
}

impl EndpointSettings {
    fn lookup<'a>(map: &'a HashMap<String, String>, service_type: &str) -> Option<&'a str> {
        crate::service_types::all_names(service_type)
            .iter()
            .find_map(|n| map.get(&n.replace('-', "_")))
            .map(String::as_str)
    }

    /// Interface for a service.
    pub fn interface_for(&self, service_type: &str) -> &str {
        Self::lookup(&self.interfaces, service_type).unwrap_or(if self.interface.is_empty() {
            "public"
        } else {
            &self.interface
        })
    }

    /// Endpoint override for a service.
    pub fn override_for(&self, service_type: &str) -> Option<&str> {
        Self::lookup(&self.overrides, service_type)
    }

    /// Requested API version for a service.
    pub fn api_version_for(&self, service_type: &str) -> Option<&str> {
        Self::lookup(&self.api_versions, service_type)
    }

    fn from_config(cfg: &CloudConfig) -> EndpointSettings {
        let mut s = EndpointSettings {
            region: cfg.region_name().to_string(),
            interface: cfg.interface().to_string(),
            ..Default::default()
        };
        for (k, v) in cfg.as_map() {
            let text = match v {
                Value::String(t) if !t.is_empty() => t.clone(),
                Value::Number(n) => n.to_string(),
                _ => continue,
            };
            if let Some(svc) = k.strip_suffix("_endpoint_override") {
                s.overrides.insert(svc.to_string(), text);
            } else if let Some(svc) = k.strip_suffix("_interface") {
                s.interfaces.insert(svc.to_string(), text);
            } else if let Some(svc) = k.strip_suffix("_api_version") {
                s.api_versions.insert(svc.to_string(), text);
            }
        }
        // openstacksdk's `<service>_endpoint` is an older spelling of the override.
        for (k, v) in cfg.as_map() {
            if let (Some(svc), Some(t)) = (k.strip_suffix("_endpoint"), v.as_str())
                && !t.is_empty()
                && svc != "auth"
            {
                s.overrides
                    .entry(svc.to_string())
                    .or_insert_with(|| t.to_string());
            }
        }
        s
    }
}

/// An authenticated session.
pub struct Session {
    http: Http,
    plugin: Box<dyn AuthPlugin>,
    cache: Option<(TokenCache, String)>,
    access: tokio::sync::Mutex<Option<Arc<AccessInfo>>>,
    endpoints: EndpointSettings,
    discovery: Mutex<HashMap<String, Arc<Vec<VersionInfo>>>>,
    /// The catalog in `access` was fetched by this process (not read from the token cache).
    catalog_fresh: std::sync::atomic::AtomicBool,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("plugin", &self.plugin.name())
            .field("endpoints", &self.endpoints)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// A session from parts: an auth plugin, the cache key material of its options
    /// ([`auth::Opts::canonical`]), endpoint settings and options.
    pub fn new(
        plugin: Box<dyn AuthPlugin>,
        cache_material: &str,
        endpoints: EndpointSettings,
        opts: SessionOptions,
    ) -> Result<Session> {
        let http = Http::new(opts.http)?;
        let cache = match opts.token_cache {
            Some(c) if plugin.cacheable() => Some((c, TokenCache::key(cache_material))),
            _ => None,
        };
        Ok(Session {
            http,
            plugin,
            cache,
            access: tokio::sync::Mutex::new(None),
            endpoints,
            discovery: Mutex::new(HashMap::new()),
            catalog_fresh: Default::default(),
        })
    }

    /// A session for a resolved cloud: validates its auth settings (osc-lib's wording for
    /// missing options), picks the plugin (prompting for a missing password with `prompt`),
    /// and takes TLS (`verify`/`insecure`/`cacert`/`cert`/`key`), `api_timeout`, region,
    /// interfaces, overrides and API versions from it.
    pub fn from_config(
        cfg: &CloudConfig,
        mut opts: SessionOptions,
        prompt: Option<PasswordPrompt<'_>>,
    ) -> Result<Session> {
        let auth_cfg = cfg.validate_for_auth()?;
        let (plugin, used) = auth::from_config(&auth_cfg, prompt)?;
        let material = used.canonical(plugin.name());
        opts.http.tls = TlsOptions {
            insecure: cfg.verify() == Verify::Off,
            cacert: match cfg.verify() {
                Verify::CaFile(p) => Some(p),
                _ => None,
            },
            client_cert: cfg.client_cert(),
        };
        if let Some(t) = cfg.get("api_timeout").and_then(|v| match v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.parse().ok(),
            _ => None,
        }) && t > 0.0
        {
            opts.http.timeout = Some(std::time::Duration::from_secs_f64(t));
        }
        Session::new(plugin, &material, EndpointSettings::from_config(cfg), opts)
    }

    /// The transport.
    pub fn http(&self) -> &Http {
        &self.http
    }

    /// The auth plugin's name.
    pub fn auth_plugin(&self) -> &'static str {
        self.plugin.name()
    }

    /// Endpoint settings.
    pub fn endpoint_settings(&self) -> &EndpointSettings {
        &self.endpoints
    }

    /// The token cache and this session's key in it, when caching.
    pub fn token_cache(&self) -> Option<(&TokenCache, &str)> {
        self.cache.as_ref().map(|(c, k)| (c, k.as_str()))
    }

    /// The current access, authenticating (or loading the cache) first if needed. The catalog
    /// may be absent (`?nocatalog`); use [`Session::access_with_catalog`] when it is needed.
    pub async fn access(&self) -> Result<Arc<AccessInfo>> {
        self.ensure(false).await
    }

    /// The current access with its catalog.
    pub async fn access_with_catalog(&self) -> Result<Arc<AccessInfo>> {
        self.ensure(true).await
    }

    /// The token (authenticating first if needed); `None` for `none` auth.
    pub async fn token(&self) -> Result<Option<String>> {
        Ok(self.access().await?.token().map(str::to_string))
    }

    /// The catalog (fetched if the current token came without one).
    pub async fn catalog(&self) -> Result<Catalog> {
        Ok(self
            .access_with_catalog()
            .await?
            .catalog
            .clone()
            .unwrap_or_default())
    }

    async fn ensure(&self, need_catalog: bool) -> Result<Arc<AccessInfo>> {
        let mut guard = self.access.lock().await;
        if guard.is_none()
            && let Some((cache, key)) = &self.cache
            && let Some(a) = cache.load(key)
        {
            *guard = Some(Arc::new(a));
        }
        if let Some(a) = guard.as_ref() {
            if !need_catalog || a.catalog.is_some() || a.endpoint.is_some() || a.auth_url.is_none()
            {
                return Ok(a.clone());
            }
            // A token cached by a command that did not need the catalog: fetch only the catalog.
            match self.fetch_catalog(a).await {
                Ok(catalog) => {
                    self.catalog_fresh
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                    let mut full = (**a).clone();
                    full.catalog = Some(catalog);
                    let full = Arc::new(full);
                    self.store(&full);
                    *guard = Some(full.clone());
                    return Ok(full);
                }
                // Revoked or expired behind our back: authenticate afresh below.
                Err(e) if e.status() == Some(401) && self.plugin.can_reauthenticate() => {
                    tracing::debug!("cached token rejected (401): re-authenticating");
                    *guard = None;
                    if let Some((cache, key)) = &self.cache {
                        cache.remove(key);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        let a = Arc::new(
            self.plugin
                .authenticate(
                    &self.http,
                    AuthRequest {
                        catalog: need_catalog,
                    },
                )
                .await?,
        );
        if a.catalog.is_some() {
            self.catalog_fresh
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        self.store(&a);
        *guard = Some(a.clone());
        Ok(a)
    }

    /// The service catalog as keystone has it now. A token from the cache carries the catalog
    /// of when it was issued, which misses services created since (python-openstackclient
    /// never sees that: it authenticates on every run), so a cached v3 token's catalog is
    /// fetched again from `/auth/catalog` — one request — and the cache updated.
    pub async fn current_catalog(&self) -> Result<Catalog> {
        let a = self.access_with_catalog().await?;
        if self
            .catalog_fresh
            .load(std::sync::atomic::Ordering::Relaxed)
            || a.version != crate::IdentityVersion::V3
            || a.auth_url.is_none()
        {
            return Ok(a.catalog.clone().unwrap_or_default());
        }
        match self.fetch_catalog(&a).await {
            Ok(catalog) => {
                self.catalog_fresh
                    .store(true, std::sync::atomic::Ordering::Relaxed);
                let mut full = (*a).clone();
                full.catalog = Some(catalog.clone());
                self.store(&full);
                *self.access.lock().await = Some(Arc::new(full));
                Ok(catalog)
            }
            Err(e) if e.status() == Some(401) && self.plugin.can_reauthenticate() => {
                self.invalidate().await;
                self.catalog().await
            }
            Err(e) => Err(e),
        }
    }

    fn store(&self, a: &AccessInfo) {
        if let Some((cache, key)) = &self.cache
            && a.token().is_some()
        {
            cache.store(key, a);
        }
    }

    async fn fetch_catalog(&self, a: &AccessInfo) -> Result<Catalog> {
        let base = a.auth_url.as_deref().unwrap_or_default();
        let url = format!("{}/auth/catalog", base.trim_end_matches('/'));
        let mut req = HttpRequest::new(Method::GET, url).header("Accept", "application/json");
        for (k, v) in a.request_headers() {
            req.set_header(k, v);
        }
        let resp = self.http.send(&req).await?.error_for_status()?;
        let body = resp.json()?;
        Ok(Catalog {
            format: crate::catalog::CatalogFormat::V3,
            services: body
                .get("catalog")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
        })
    }

    /// Whether the auth plugin can get a new token (so a 401 is worth one retry).
    pub fn can_reauthenticate(&self) -> bool {
        self.plugin.can_reauthenticate()
    }

    /// Forgets the current token, in memory and in the cache.
    pub async fn invalidate(&self) {
        *self.access.lock().await = None;
        if let Some((cache, key)) = &self.cache {
            cache.remove(key);
        }
    }

    /// Forgets a token that was revoked: from this session if it is the current one, and from
    /// every cache entry holding it.
    pub async fn forget_token(&self, token: &str) {
        let mut guard = self.access.lock().await;
        if guard.as_ref().and_then(|a| a.token()) == Some(token) {
            *guard = None;
        }
        if let Some((cache, _)) = &self.cache {
            cache.remove_token(token);
        }
    }

    /// The endpoint for a service type: its endpoint override, the fixed endpoint of
    /// `admin_token`/`none`, or the catalog entry for the configured interface and region.
    pub async fn endpoint(&self, service_type: &str) -> Result<String> {
        if let Some(o) = self.endpoints.override_for(service_type) {
            return Ok(o.to_string());
        }
        let a = self.access_with_catalog().await?;
        if let Some(e) = &a.endpoint {
            return Ok(e.clone());
        }
        let catalog = a.catalog.clone().unwrap_or_default();
        let interface = self.endpoints.interface_for(service_type);
        match catalog.endpoint_url(service_type, interface, &self.endpoints.region) {
            // A cached token's catalog is that of when it was issued: a service registered
            // since is missing from it. Ask keystone for the catalog as it is now, once.
            Err(e @ ClientError::Catalog(_))
                if !self
                    .catalog_fresh
                    .load(std::sync::atomic::Ordering::Relaxed) =>
            {
                tracing::debug!(
                    "no {service_type} endpoint in the cached token's catalog: fetching the current one"
                );
                match self.current_catalog().await {
                    Ok(c) => c.endpoint_url(service_type, interface, &self.endpoints.region),
                    // keystone would not give it: the endpoint is missing all the same
                    Err(_) => Err(e),
                }
            }
            other => other,
        }
    }

    /// The versions document of a URL, fetched once per session.
    pub async fn discover(&self, url: &str) -> Result<Arc<Vec<VersionInfo>>> {
        let key = url.trim_end_matches('/').to_string();
        if let Some(v) = self.discovery.lock().expect("discovery cache").get(&key) {
            return Ok(v.clone());
        }
        let v = Arc::new(discovery::discover(&self.http, url).await?);
        self.discovery
            .lock()
            .expect("discovery cache")
            .insert(key, v.clone());
        Ok(v)
    }

    /// The versions entry with microversions of a service's endpoint (what microversion
    /// negotiation compares against). As keystoneauth does, a trailing project ID is dropped
    /// from the endpoint (cinder's `/v3/{project_id}` → `/v3/`) and the document is fetched
    /// with the token when the server wants one (cinder answers 401 otherwise).
    pub async fn service_version(&self, service_type: &str) -> Result<Option<VersionInfo>> {
        let ep = self.endpoint(service_type).await?;
        let mut url = ep.trim_end_matches('/').to_string();
        let project = self.access().await?.project_id.clone();
        if let Some(p) = project.filter(|p| !p.is_empty())
            && let Some(base) = url.strip_suffix(&format!("/{p}"))
        {
            url = format!("{base}/");
        }
        let versions = match self.discover(&url).await {
            Err(e) if e.status() == Some(401) => self.discover_authenticated(&url).await?,
            other => other?,
        };
        Ok(versions
            .iter()
            .filter(|v| v.max_version.as_deref().is_some_and(|m| !m.is_empty()))
            .max_by_key(|v| discovery::parse_version(&v.id))
            .cloned())
    }

    /// [`Session::discover`] with the session's token.
    async fn discover_authenticated(&self, url: &str) -> Result<Arc<Vec<VersionInfo>>> {
        let key = url.trim_end_matches('/').to_string();
        let req = HttpRequest::new(Method::GET, url).header("Accept", "application/json");
        let resp = self.send(req).await?;
        let v = Arc::new(discovery::parse_versions(&resp.json()?));
        self.discovery
            .lock()
            .expect("discovery cache")
            .insert(key, v.clone());
        Ok(v)
    }

    /// The endpoint of a major API version of a service (`identity`, `"3"` →
    /// `http://…:5000/v3`): the catalog URL when it already names a version, else the version's
    /// `self` link from discovery. An exact version (`"2.0"`, neutron's) is a fixed path below
    /// the catalog URL: openstacksdk goes straight to `/v2.0` without discovery.
    pub async fn versioned_endpoint(&self, service_type: &str, major: &str) -> Result<String> {
        let ep = self.endpoint(service_type).await?;
        let base = ep.trim_end_matches('/');
        if let Some(fixed) = fixed_version_endpoint(base, major) {
            return Ok(fixed);
        }
        let versions = self.discover(base).await?;
        match discovery::pick(&versions, major).and_then(|v| v.href.clone()) {
            Some(h) => Ok(h.trim_end_matches('/').to_string()),
            None => Ok(format!("{base}/v{major}")),
        }
    }

    /// The server's versions entry of this service's endpoint (the one with microversions).
    async fn server_version(&self, service_type: &str) -> Result<Option<VersionInfo>> {
        self.service_version(service_type).await
    }

    async fn resolve_microversion(&self, service_type: &str, mv: &str) -> Result<Option<String>> {
        if mv.eq_ignore_ascii_case("latest") {
            let server = self.server_version(service_type).await?;
            return Ok(discovery::negotiate_microversion("latest", server.as_ref()));
        }
        Ok(Some(mv.to_string()))
    }

    /// The microversion requests to a service use when they ask for up to `cap`: the user's
    /// (`--os-compute-api-version 2.53`, `latest` resolved), else the highest the server
    /// supports up to `cap`; `None` when the server has no microversions. What commands test
    /// ("is 2.47 supported?") to pick columns, as osc's `supports_microversion` does.
    pub async fn microversion(&self, service_type: &str, cap: &str) -> Result<Option<String>> {
        let user = self
            .endpoints
            .api_version_for(service_type)
            .filter(|v| v.contains('.') || *v == "latest")
            .map(str::to_string);
        match user {
            Some(mv) => self.resolve_microversion(service_type, &mv).await,
            None => {
                let server = self.server_version(service_type).await?;
                Ok(discovery::negotiate_up_to(cap, server.as_ref()))
            }
        }
    }

    /// A request to a service; `path` is joined to the service endpoint (an absolute URL is
    /// used as is, as pagination links are).
    pub fn request(&self, service_type: &str, method: Method, path: &str) -> ServiceRequest<'_> {
        ServiceRequest {
            session: self,
            service_type: service_type.to_string(),
            version: None,
            method,
            path: path.to_string(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            raw: None,
            microversion: None,
            default_microversion: None,
            secret_bodies: false,
        }
    }

    /// Sends a request with the session's token, re-authenticating once on 401, and turns
    /// error statuses into [`crate::ApiError`].
    pub async fn send(&self, mut req: HttpRequest) -> Result<HttpResponse> {
        let mut reauths = 0;
        loop {
            let a = self.access().await?;
            for (k, v) in a.request_headers() {
                req.set_header(k, v);
            }
            let resp = self.http.send(&req).await?;
            if resp.status == 401 && reauths < 2 && self.plugin.can_reauthenticate() {
                if reauths == 1 {
                    // Keystone revokes by time with one-second resolution: a token issued in the
                    // same second as a revocation event (a role or group removal a moment ago)
                    // is refused too. One more try, in the next second, tells that apart from
                    // credentials that no longer work.
                    tracing::debug!("401 again from {}: re-authenticating after 1 s", req.url);
                    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
                } else {
                    tracing::debug!("401 from {}: re-authenticating", req.url);
                }
                self.invalidate().await;
                reauths += 1;
                continue;
            }
            return resp.error_for_status();
        }
    }
}

/// The `OpenStack-API-Version` service name and the legacy header of a service type.
fn microversion_headers(service_type: &str, version: &str) -> Vec<(String, String)> {
    let official = crate::service_types::official(service_type);
    let name = match official {
        "block-storage" => "volume",
        "shared-file-system" => "sharev2",
        other => other,
    };
    let mut h = vec![(
        "OpenStack-API-Version".to_string(),
        format!("{name} {version}"),
    )];
    let legacy = match official {
        "compute" => Some("X-OpenStack-Nova-API-Version"),
        "baremetal" => Some("X-OpenStack-Ironic-API-Version"),
        "shared-file-system" => Some("X-OpenStack-Manila-API-Version"),
        _ => None,
    };
    if let Some(l) = legacy {
        h.push((l.to_string(), version.to_string()));
    }
    h
}

/// A request being built (octocrab style): `session.request("identity", GET, "/users")
/// .query("name", "x").send().await`.
#[derive(Debug)]
pub struct ServiceRequest<'s> {
    session: &'s Session,
    service_type: String,
    version: Option<String>,
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<Value>,
    raw: Option<(Vec<u8>, String)>,
    microversion: Option<String>,
    default_microversion: Option<String>,
    secret_bodies: bool,
}

impl ServiceRequest<'_> {
    /// Use the endpoint of this major API version (`"3"` for identity v3).
    pub fn api_version(mut self, major: &str) -> Self {
        self.version = Some(major.to_string());
        self
    }

    /// Adds a query parameter.
    pub fn query(mut self, k: &str, v: impl ToString) -> Self {
        self.query.push((k.to_string(), v.to_string()));
        self
    }

    /// Adds a header.
    pub fn header(mut self, k: &str, v: impl Into<String>) -> Self {
        self.headers.push((k.to_string(), v.into()));
        self
    }

    /// A JSON body.
    pub fn json(mut self, v: Value) -> Self {
        self.body = Some(v);
        self
    }

    /// A raw body with its content type (swift bulk delete's list of paths).
    pub fn body(mut self, bytes: Vec<u8>, content_type: &str) -> Self {
        self.raw = Some((bytes, content_type.to_string()));
        self
    }

    /// Marks the bodies (sent and answered) as secrets, never shown by `--debug`.
    pub fn secret_bodies(mut self) -> Self {
        self.secret_bodies = true;
        self
    }

    /// Requests a microversion (`2.53`, or `latest`: the server's maximum from discovery).
    pub fn microversion(mut self, v: &str) -> Self {
        self.microversion = Some(v.to_string());
        self
    }

    /// The microversion to use when neither this request nor the user (`--os-<service>-api-version`)
    /// names one: the highest the server supports up to `cap` (openstacksdk's negotiation;
    /// no header when the server has no microversions).
    pub fn default_microversion(mut self, cap: &str) -> Self {
        self.default_microversion = Some(cap.to_string());
        self
    }

    /// Sends it.
    pub async fn send(self) -> Result<HttpResponse> {
        let s = self.session;
        let url = if self.path.starts_with("http://") || self.path.starts_with("https://") {
            self.path.clone()
        } else {
            let base = match &self.version {
                Some(v) => s.versioned_endpoint(&self.service_type, v).await?,
                None => s.endpoint(&self.service_type).await?,
            };
            join_url(&base, &self.path)
        };
        let url = if self.query.is_empty() {
            url
        } else {
            let mut u = url::Url::parse(&url)
                .map_err(|e| ClientError::Config(format!("invalid URL {url}: {e}")))?;
            u.query_pairs_mut().extend_pairs(self.query.iter());
            u.to_string()
        };
        let mut req = HttpRequest::new(self.method, url).header("Accept", "application/json");
        for (k, v) in self.headers {
            req.set_header(&k, v);
        }
        let wanted_mv = self.microversion.or_else(|| {
            s.endpoints
                .api_version_for(&self.service_type)
                .filter(|v| v.contains('.') || *v == "latest")
                .map(str::to_string)
        });
        let mv = match wanted_mv {
            Some(mv) => s.resolve_microversion(&self.service_type, &mv).await?,
            None => match &self.default_microversion {
                Some(cap) => s.microversion(&self.service_type, cap).await?,
                None => None,
            },
        };
        if let Some(mv) = mv {
            for (k, v) in microversion_headers(&self.service_type, &mv) {
                req.set_header(&k, v);
            }
        }
        if let Some(b) = &self.body {
            req = req.json(b);
        }
        if let Some((bytes, ct)) = self.raw {
            req.body = Some(bytes);
            req.set_header("Content-Type", ct);
        }
        req.secret_bodies = self.secret_bodies;
        s.send(req).await
    }
}

/// The endpoint of `major` below `base` when no discovery is needed: `base` itself when it
/// already ends in a version (`…/v3`, `…/v2.0`), `base/v{major}` for an exact `X.Y` version.
fn fixed_version_endpoint(base: &str, major: &str) -> Option<String> {
    if auth::version_suffix(base).is_some() {
        return Some(base.to_string());
    }
    major.contains('.').then(|| format!("{base}/v{major}"))
}

/// `base` + `/` + `path`, without doubled or missing slashes.
pub fn join_url(base: &str, path: &str) -> String {
    if path.is_empty() {
        return base.to_string();
    }
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins() {
        assert_eq!(join_url("http://a/v3/", "/users"), "http://a/v3/users");
        assert_eq!(join_url("http://a/v3", "users"), "http://a/v3/users");
        assert_eq!(join_url("http://a/v3", ""), "http://a/v3");
    }

    #[test]
    fn fixed_versions_skip_discovery() {
        let f = fixed_version_endpoint;
        assert_eq!(
            f("http://n:9696", "2.0").as_deref(),
            Some("http://n:9696/v2.0")
        );
        assert_eq!(
            f("http://n/network/v2.0", "2.0").as_deref(),
            Some("http://n/network/v2.0")
        );
        assert_eq!(
            f("http://k:5000/v3", "3").as_deref(),
            Some("http://k:5000/v3")
        );
        assert_eq!(f("http://k:5000", "3"), None);
    }

    #[test]
    fn microversions() {
        assert_eq!(
            microversion_headers("compute", "2.53"),
            vec![
                ("OpenStack-API-Version".into(), "compute 2.53".into()),
                ("X-OpenStack-Nova-API-Version".into(), "2.53".into())
            ]
        );
        assert_eq!(microversion_headers("volumev3", "3.10")[0].1, "volume 3.10");
    }
}

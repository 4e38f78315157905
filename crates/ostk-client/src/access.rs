//! What keystone hands back for a successful authentication: the token, its expiry, who and
//! what it is scoped to, and the catalog. Parsed from v3 (`X-Subject-Token` + `token`) and
//! v2.0 (`access`) answers; serialisable so the token cache can keep it.

use crate::catalog::{Catalog, CatalogFormat};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Identity API an [`AccessInfo`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdentityVersion {
    /// Identity v3.
    V3,
    /// Identity v2.0.
    V2,
    /// No keystone involved (`none`, `admin_token`).
    None,
}

/// An authenticated identity: token, scope and catalog.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessInfo {
    /// Identity API used.
    pub version: IdentityVersion,
    token: Option<String>,
    /// Expiry as keystone wrote it.
    pub expires_at: Option<String>,
    /// Issue time as keystone wrote it.
    pub issued_at: Option<String>,
    /// User id.
    pub user_id: Option<String>,
    /// User name.
    pub user_name: Option<String>,
    /// User's domain id (v3).
    pub user_domain_id: Option<String>,
    /// Project (tenant) id when project-scoped.
    pub project_id: Option<String>,
    /// Project name when project-scoped.
    pub project_name: Option<String>,
    /// Project's domain id (v3).
    pub project_domain_id: Option<String>,
    /// Domain id when domain-scoped.
    pub domain_id: Option<String>,
    /// Domain name when domain-scoped.
    pub domain_name: Option<String>,
    /// Whether the token is system-scoped (`system: {all: true}`).
    pub system_scoped: bool,
    /// Role names.
    pub roles: Vec<String>,
    /// The service catalog; `None` when requested with `?nocatalog`.
    pub catalog: Option<Catalog>,
    /// The versioned identity URL the token was obtained from (`…/v3`, `…/v2.0`).
    pub auth_url: Option<String>,
    /// A fixed endpoint for every service (`admin_token`, `none`, `http_basic`).
    pub endpoint: Option<String>,
    /// Headers the plugin adds to every request besides the token (`Authorization: Bearer …`
    /// of the OAuth2 plugins, `Authorization: Basic …` of `http_basic`). Secret: never logged.
    #[serde(default)]
    headers: Vec<(String, String)>,
}

impl std::fmt::Debug for AccessInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessInfo")
            .field("version", &self.version)
            .field(
                "token",
                &self.token.as_deref().map(crate::redact::sha256_tag),
            )
            .field("expires_at", &self.expires_at)
            .field("user_id", &self.user_id)
            .field("project_id", &self.project_id)
            .field("domain_id", &self.domain_id)
            .field("system_scoped", &self.system_scoped)
            .finish_non_exhaustive()
    }
}

fn s(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

impl AccessInfo {
    /// An access without keystone (`none`/`admin_token`): an optional fixed token and endpoint.
    pub fn fixed(token: Option<String>, endpoint: Option<String>) -> AccessInfo {
        AccessInfo {
            version: IdentityVersion::None,
            token,
            expires_at: None,
            issued_at: None,
            user_id: None,
            user_name: None,
            user_domain_id: None,
            project_id: None,
            project_name: None,
            project_domain_id: None,
            domain_id: None,
            domain_name: None,
            system_scoped: false,
            roles: Vec::new(),
            catalog: None,
            auth_url: None,
            endpoint,
            headers: Vec::new(),
        }
    }

    /// Adds a header sent with every request made with this access.
    pub fn add_header(&mut self, name: &str, value: String) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value));
    }

    /// Every header that authenticates a request: `X-Auth-Token` when there is a token, then
    /// the plugin's own.
    pub fn request_headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.token
            .as_deref()
            .map(|t| ("X-Auth-Token", t))
            .into_iter()
            .chain(self.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Parses a v3 `POST /v3/auth/tokens` answer: the token from `X-Subject-Token`, the rest
    /// from the body's `token`.
    pub fn from_v3(subject_token: &str, body: &Value, auth_url: &str) -> Option<AccessInfo> {
        let t = body.get("token")?;
        let mut a = AccessInfo::fixed(Some(subject_token.to_string()), None);
        a.version = IdentityVersion::V3;
        a.expires_at = s(t.get("expires_at"));
        a.issued_at = s(t.get("issued_at"));
        a.user_id = s(t.pointer("/user/id"));
        a.user_name = s(t.pointer("/user/name"));
        a.user_domain_id = s(t.pointer("/user/domain/id"));
        a.project_id = s(t.pointer("/project/id"));
        a.project_name = s(t.pointer("/project/name"));
        a.project_domain_id = s(t.pointer("/project/domain/id"));
        a.domain_id = s(t.pointer("/domain/id"));
        a.domain_name = s(t.pointer("/domain/name"));
        a.system_scoped = t
            .pointer("/system/all")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        a.roles = t
            .get("roles")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(|r| s(r.get("name"))).collect())
            .unwrap_or_default();
        a.catalog = t.get("catalog").and_then(Value::as_array).map(|c| Catalog {
            format: CatalogFormat::V3,
            services: c.clone(),
        });
        a.auth_url = Some(auth_url.to_string());
        Some(a)
    }

    /// Parses a v2.0 `POST /v2.0/tokens` answer (`access.token.id`, `access.serviceCatalog`).
    pub fn from_v2(body: &Value, auth_url: &str) -> Option<AccessInfo> {
        let acc = body.get("access")?;
        let token = s(acc.pointer("/token/id"))?;
        let mut a = AccessInfo::fixed(Some(token), None);
        a.version = IdentityVersion::V2;
        a.expires_at = s(acc.pointer("/token/expires"));
        a.issued_at = s(acc.pointer("/token/issued_at"));
        a.user_id = s(acc.pointer("/user/id"));
        a.user_name = s(acc.pointer("/user/name")).or_else(|| s(acc.pointer("/user/username")));
        a.project_id = s(acc.pointer("/token/tenant/id"));
        a.project_name = s(acc.pointer("/token/tenant/name"));
        a.roles = acc
            .pointer("/user/roles")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(|r| s(r.get("name"))).collect())
            .unwrap_or_default();
        a.catalog = Some(Catalog {
            format: CatalogFormat::V2,
            services: acc
                .get("serviceCatalog")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
        });
        a.auth_url = Some(auth_url.to_string());
        Some(a)
    }

    /// The token, if the plugin produces one.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Expiry, parsed.
    pub fn expires(&self) -> Option<Timestamp> {
        self.expires_at.as_deref().and_then(Timestamp::parse)
    }

    /// Whether the token expires within `margin` seconds from now (or has no known expiry).
    pub fn expires_within(&self, margin: i64) -> bool {
        match self.expires() {
            Some(t) => t.unix - crate::time::now_unix() <= margin,
            None => true,
        }
    }
}

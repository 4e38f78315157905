//! Identity v2.0 plugins: `v2password`, `v2token` (`POST /v2.0/tokens`, token in
//! `access.token.id`, catalog in `access.serviceCatalog`).

use super::{AuthPlugin, AuthRequest, BoxFuture, Opts, post_auth, versioned_url};
use crate::{AccessInfo, ClientError, Result, http::Http};
use ostk_config::Secret;
use serde_json::{Map, Value, json};

/// The credentials of a v2.0 request.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// `passwordCredentials` (user name or id).
    Password {
        /// User name.
        username: Option<String>,
        /// User id.
        user_id: Option<String>,
        /// Password.
        password: Secret,
    },
    /// An existing token.
    Token(Secret),
}

/// A v2.0 authentication.
#[derive(Debug, Clone)]
pub struct V2Auth {
    name: &'static str,
    /// Auth URL as configured.
    pub auth_url: String,
    /// Credentials.
    pub credentials: Credentials,
    /// Tenant id.
    pub tenant_id: Option<String>,
    /// Tenant name.
    pub tenant_name: Option<String>,
    /// Trust id.
    pub trust_id: Option<String>,
}

impl V2Auth {
    /// From plugin options. `tenant_id` and `tenant_name` together are refused: keystone v2.0
    /// would silently prefer one of them.
    pub fn from_opts(name: &'static str, o: &Opts) -> Result<V2Auth> {
        let auth_url = o.get("auth_url").ok_or_else(|| {
            ClientError::Auth(format!(
                "Missing value auth-url required for auth plugin {name}"
            ))
        })?;
        let tenant_id = o.first(&["tenant_id", "project_id"]);
        let tenant_name = o.first(&["tenant_name", "project_name"]);
        if name.starts_with("v2") && tenant_id.is_some() && tenant_name.is_some() {
            return Err(ClientError::Auth(
                "tenant-id and tenant-name are mutually exclusive for auth plugin ".to_string()
                    + name
                    + ": give only one (--os-project-id or --os-project-name)",
            ));
        }
        let credentials = if name.ends_with("password") {
            let (username, user_id) = (o.get("username"), o.get("user_id"));
            if username.is_none() && user_id.is_none() {
                return Err(ClientError::Auth(
                    "You need to provide either a username or user_id".into(),
                ));
            }
            Credentials::Password {
                username,
                user_id,
                password: o
                    .secret("password")
                    .ok_or_else(|| ClientError::Auth(super::NO_PASSWORD.into()))?,
            }
        } else {
            Credentials::Token(o.secret("token").ok_or_else(|| {
                ClientError::Auth(format!(
                    "Missing value token required for auth plugin {name}"
                ))
            })?)
        };
        Ok(V2Auth {
            name,
            auth_url,
            credentials,
            tenant_id,
            tenant_name,
            trust_id: o.get("trust_id"),
        })
    }

    /// The `POST /v2.0/tokens` body.
    pub fn body(&self) -> Value {
        let mut auth = Map::new();
        match &self.credentials {
            Credentials::Password {
                username,
                user_id,
                password,
            } => {
                let mut c = Map::new();
                if let Some(u) = username {
                    c.insert("username".into(), json!(u));
                } else if let Some(u) = user_id {
                    c.insert("userId".into(), json!(u));
                }
                c.insert("password".into(), json!(password.expose()));
                auth.insert("passwordCredentials".into(), Value::Object(c));
            }
            Credentials::Token(t) => {
                auth.insert("token".into(), json!({"id": t.expose()}));
            }
        }
        if let Some(t) = &self.tenant_id {
            auth.insert("tenantId".into(), json!(t));
        } else if let Some(t) = &self.tenant_name {
            auth.insert("tenantName".into(), json!(t));
        }
        if let Some(t) = &self.trust_id {
            auth.insert("trust_id".into(), json!(t));
        }
        json!({"auth": auth})
    }

    /// Authenticates against `<versioned identity URL>/tokens`.
    pub async fn authenticate_at(&self, http: &Http, identity_url: &str) -> Result<AccessInfo> {
        let base = identity_url.trim_end_matches('/');
        let url = format!("{base}/tokens");
        let resp = post_auth(http, &url, &self.body(), super::STEP_KEYSTONE).await?;
        let body = resp.json()?;
        AccessInfo::from_v2(&body, base).ok_or_else(|| ClientError::InvalidResponse {
            url,
            reason: "no access.token.id in the answer".into(),
        })
    }
}

impl AuthPlugin for V2Auth {
    fn name(&self) -> &'static str {
        self.name
    }

    fn authenticate<'a>(
        &'a self,
        http: &'a Http,
        _req: AuthRequest,
    ) -> BoxFuture<'a, Result<AccessInfo>> {
        Box::pin(async move {
            let url = versioned_url(&self.auth_url, "v2.0");
            self.authenticate_at(http, &url).await
        })
    }
}

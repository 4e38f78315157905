//! keystone's OAuth 2.0 client credentials (keystoneauth's `v3oauth2clientcredential` and
//! `v3oauth2mtlsclientcredential`): the client is an application credential (or, with mTLS, an
//! X.509 client certificate). Requests carry both keystone's token and the OAuth 2.0 access
//! token as `Authorization: Bearer`, for services behind keystonemiddleware's OAuth 2.0 filter.

use super::v3::{self, Scope, UserRef, V3Auth};
use super::{AuthPlugin, AuthRequest, BoxFuture, Opts, basic_auth, versioned_url};
use crate::http::HttpRequest;
use crate::{AccessInfo, ClientError, Result, http::Http};
use ostk_config::Secret;
use reqwest::Method;
use serde_json::Value;

/// Step label of the OAuth 2.0 token request.
pub const STEP_OAUTH2_TOKEN: &str = "OAuth 2.0 token";

/// An OAuth 2.0 client credentials plugin.
#[derive(Debug, Clone)]
pub struct OAuth2Auth {
    name: &'static str,
    endpoint: String,
    client_id: String,
    /// `None` for mTLS: the client certificate authenticates.
    secret: Option<Secret>,
    /// keystone authentication with the same credential (client secret flavour).
    keystone: Option<V3Auth>,
    auth_url: String,
}

impl OAuth2Auth {
    /// From plugin options, with keystoneauth's loader messages.
    pub fn from_opts(name: &'static str, o: &Opts) -> Result<OAuth2Auth> {
        let mtls = name == "v3oauth2mtlsclientcredential";
        let err = |m: &str| ClientError::Auth(m.to_string());
        let endpoint = o.get("oauth2_endpoint").ok_or_else(|| {
            err(if mtls {
                "You must provide an OAuth2.0 Mutual-TLS endpoint."
            } else {
                "You must provide an OAuth2.0 endpoint."
            })
        })?;
        let client_id = o.get("oauth2_client_id").ok_or_else(|| {
            err(if mtls {
                "You must provide an client credential ID for OAuth2.0 Mutual-TLS Authorization."
            } else {
                "You must provide an OAuth2.0 client credential ID."
            })
        })?;
        let auth_url = o.get("auth_url").ok_or_else(|| {
            err(&format!(
                "Missing value auth-url required for auth plugin {name}"
            ))
        })?;
        let (secret, keystone) = if mtls {
            (None, None)
        } else {
            let secret = o.secret("oauth2_client_secret").ok_or_else(|| {
                err("You must provide an OAuth2.0 client credential auth secret.")
            })?;
            // keystone's OAuth 2.0 clients are application credentials: the same credential
            // authenticates to keystone.
            let keystone = V3Auth {
                name,
                auth_url: auth_url.clone(),
                methods: vec![v3::Method::ApplicationCredential {
                    id: Some(client_id.clone()),
                    name: None,
                    secret: secret.clone(),
                    user: UserRef::default(),
                }],
                scope: Scope::from_opts(o),
                step: super::STEP_KEYSTONE,
            };
            (Some(secret), Some(keystone))
        };
        Ok(OAuth2Auth {
            name,
            endpoint,
            client_id,
            secret,
            keystone,
            auth_url,
        })
    }

    /// The access token from the OAuth 2.0 endpoint.
    async fn access_token(&self, http: &Http) -> Result<String> {
        let mut req = HttpRequest::new(Method::POST, self.endpoint.as_str())
            .header("Accept", "application/json")
            .step(STEP_OAUTH2_TOKEN);
        let mut form = vec![("grant_type", "client_credentials")];
        match &self.secret {
            Some(s) => req = req.header("Authorization", basic_auth(&self.client_id, s.expose())),
            None => form.push(("client_id", self.client_id.as_str())),
        }
        let req = req.form(form);
        let resp = http.send(&req).await.map_err(|e| ClientError::AuthStep {
            step: format!("OAuth 2.0 token request to {}", self.endpoint),
            source: Box::new(e),
            hint: String::new(),
        })?;
        let body: Option<Value> = serde_json::from_slice(&resp.body).ok();
        let field = |k: &str| {
            body.as_ref()
                .and_then(|b| b.get(k))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        if resp.is_success()
            && let Some(t) = field("access_token")
        {
            return Ok(t);
        }
        // keystoneauth raises the answer's error_description.
        let why = field("error_description")
            .or_else(|| field("error"))
            .unwrap_or_else(|| crate::error::status_reason(resp.status).to_string());
        Err(ClientError::Auth(format!(
            "OAuth 2.0 token request to {} failed: {why} (HTTP {})",
            self.endpoint, resp.status
        )))
    }
}

impl AuthPlugin for OAuth2Auth {
    fn name(&self) -> &'static str {
        self.name
    }

    fn authenticate<'a>(
        &'a self,
        http: &'a Http,
        req: AuthRequest,
    ) -> BoxFuture<'a, Result<AccessInfo>> {
        Box::pin(async move {
            let identity = versioned_url(&self.auth_url, "v3");
            let (mut access, bearer) = match &self.keystone {
                Some(k) => {
                    let a = k.authenticate_at(http, &identity, req).await?;
                    (a, self.access_token(http).await?)
                }
                None => {
                    // mTLS: the access token is a keystone token; its details come from
                    // validating it against itself.
                    let token = self.access_token(http).await?;
                    let url = format!("{identity}/auth/tokens");
                    let r = HttpRequest::new(Method::GET, url.as_str())
                        .header("Accept", "application/json")
                        .header("X-Auth-Token", token.as_str())
                        .header("X-Subject-Token", token.as_str())
                        .step(super::STEP_KEYSTONE);
                    let resp = http.send(&r).await?.error_for_status()?;
                    let body = resp.json()?;
                    let a = AccessInfo::from_v3(&token, &body, &identity).ok_or_else(|| {
                        ClientError::InvalidResponse {
                            url,
                            reason: "no token in the answer".into(),
                        }
                    })?;
                    (a, token)
                }
            };
            access.add_header("Authorization", format!("Bearer {bearer}"));
            Ok(access)
        })
    }
}

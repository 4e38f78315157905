//! OpenID Connect federation, as keystoneauth's `identity.v3.oidc` does it: get a token from
//! the identity provider (IdP) with a grant, present it as a bearer token to keystone's
//! federated auth URL for an unscoped token, then rescope that token to the project, domain or
//! system asked for.
//!
//! - `v3oidcclientcredentials`: the client's own credentials (OVHcloud service accounts).
//! - `v3oidcpassword`: a user's name and password (resource owner password grant).
//! - `v3oidcauthcode`: an authorization code obtained in a browser.
//! - `v3oidcaccesstoken`: a token the user already has (no IdP request).
//! - `v3oidcdeviceauthz`: the device authorization grant (a code to enter in a browser).
//!
//! A failure says which step failed (discovery, IdP token, federation, scoping) and keeps the
//! answer's own message, so `Forbidden (HTTP 403) (Request-ID: …)`-style texts stay intact.

use super::v3::{Method, Scope, V3Auth};
use super::{AuthPlugin, AuthRequest, BoxFuture, Opts, basic_auth, versioned_url};
use crate::http::{HttpRequest, HttpResponse};
use crate::{AccessInfo, ClientError, Result, http::Http};
use ostk_config::Secret;
use reqwest::Method as HttpMethod;
use serde_json::Value;
use std::time::{Duration, Instant};

/// Step label of the discovery document request.
pub const STEP_DISCOVERY: &str = "OIDC discovery";
/// Step label of the device authorization request.
pub const STEP_DEVICE: &str = "OIDC device authorization";
/// Step label of the IdP token request.
pub const STEP_IDP_TOKEN: &str = "identity provider token";
/// Step label of keystone's federated authentication.
pub const STEP_FEDERATION: &str = "federated authentication";
/// Step label of the rescoping request.
pub const STEP_SCOPE: &str = "scoping";

/// How the IdP token is obtained.
#[derive(Debug, Clone)]
pub enum Grant {
    /// `client_credentials`.
    ClientCredentials,
    /// `password`, with an optional one-time code sent under `otp_key`.
    Password {
        /// User name at the IdP.
        username: String,
        /// Password at the IdP.
        password: Secret,
        /// Form key of a one-time password asked on the terminal (`idp_otp_key`).
        otp_key: Option<String>,
    },
    /// `authorization_code`.
    AuthorizationCode {
        /// The code.
        code: Secret,
        /// The redirect URI the code was issued for.
        redirect_uri: Option<String>,
    },
    /// No grant: the user's token goes to keystone as is.
    AccessToken(Secret),
    /// `urn:ietf:params:oauth:grant-type:device_code`.
    DeviceCode {
        /// Explicit device authorization endpoint (else from discovery).
        endpoint: Option<String>,
        /// PKCE method (`plain` or `S256`), if any.
        challenge_method: Option<String>,
    },
}

impl Grant {
    /// The OAuth grant type (none for an access token).
    pub fn grant_type(&self) -> Option<&'static str> {
        match self {
            Grant::ClientCredentials => Some("client_credentials"),
            Grant::Password { .. } => Some("password"),
            Grant::AuthorizationCode { .. } => Some("authorization_code"),
            Grant::AccessToken(_) => None,
            Grant::DeviceCode { .. } => Some("urn:ietf:params:oauth:grant-type:device_code"),
        }
    }
}

/// An OpenID Connect federation plugin.
#[derive(Debug, Clone)]
pub struct OidcAuth {
    name: &'static str,
    auth_url: String,
    identity_provider: String,
    protocol: String,
    client_id: String,
    client_secret: Option<Secret>,
    scope: String,
    access_token_endpoint: Option<String>,
    discovery_endpoint: Option<String>,
    access_token_type: String,
    grant: Grant,
    rescope: Scope,
}

fn auth_err(msg: impl Into<String>) -> ClientError {
    ClientError::Auth(msg.into())
}

fn required(o: &Opts, dest: &str, option: &str, plugin: &str) -> Result<String> {
    o.get(dest).ok_or_else(|| {
        auth_err(format!(
            "Missing value {option} required for auth plugin {plugin}"
        ))
    })
}

impl OidcAuth {
    /// From plugin options, with keystoneauth's defaults (`access_token_type` `access_token`,
    /// scope `openid profile`) and its loader's checks.
    pub fn from_opts(name: &'static str, o: &Opts) -> Result<OidcAuth> {
        let auth_url = required(o, "auth_url", "auth-url", name)?;
        let identity_provider = required(o, "identity_provider", "identity-provider", name)?;
        let protocol = required(o, "protocol", "protocol", name)?;
        let access_token_endpoint = o.get("access_token_endpoint");
        let discovery_endpoint = o.get("discovery_endpoint");
        let grant = match name {
            "v3oidcclientcredentials" => Grant::ClientCredentials,
            "v3oidcpassword" => Grant::Password {
                username: required(o, "username", "username", name)?,
                password: o
                    .secret("password")
                    .ok_or_else(|| auth_err(super::NO_PASSWORD))?,
                otp_key: o.get("idp_otp_key"),
            },
            "v3oidcauthcode" => Grant::AuthorizationCode {
                code: o.secret("code").ok_or_else(|| {
                    auth_err(format!(
                        "Missing value code required for auth plugin {name}"
                    ))
                })?,
                redirect_uri: o.get("redirect_uri"),
            },
            "v3oidcaccesstoken" => {
                Grant::AccessToken(o.secret("access_token").ok_or_else(|| {
                    auth_err(format!(
                        "Missing value access-token required for auth plugin {name}"
                    ))
                })?)
            }
            "v3oidcdeviceauthz" => {
                let challenge_method = o.get("code_challenge_method");
                if let Some(m) = &challenge_method
                    && m != "plain"
                    && m != "S256"
                {
                    return Err(auth_err(format!(
                        "Invalid code challenge method: {m} (use plain or S256)."
                    )));
                }
                Grant::DeviceCode {
                    endpoint: o.get("device_authorization_endpoint"),
                    challenge_method,
                }
            }
            other => return Err(auth_err(format!("{other} is not an OIDC plugin"))),
        };
        let needs_idp = !matches!(grant, Grant::AccessToken(_));
        if needs_idp && access_token_endpoint.is_none() && discovery_endpoint.is_none() {
            return Err(auth_err(
                "You have to specify either an 'access-token-endpoint' or a 'discovery-endpoint'.",
            ));
        }
        let client_id = o.get("client_id").unwrap_or_default();
        if needs_idp && client_id.is_empty() {
            return Err(auth_err(format!(
                "Missing value client-id required for auth plugin {name}"
            )));
        }
        Ok(OidcAuth {
            name,
            auth_url,
            identity_provider,
            protocol,
            client_id,
            client_secret: o.secret("client_secret"),
            scope: o.get("scope").unwrap_or_else(|| "openid profile".into()),
            access_token_endpoint,
            discovery_endpoint,
            access_token_type: o
                .get("access_token_type")
                .unwrap_or_else(|| "access_token".into()),
            grant,
            rescope: Scope::from_opts(o),
        })
    }

    /// keystone's federated auth URL for this IdP and protocol.
    pub fn federated_token_url(&self) -> String {
        format!(
            "{}/OS-FEDERATION/identity_providers/{}/protocols/{}/auth",
            versioned_url(&self.auth_url, "v3"),
            self.identity_provider,
            self.protocol
        )
    }

    /// The discovery document, when a discovery endpoint is configured.
    async fn discovery(&self, http: &Http) -> Result<Option<Value>> {
        let Some(url) = &self.discovery_endpoint else {
            return Ok(None);
        };
        let req = HttpRequest::new(HttpMethod::GET, url.as_str())
            .header("Accept", "application/json")
            .step(STEP_DISCOVERY);
        let resp = http
            .send(&req)
            .await
            .and_then(HttpResponse::error_for_status)
            .map_err(|e| step_error(format!("OIDC discovery: cannot fetch {url}"), e))?;
        match serde_json::from_slice::<Value>(&resp.body) {
            Ok(v) if v.as_object().is_some_and(|m| !m.is_empty()) => Ok(Some(v)),
            _ => Err(auth_err(format!(
                "OIDC discovery: {url} is not an OpenID Connect discovery document (not a JSON object)"
            ))),
        }
    }

    fn endpoint_from(
        &self,
        explicit: &Option<String>,
        doc: Option<&Value>,
        key: &str,
        option: &str,
    ) -> Result<String> {
        if let Some(e) = explicit {
            return Ok(e.clone());
        }
        doc.and_then(|d| d.get(key))
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| {
                auth_err(format!(
                    "OIDC discovery: the discovery document at {} names no {key}; set {option}",
                    self.discovery_endpoint.as_deref().unwrap_or("(none)")
                ))
            })
    }

    /// POSTs a form to the IdP with the client's credentials (HTTP Basic when there is a
    /// secret, else `client_id` in the form, as keystoneauth does); the answer whatever its
    /// status, a transport failure worded as a failure of this step.
    async fn post_idp(
        &self,
        http: &Http,
        url: &str,
        step: &'static str,
        mut form: Vec<(&str, String)>,
    ) -> Result<HttpResponse> {
        let mut req = HttpRequest::new(HttpMethod::POST, url)
            .header("Accept", "application/json")
            .step(step);
        match &self.client_secret {
            Some(secret) => {
                req = req.header(
                    "Authorization",
                    basic_auth(&self.client_id, secret.expose()),
                );
            }
            None => {
                if !form.iter().any(|(k, _)| *k == "client_id") {
                    form.push(("client_id", self.client_id.clone()));
                }
            }
        }
        let req = req.form(form.iter().map(|(k, v)| (*k, v.as_str())));
        let what = if step == STEP_DEVICE {
            "Device authorization request"
        } else {
            "Identity provider token request"
        };
        http.send(&req)
            .await
            .map_err(|e| step_error(format!("{what} to {url}"), e))
    }

    /// The IdP token (the field `access_token_type` names) for the configured grant.
    async fn idp_token(&self, http: &Http) -> Result<Secret> {
        if let Grant::AccessToken(t) = &self.grant {
            return Ok(t.clone());
        }
        let doc = self.discovery(http).await?;
        let grant_type = self.grant.grant_type().unwrap_or_default();
        if let Some(supported) = doc
            .as_ref()
            .and_then(|d| d.get("grant_types_supported"))
            .and_then(Value::as_array)
            .filter(|a| !a.is_empty())
            && !supported.iter().any(|g| g.as_str() == Some(grant_type))
        {
            let list: Vec<&str> = supported.iter().filter_map(Value::as_str).collect();
            return Err(auth_err(format!(
                "OpenID Connect grant type not supported by provider: {grant_type} (it supports: {})",
                list.join(", ")
            )));
        }
        let token_url = self.endpoint_from(
            &self.access_token_endpoint,
            doc.as_ref(),
            "token_endpoint",
            "access_token_endpoint",
        )?;
        let answer = match &self.grant {
            Grant::DeviceCode {
                endpoint,
                challenge_method,
            } => {
                self.device_flow(http, doc.as_ref(), endpoint, challenge_method, &token_url)
                    .await?
            }
            grant => {
                let mut form: Vec<(&str, String)> = Vec::new();
                match grant {
                    Grant::Password {
                        username,
                        password,
                        otp_key,
                    } => {
                        form.push(("username", username.clone()));
                        form.push(("password", password.expose().to_string()));
                        form.push(("scope", self.scope.clone()));
                        if let Some(k) = otp_key {
                            form.push((k.as_str(), prompt_otp()?));
                        }
                    }
                    Grant::AuthorizationCode { code, redirect_uri } => {
                        if let Some(r) = redirect_uri {
                            form.push(("redirect_uri", r.clone()));
                        }
                        form.push(("code", code.expose().to_string()));
                    }
                    _ => form.push(("scope", self.scope.clone())),
                }
                form.push(("grant_type", grant_type.to_string()));
                let resp = self
                    .post_idp(http, &token_url, STEP_IDP_TOKEN, form)
                    .await?;
                if !resp.is_success() {
                    return Err(idp_error(&token_url, &resp));
                }
                json_object(&resp, &token_url)?
            }
        };
        match answer.get(&self.access_token_type).and_then(Value::as_str) {
            Some(t) => Ok(Secret::new(t.to_string())),
            None => {
                let keys: Vec<&str> = answer
                    .as_object()
                    .map(|m| m.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                Err(auth_err(format!(
                    "The identity provider's token response has no '{}' (access_token_type); it has: {}",
                    self.access_token_type,
                    keys.join(", ")
                )))
            }
        }
    }

    /// RFC 8628: ask for a device code, tell the user where to enter it, poll for the token.
    async fn device_flow(
        &self,
        http: &Http,
        doc: Option<&Value>,
        endpoint: &Option<String>,
        challenge_method: &Option<String>,
        token_url: &str,
    ) -> Result<Value> {
        let device_url = self.endpoint_from(
            endpoint,
            doc,
            "device_authorization_endpoint",
            "device_authorization_endpoint",
        )?;
        let mut form = vec![
            ("client_id", self.client_id.clone()),
            ("scope", self.scope.clone()),
        ];
        let verifier = match challenge_method.as_deref() {
            Some(m) => {
                let (verifier, challenge) = pkce(m)?;
                form.push(("code_challenge_method", m.to_string()));
                form.push(("code_challenge", challenge));
                Some(verifier)
            }
            None => None,
        };
        let resp = self.post_idp(http, &device_url, STEP_DEVICE, form).await?;
        if !resp.is_success() {
            return Err(idp_error(&device_url, &resp));
        }
        let d = json_object(&resp, &device_url)?;
        let field = |k: &str| d.get(k).and_then(Value::as_str).map(str::to_string);
        let num = |k: &str| {
            d.get(k)
                .and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
        };
        let (Some(device_code), Some(user_code), Some(uri)) = (
            field("device_code"),
            field("user_code"),
            field("verification_uri"),
        ) else {
            return Err(auth_err(format!(
                "The device authorization answer of {device_url} lacks device_code, user_code or verification_uri"
            )));
        };
        match field("verification_uri_complete") {
            Some(complete) => eprintln!("To authenticate please go to: {complete}"),
            None => eprintln!("To authenticate please go to {uri} and enter the code {user_code}"),
        }
        let deadline = Instant::now() + Duration::from_secs(num("expires_in").unwrap_or(600));
        let mut interval = Duration::from_secs(num("interval").unwrap_or(5));
        let mut form = vec![("device_code", device_code)];
        if let Some(v) = verifier {
            form.push(("code_verifier", v));
        }
        form.push((
            "grant_type",
            self.grant.grant_type().unwrap_or_default().into(),
        ));
        form.push(("client_id", self.client_id.clone()));
        loop {
            let resp = self
                .post_idp(http, token_url, STEP_IDP_TOKEN, form.clone())
                .await?;
            if resp.is_success() {
                return json_object(&resp, token_url);
            }
            let error = serde_json::from_slice::<Value>(&resp.body)
                .ok()
                .and_then(|v| v.get("error").and_then(Value::as_str).map(str::to_string));
            match error.as_deref() {
                Some("authorization_pending") => {}
                // RFC 8628 3.5: slow down by 5 seconds.
                Some("slow_down") => interval += Duration::from_secs(5),
                _ => return Err(idp_error(token_url, &resp)),
            }
            if Instant::now() + interval > deadline {
                return Err(auth_err("Timeout for OpenID Connect device authorization."));
            }
            tokio::time::sleep(interval).await;
        }
    }

    /// keystone's unscoped token for the IdP token.
    async fn federate(&self, http: &Http, idp_token: &Secret) -> Result<AccessInfo> {
        let url = self.federated_token_url();
        let req = HttpRequest::new(HttpMethod::POST, url.as_str())
            .header("Accept", "application/json")
            .header("Authorization", format!("Bearer {}", idp_token.expose()))
            .step(STEP_FEDERATION);
        let what = format!(
            "Federated authentication with identity provider '{}' (protocol '{}')",
            self.identity_provider, self.protocol
        );
        let resp = http
            .send(&req)
            .await
            .and_then(HttpResponse::error_for_status)
            .map_err(|e| {
                let hint = match e.status() {
                    Some(401) => " — keystone did not accept the identity provider's token for this account (no mapping rule matched, the protocol is not configured, or the token is invalid)",
                    Some(403) => " — the token's issuer is not one of this identity provider's remote ids",
                    _ => "",
                };
                step_error(what.clone(), e).with_hint(hint)
            })?;
        super::v3::access_from_answer(&resp, &versioned_url(&self.auth_url, "v3"))
    }

    fn scope_text(&self) -> String {
        match &self.rescope {
            Scope::Project { id: Some(id), .. } => format!("project {id}"),
            Scope::Project { name, .. } => format!("project {}", name.as_deref().unwrap_or("")),
            Scope::Domain { id, name } => {
                format!("domain {}", id.as_deref().or(name.as_deref()).unwrap_or(""))
            }
            Scope::System(s) => format!("system {s}"),
            Scope::Trust(t) => format!("trust {t}"),
            Scope::Unscoped => "nothing".into(),
        }
    }
}

/// An error of a step, keeping the answer's own message after the step's words.
fn step_error(step: String, source: ClientError) -> ClientError {
    ClientError::AuthStep {
        step,
        source: Box::new(source),
        hint: String::new(),
    }
}

/// An IdP error answer: OAuth's `{"error", "error_description"}` when there, else the usual
/// HTTP error text.
fn idp_error(url: &str, resp: &HttpResponse) -> ClientError {
    let v: Option<Value> = serde_json::from_slice(&resp.body).ok();
    let field = |k: &str| {
        v.as_ref()
            .and_then(|v| v.get(k))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let step = format!("Identity provider token request to {url}");
    match field("error") {
        Some(error) => {
            let hint = match error.as_str() {
                "invalid_client" => " — check the client id and client secret",
                "invalid_grant" => " — the credentials or code were refused",
                "unauthorized_client" => " — this client may not use this grant",
                _ => "",
            };
            let desc = field("error_description")
                .map(|d| format!(": {d}"))
                .unwrap_or_default();
            ClientError::Auth(format!(
                "{step} failed: {error}{desc} (HTTP {}){hint}",
                resp.status
            ))
        }
        None => step_error(step, ClientError::from(resp.to_api_error())),
    }
}

fn json_object(resp: &HttpResponse, url: &str) -> Result<Value> {
    match serde_json::from_slice::<Value>(&resp.body) {
        Ok(v) if v.is_object() => Ok(v),
        _ => Err(ClientError::InvalidResponse {
            url: url.to_string(),
            reason: "the identity provider's answer is not a JSON object".into(),
        }),
    }
}

/// A one-time password from the terminal (`idp_otp_key`).
fn prompt_otp() -> Result<String> {
    use std::io::{BufRead, IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        return Err(auth_err(
            "idp_otp_key is set but stdin is not a terminal to enter the one-time code on",
        ));
    }
    eprint!("Please, enter the generated OTP code: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| auth_err(format!("cannot read the one-time code: {e}")))?;
    Ok(line.trim().to_string())
}

/// RFC 7636 verifier and challenge for `method` (`plain` or `S256`).
fn pkce(method: &str) -> Result<(String, String)> {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let mut raw = [0u8; 42];
    getrandom::fill(&mut raw).map_err(|e| auth_err(format!("no randomness for PKCE: {e}")))?;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let verifier = b64.encode(raw);
    let challenge = match method {
        "S256" => b64.encode(Sha256::digest(verifier.as_bytes())),
        _ => verifier.clone(),
    };
    Ok((verifier, challenge))
}

impl AuthPlugin for OidcAuth {
    fn name(&self) -> &'static str {
        self.name
    }

    fn authenticate<'a>(
        &'a self,
        http: &'a Http,
        req: AuthRequest,
    ) -> BoxFuture<'a, Result<AccessInfo>> {
        Box::pin(async move {
            let idp_token = self.idp_token(http).await?;
            let unscoped = self.federate(http, &idp_token).await?;
            if self.rescope == Scope::Unscoped {
                return Ok(unscoped);
            }
            let token = unscoped.token().unwrap_or_default().to_string();
            let rescope = V3Auth {
                name: self.name,
                auth_url: self.auth_url.clone(),
                methods: vec![Method::Token(Secret::new(token))],
                scope: self.rescope.clone(),
                step: STEP_SCOPE,
            };
            let url = versioned_url(&self.auth_url, "v3");
            rescope.authenticate_at(http, &url, req).await.map_err(|e| {
                let hint = if e.status() == Some(401) {
                    " — the federated user has no role there, or it does not exist"
                } else {
                    ""
                };
                step_error(
                    format!("Scoping the federated token to {}", self.scope_text()),
                    e,
                )
                .with_hint(hint)
            })
        })
    }
}

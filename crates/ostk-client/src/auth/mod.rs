//! Auth plugins with keystoneauth's names and options. Each plugin is one module implementing
//! [`AuthPlugin`]; [`from_config`] picks one from the validated cloud configuration. Adding a
//! plugin (OIDC, TOTP…) is a new module plus one arm in [`from_config`].
//!
//! - [`v3`]: `v3password`, `v3token`, `v3applicationcredential` (identity methods + scope).
//! - [`v2`]: `v2password`, `v2token` (Identity v2.0).
//! - [`generic`]: `password`, `token`: v3 or v2.0 chosen from the auth URL / version discovery.
//! - [`noauth`]: `none`, `admin_token`, `http_basic` (fixed endpoint, optional fixed token or
//!   Basic credentials).
//! - [`oidc`]: the OpenID Connect federation plugins (`v3oidcclientcredentials`,
//!   `v3oidcpassword`, `v3oidcauthcode`, `v3oidcaccesstoken`, `v3oidcdeviceauthz`).
//! - [`oauth2`]: `v3oauth2clientcredential`, `v3oauth2mtlsclientcredential`.

pub mod generic;
pub mod noauth;
pub mod oauth2;
pub mod oidc;
pub mod v2;
pub mod v3;

use crate::{AccessInfo, ClientError, Result, http::Http};
use ostk_config::{AuthConfig, AuthValue, Secret};
use std::future::Future;
use std::pin::Pin;

/// A boxed future (auth plugins are used as trait objects).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What the caller needs from an authentication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthRequest {
    /// Whether the catalog is wanted (`false` adds `?nocatalog` where keystone supports it).
    pub catalog: bool,
}

impl Default for AuthRequest {
    fn default() -> Self {
        AuthRequest { catalog: true }
    }
}

/// An authentication method.
pub trait AuthPlugin: Send + Sync + std::fmt::Debug {
    /// keystoneauth's name of the plugin (`v3password`…).
    fn name(&self) -> &'static str;
    /// Obtains a token (or a fixed access for plugins without keystone).
    fn authenticate<'a>(
        &'a self,
        http: &'a Http,
        req: AuthRequest,
    ) -> BoxFuture<'a, Result<AccessInfo>>;
    /// Whether a fresh authentication can fix a 401 (false for fixed tokens).
    fn can_reauthenticate(&self) -> bool {
        true
    }
    /// Whether tokens from this plugin may be cached across invocations.
    fn cacheable(&self) -> bool {
        true
    }
}

/// Options of a validated [`AuthConfig`] as strings (secrets exposed only to plugins; the
/// values are zeroed when dropped, like [`Secret`]'s).
#[derive(Clone, Default)]
pub struct Opts {
    values: Vec<(String, String, bool)>,
}

impl std::fmt::Debug for Opts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut m = f.debug_map();
        for (k, v, secret) in &self.values {
            m.entry(k, if *secret { &ostk_config::REDACTED } else { v });
        }
        m.finish()
    }
}

impl Drop for Opts {
    fn drop(&mut self) {
        for (_, v, _) in &mut self.values {
            zeroize::Zeroize::zeroize(v);
        }
    }
}

impl Opts {
    /// From the validated config.
    pub fn from_config(auth: &AuthConfig) -> Opts {
        let values = auth
            .options
            .iter()
            .map(|(k, v)| match v {
                // `auth_methods` (a list) travels as `v3password,v3totp`.
                AuthValue::Plain(v @ serde_json::Value::Array(_)) => {
                    (k.clone(), ostk_config::method_names(v).join(","), false)
                }
                AuthValue::Plain(v) => (k.clone(), ostk_config::pyval::py_str(v), false),
                AuthValue::Secret(s) => (k.clone(), s.expose().to_string(), true),
            })
            .filter(|(_, v, _)| !v.is_empty())
            .collect();
        Opts { values }
    }

    /// Sets a value.
    pub fn set(&mut self, k: &str, v: &str, secret: bool) {
        for (_, old, _) in self.values.iter_mut().filter(|(n, _, _)| n == k) {
            zeroize::Zeroize::zeroize(old);
        }
        self.values.retain(|(n, _, _)| n != k);
        self.values.push((k.to_string(), v.to_string(), secret));
    }

    /// A value by dest.
    pub fn get(&self, k: &str) -> Option<String> {
        self.values
            .iter()
            .find(|(n, _, _)| n == k)
            .map(|(_, v, _)| v.clone())
    }

    /// A secret value by dest.
    pub fn secret(&self, k: &str) -> Option<Secret> {
        self.get(k).map(Secret::new)
    }

    /// The first present of several dests.
    pub fn first(&self, ks: &[&str]) -> Option<String> {
        ks.iter().find_map(|k| self.get(k))
    }

    /// Every value, sorted by dest, secrets included: the material of the token cache key
    /// (zeroed when dropped).
    pub fn canonical(&self, plugin: &str) -> zeroize::Zeroizing<String> {
        let mut v: Vec<(&str, &str)> = self
            .values
            .iter()
            .map(|(k, v, _)| (k.as_str(), v.as_str()))
            .collect();
        v.sort();
        zeroize::Zeroizing::new(serde_json::json!({"plugin": plugin, "options": v}).to_string())
    }

    /// The secret values (for tests asserting redaction).
    pub fn secrets(&self) -> impl Iterator<Item = &str> {
        self.values
            .iter()
            .filter(|(_, _, s)| *s)
            .map(|(_, v, _)| v.as_str())
    }
}

/// A source of a secret the user did not configure (a password, a TOTP passcode), asked for
/// with the given label (`Password: `, `Passcode: `).
pub type PasswordPrompt<'a> = &'a dyn Fn(&str) -> Result<String>;

/// osc-lib's wording when no password could be had.
pub const NO_PASSWORD: &str = "No password entered, or found via --os-password or OS_PASSWORD";

/// Prompts `label` on the terminal without echo when stdin is one (osc-lib's
/// `prompt_for_password`); otherwise fails with osc-lib's message (or, for a passcode, its
/// equivalent).
pub fn prompt_password_tty(label: &str) -> Result<String> {
    use std::io::IsTerminal;
    let fail = || {
        ClientError::Auth(if label.starts_with("Password") {
            NO_PASSWORD.into()
        } else {
            "No passcode entered, or found via --os-passcode or OS_PASSCODE".into()
        })
    };
    if !std::io::stdin().is_terminal() {
        return Err(fail());
    }
    match rpassword::prompt_password(label) {
        Ok(p) if !p.is_empty() => Ok(p),
        _ => Err(fail()),
    }
}

/// Builds the plugin for a validated auth configuration. Password plugins without a password
/// call `prompt` (osc-lib prompts only for auth types ending in `password`). Returns the plugin
/// and the options actually used (for the cache key).
pub fn from_config(
    auth: &AuthConfig,
    prompt: Option<PasswordPrompt<'_>>,
) -> Result<(Box<dyn AuthPlugin>, Opts)> {
    let name = auth.plugin.name;
    let mut opts = Opts::from_config(auth);
    if name.ends_with("password") && opts.get("password").is_none() {
        let pw = match prompt {
            Some(p) => p("Password: ")?,
            None => return Err(ClientError::Auth(NO_PASSWORD.into())),
        };
        opts.set("password", &pw, true);
    }
    // A TOTP code changes every 30 s: asking for it beats keeping it in a file.
    let methods = opts.get("auth_methods").unwrap_or_default();
    let totp =
        name == "v3totp" || (name == "v3multifactor" && methods.split(',').any(|m| m == "v3totp"));
    if totp
        && opts.get("passcode").is_none()
        && let Some(p) = prompt
    {
        let code = p("Passcode: ")?;
        opts.set("passcode", &code, true);
    }
    let plugin: Box<dyn AuthPlugin> = match name {
        "v3password" | "v3token" | "v3applicationcredential" | "v3totp" | "v3multifactor" => {
            Box::new(v3::V3Auth::from_opts(name, &opts)?)
        }
        "v2password" | "v2token" => Box::new(v2::V2Auth::from_opts(name, &opts)?),
        "password" | "token" => Box::new(generic::GenericAuth::from_opts(name, &opts)?),
        "none" | "noauth" | "admin_token" | "http_basic" => {
            Box::new(noauth::NoAuth::from_opts(name, &opts))
        }
        "v3oauth2clientcredential" | "v3oauth2mtlsclientcredential" => {
            Box::new(oauth2::OAuth2Auth::from_opts(name, &opts)?)
        }
        "v3oidcclientcredentials"
        | "v3oidcpassword"
        | "v3oidcauthcode"
        | "v3oidcaccesstoken"
        | "v3oidcdeviceauthz" => Box::new(oidc::OidcAuth::from_opts(name, &opts)?),
        other => {
            return Err(ClientError::Auth(format!(
                "The auth plugin {other} is not supported by ostk yet"
            )));
        }
    };
    Ok((plugin, opts))
}

/// Step label of a keystone `POST /auth/tokens` (v3) or `/tokens` (v2.0).
pub const STEP_KEYSTONE: &str = "keystone authentication";

/// An `Authorization: Basic` value (python-requests' `HTTPBasicAuth`: no URL-encoding).
pub fn basic_auth(user: &str, password: &str) -> String {
    use base64::Engine;
    let raw = format!("{user}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

/// `auth_url` with `suffix` (`v3`, `v2.0`) appended unless the URL already ends in a version.
pub fn versioned_url(auth_url: &str, suffix: &str) -> String {
    let base = auth_url.trim_end_matches('/');
    if version_suffix(base).is_some() {
        base.to_string()
    } else {
        format!("{base}/{suffix}")
    }
}

/// The version an identity URL names in its last path segment (`v3`, `v2.0`), if any.
pub fn version_suffix(url: &str) -> Option<&str> {
    let last = url.trim_end_matches('/').rsplit('/').next()?;
    let rest = last.strip_prefix('v')?;
    (!rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.')).then_some(last)
}

/// Sends an authentication request and maps a failure status to an [`crate::ApiError`].
pub(crate) async fn post_auth(
    http: &Http,
    url: &str,
    body: &serde_json::Value,
    step: &'static str,
) -> Result<crate::http::HttpResponse> {
    tracing::debug!("Making authentication request to {url}");
    let req = crate::http::HttpRequest::new(reqwest::Method::POST, url)
        .header("Accept", "application/json")
        .step(step)
        .json(body);
    // Connection errors name the endpoint, not `?nocatalog`.
    let plain = url.split('?').next().unwrap_or(url).to_string();
    let resp = http.send(&req).await.map_err(|e| match e {
        ClientError::Connect { reason, .. } => ClientError::Connect {
            url: plain.clone(),
            reason,
        },
        ClientError::Broken { reason, .. } => ClientError::Broken {
            url: plain.clone(),
            reason,
        },
        ClientError::Timeout { .. } => ClientError::Timeout { url: plain.clone() },
        ClientError::Tls { reason, .. } => ClientError::Tls {
            url: plain.clone(),
            reason,
        },
        other => other,
    })?;
    resp.error_for_status()
}

//! Identity v3 plugins: `v3password`, `v3token`, `v3applicationcredential`, `v3totp`,
//! `v3multifactor` (several of those methods in one request) and `v3oauth2clientcredential`. One
//! request body builder (identity methods + scope) as keystoneauth's `identity.v3.Auth` composes
//! its `AuthMethod`s.

use super::{AuthPlugin, AuthRequest, BoxFuture, Opts, post_auth, versioned_url};
use crate::{AccessInfo, ClientError, Result, http::Http};
use ostk_config::Secret;
use serde_json::{Map, Value, json};

/// A user reference (id, or name + domain).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserRef {
    /// User id.
    pub id: Option<String>,
    /// User name.
    pub name: Option<String>,
    /// Domain id of the named user.
    pub domain_id: Option<String>,
    /// Domain name of the named user.
    pub domain_name: Option<String>,
}

impl UserRef {
    fn from_opts(o: &Opts) -> UserRef {
        UserRef {
            id: o.get("user_id"),
            name: o.get("username"),
            domain_id: o.first(&["user_domain_id", "default_domain_id"]),
            domain_name: o.first(&["user_domain_name", "default_domain_name"]),
        }
    }

    fn is_set(&self) -> bool {
        self.id.is_some() || self.name.is_some()
    }

    fn to_json(&self) -> Value {
        let mut m = Map::new();
        if let Some(id) = &self.id {
            m.insert("id".into(), json!(id));
        }
        if let Some(n) = &self.name {
            m.insert("name".into(), json!(n));
        }
        if let Some(d) = domain(self.domain_id.as_deref(), self.domain_name.as_deref()) {
            m.insert("domain".into(), d);
        }
        Value::Object(m)
    }
}

fn domain(id: Option<&str>, name: Option<&str>) -> Option<Value> {
    match (id, name) {
        (Some(id), _) => Some(json!({"id": id})),
        (None, Some(n)) => Some(json!({"name": n})),
        _ => None,
    }
}

/// An identity method.
#[derive(Debug, Clone)]
pub enum Method {
    /// `password`.
    Password {
        /// The user.
        user: UserRef,
        /// The password.
        password: Secret,
    },
    /// `token`.
    Token(Secret),
    /// `totp`: a time-based one-time passcode of a user with a TOTP credential.
    Totp {
        /// The user.
        user: UserRef,
        /// The current passcode.
        passcode: Secret,
    },
    /// `application_credential`.
    ApplicationCredential {
        /// Credential id.
        id: Option<String>,
        /// Credential name (needs `user`).
        name: Option<String>,
        /// Secret.
        secret: Secret,
        /// Owner, for a credential given by name.
        user: UserRef,
    },
}

/// What the token is scoped to.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// A project by id, or by name + domain.
    Project {
        /// Id.
        id: Option<String>,
        /// Name.
        name: Option<String>,
        /// Domain id of the named project.
        domain_id: Option<String>,
        /// Domain name of the named project.
        domain_name: Option<String>,
    },
    /// A domain.
    Domain {
        /// Id.
        id: Option<String>,
        /// Name.
        name: Option<String>,
    },
    /// The system (`all`).
    System(String),
    /// A trust.
    Trust(String),
    /// No scope.
    Unscoped,
}

impl Scope {
    /// keystoneauth's scope precedence: project, domain, trust, system.
    pub fn from_opts(o: &Opts) -> Scope {
        let (pid, pname) = (o.get("project_id"), o.get("project_name"));
        if pid.is_some() || pname.is_some() {
            return Scope::Project {
                id: pid,
                name: pname,
                domain_id: o.first(&["project_domain_id", "default_domain_id"]),
                domain_name: o.first(&["project_domain_name", "default_domain_name"]),
            };
        }
        let (did, dname) = (o.get("domain_id"), o.get("domain_name"));
        if did.is_some() || dname.is_some() {
            return Scope::Domain {
                id: did,
                name: dname,
            };
        }
        if let Some(t) = o.get("trust_id") {
            return Scope::Trust(t);
        }
        if let Some(s) = o.get("system_scope") {
            return Scope::System(s);
        }
        Scope::Unscoped
    }

    fn to_json(&self) -> Option<Value> {
        match self {
            Scope::Project {
                id,
                name,
                domain_id,
                domain_name,
            } => {
                let mut p = Map::new();
                if let Some(id) = id {
                    p.insert("id".into(), json!(id));
                } else {
                    p.insert("name".into(), json!(name));
                    if let Some(d) = domain(domain_id.as_deref(), domain_name.as_deref()) {
                        p.insert("domain".into(), d);
                    }
                }
                Some(json!({"project": p}))
            }
            Scope::Domain { id, name } => {
                domain(id.as_deref(), name.as_deref()).map(|d| json!({"domain": d}))
            }
            Scope::System(s) => Some(if s == "all" {
                json!({"system": {"all": true}})
            } else {
                json!({"system": {s.clone(): true}})
            }),
            Scope::Trust(t) => Some(json!({"OS-TRUST:trust": {"id": t}})),
            Scope::Unscoped => None,
        }
    }
}

/// A v3 authentication: identity methods plus scope.
#[derive(Debug, Clone)]
pub struct V3Auth {
    /// keystoneauth's plugin name.
    pub name: &'static str,
    /// The auth URL as configured.
    pub auth_url: String,
    /// Identity methods.
    pub methods: Vec<Method>,
    /// Scope.
    pub scope: Scope,
    /// The step label of the request (see [`crate::http::Timing::step`]).
    pub step: &'static str,
}

fn missing(what: &str) -> ClientError {
    ClientError::Auth(what.to_string())
}

/// One identity method from the options of the plugin `method` names (`v3password`…);
/// `plugin` is the plugin the user chose, for messages.
fn method_from_opts(method: &str, plugin: &str, o: &Opts) -> Result<Method> {
    Ok(match method {
        "v3password" | "password" => {
            let user = UserRef::from_opts(o);
            if !user.is_set() {
                return Err(missing("You need to provide either a username or user_id"));
            }
            Method::Password {
                user,
                password: o
                    .secret("password")
                    .ok_or_else(|| missing(super::NO_PASSWORD))?,
            }
        }
        "v3token" | "token" => Method::Token(o.secret("token").ok_or_else(|| {
            missing(&format!(
                "Missing value token required for auth plugin {plugin}"
            ))
        })?),
        "v3totp" => {
            let user = UserRef::from_opts(o);
            if !user.is_set() {
                return Err(missing("You need to provide either a username or user_id"));
            }
            Method::Totp {
                user,
                passcode: o.secret("passcode").ok_or_else(|| {
                    missing(&format!(
                        "Missing value passcode required for auth plugin {plugin} (the current code of the user's TOTP authenticator: --os-passcode or OS_PASSCODE)"
                    ))
                })?,
            }
        }
        "v3applicationcredential" => {
            let secret = o.secret("application_credential_secret").ok_or_else(|| {
                missing(&format!(
                    "Missing value application_credential_secret required for auth plugin {plugin}"
                ))
            })?;
            let id = o.get("application_credential_id");
            let cname = o.get("application_credential_name");
            let user = UserRef::from_opts(o);
            if id.is_none() && (cname.is_none() || !user.is_set()) {
                return Err(missing(&format!(
                    "Missing value application_credential_id, or application_credential_name and a user (user_id, or username and user domain), for auth plugin {plugin}"
                )));
            }
            Method::ApplicationCredential {
                id,
                name: cname,
                secret,
                user,
            }
        }
        other if plugin == "v3multifactor" => {
            return Err(missing(&format!(
                "v3multifactor cannot use the method {other}: use v3password, v3totp, v3token or v3applicationcredential"
            )));
        }
        other => return Err(missing(&format!("{other} is not a v3 plugin"))),
    })
}

impl V3Auth {
    /// From plugin options (`v3password`, `v3token`, `v3applicationcredential`, `v3totp`,
    /// `v3multifactor`, or the v3 half of `password`/`token`).
    pub fn from_opts(name: &'static str, o: &Opts) -> Result<V3Auth> {
        let auth_url = o.get("auth_url").ok_or_else(|| {
            missing(&format!(
                "Missing value auth-url required for auth plugin {name}"
            ))
        })?;
        let methods = match name {
            "v3multifactor" => {
                let names = o.get("auth_methods").unwrap_or_default();
                let names: Vec<&str> = names.split(',').filter(|n| !n.is_empty()).collect();
                if names.is_empty() {
                    return Err(missing("methods is a required option."));
                }
                names
                    .into_iter()
                    .map(|m| method_from_opts(m, name, o))
                    .collect::<Result<Vec<_>>>()?
            }
            _ => vec![method_from_opts(name, name, o)?],
        };
        let scope = if name == "v3applicationcredential" {
            // The credential carries its own scope.
            Scope::Unscoped
        } else {
            Scope::from_opts(o)
        };
        Ok(V3Auth {
            name,
            auth_url,
            methods,
            scope,
            step: super::STEP_KEYSTONE,
        })
    }

    /// The `POST /v3/auth/tokens` body.
    pub fn body(&self) -> Value {
        let mut identity = Map::new();
        let mut names = Vec::new();
        for m in &self.methods {
            match m {
                Method::Password { user, password } => {
                    names.push("password");
                    let mut u = user.to_json();
                    u["password"] = json!(password.expose());
                    identity.insert("password".into(), json!({"user": u}));
                }
                Method::Token(t) => {
                    names.push("token");
                    identity.insert("token".into(), json!({"id": t.expose()}));
                }
                Method::Totp { user, passcode } => {
                    names.push("totp");
                    let mut u = user.to_json();
                    u["passcode"] = json!(passcode.expose());
                    identity.insert("totp".into(), json!({"user": u}));
                }
                Method::ApplicationCredential {
                    id,
                    name,
                    secret,
                    user,
                } => {
                    names.push("application_credential");
                    let mut ac = Map::new();
                    if let Some(id) = id {
                        ac.insert("id".into(), json!(id));
                    } else {
                        ac.insert("name".into(), json!(name));
                        ac.insert("user".into(), user.to_json());
                    }
                    ac.insert("secret".into(), json!(secret.expose()));
                    identity.insert("application_credential".into(), Value::Object(ac));
                }
            }
        }
        identity.insert("methods".into(), json!(names));
        let mut auth = Map::new();
        auth.insert("identity".into(), Value::Object(identity));
        if let Some(s) = self.scope.to_json() {
            auth.insert("scope".into(), s);
        }
        json!({"auth": auth})
    }

    /// Authenticates against `<versioned identity URL>/auth/tokens`.
    pub async fn authenticate_at(
        &self,
        http: &Http,
        identity_url: &str,
        req: AuthRequest,
    ) -> Result<AccessInfo> {
        let base = identity_url.trim_end_matches('/');
        let mut url = format!("{base}/auth/tokens");
        if !req.catalog {
            url.push_str("?nocatalog");
        }
        let resp = post_auth(http, &url, &self.body(), self.step).await?;
        access_from_answer(&resp, base)
    }
}

/// The access a keystone v3 token answer describes: the token from `X-Subject-Token`, the rest
/// from the body (password/token auth, and keystone's federated auth URL alike).
pub(crate) fn access_from_answer(
    resp: &crate::http::HttpResponse,
    identity_url: &str,
) -> Result<AccessInfo> {
    let invalid = |reason: &str| ClientError::InvalidResponse {
        url: resp.url.clone(),
        reason: reason.into(),
    };
    let token = resp
        .header("x-subject-token")
        .ok_or_else(|| invalid("no X-Subject-Token header in the answer"))?;
    AccessInfo::from_v3(token, &resp.json()?, identity_url)
        .ok_or_else(|| invalid("no token in the answer"))
}

impl AuthPlugin for V3Auth {
    fn name(&self) -> &'static str {
        self.name
    }

    fn authenticate<'a>(
        &'a self,
        http: &'a Http,
        req: AuthRequest,
    ) -> BoxFuture<'a, Result<AccessInfo>> {
        Box::pin(async move {
            let url = versioned_url(&self.auth_url, "v3");
            self.authenticate_at(http, &url, req).await
        })
    }
}

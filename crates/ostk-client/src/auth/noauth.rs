//! `none`/`noauth` (no token), `admin_token` (a fixed token) and `http_basic` (HTTP Basic
//! credentials on every request, for services deployed without keystone): every request goes
//! to the configured endpoint; nothing is asked of keystone and nothing is cached.

use super::{AuthPlugin, AuthRequest, BoxFuture, Opts};
use crate::{AccessInfo, Result, http::Http};
use ostk_config::Secret;

/// A plugin without keystone.
#[derive(Debug, Clone)]
pub struct NoAuth {
    name: &'static str,
    endpoint: Option<String>,
    token: Option<Secret>,
    basic: Option<(String, Secret)>,
}

impl NoAuth {
    /// From plugin options (`endpoint`, and `token` for `admin_token`).
    pub fn from_opts(name: &'static str, o: &Opts) -> NoAuth {
        NoAuth {
            name: match name {
                "admin_token" => "admin_token",
                "http_basic" => "http_basic",
                _ => "none",
            },
            endpoint: o.first(&["endpoint", "url"]),
            token: if name == "admin_token" {
                o.secret("token")
            } else {
                None
            },
            // keystoneauth sends no Authorization header unless both are given.
            basic: match (name, o.get("username"), o.secret("password")) {
                ("http_basic", Some(u), Some(p)) => Some((u, p)),
                _ => None,
            },
        }
    }
}

impl AuthPlugin for NoAuth {
    fn name(&self) -> &'static str {
        self.name
    }

    fn authenticate<'a>(
        &'a self,
        _http: &'a Http,
        _req: AuthRequest,
    ) -> BoxFuture<'a, Result<AccessInfo>> {
        let mut access = AccessInfo::fixed(
            self.token.as_ref().map(|t| t.expose().to_string()),
            self.endpoint.clone(),
        );
        if let Some((user, password)) = &self.basic {
            access.add_header("Authorization", super::basic_auth(user, password.expose()));
        }
        Box::pin(async move { Ok(access) })
    }

    fn can_reauthenticate(&self) -> bool {
        false
    }

    fn cacheable(&self) -> bool {
        false
    }
}

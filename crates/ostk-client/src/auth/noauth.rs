//! `none`/`noauth` (no token) and `admin_token` (a fixed token): every request goes to the
//! configured endpoint; nothing is asked of keystone and nothing is cached.

use super::{AuthPlugin, AuthRequest, BoxFuture, Opts};
use crate::{AccessInfo, Result, http::Http};
use ostk_config::Secret;

/// A plugin without keystone.
#[derive(Debug, Clone)]
pub struct NoAuth {
    name: &'static str,
    endpoint: Option<String>,
    token: Option<Secret>,
}

impl NoAuth {
    /// From plugin options (`endpoint`, and `token` for `admin_token`).
    pub fn from_opts(name: &'static str, o: &Opts) -> NoAuth {
        NoAuth {
            name: if name == "admin_token" {
                "admin_token"
            } else {
                "none"
            },
            endpoint: o.first(&["endpoint", "url"]),
            token: if name == "admin_token" {
                o.secret("token")
            } else {
                None
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
        let access = AccessInfo::fixed(
            self.token.as_ref().map(|t| t.expose().to_string()),
            self.endpoint.clone(),
        );
        Box::pin(async move { Ok(access) })
    }

    fn can_reauthenticate(&self) -> bool {
        false
    }

    fn cacheable(&self) -> bool {
        false
    }
}

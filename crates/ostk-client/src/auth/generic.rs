//! The generic `password` and `token` plugins: Identity v3 or v2.0, decided by the auth URL.
//! A URL ending in a version is used as is. For an unversioned URL keystoneauth first asks the
//! root for its versions; ostk goes straight to `<url>/v3` (where every keystone since Queens
//! serves v3) and falls back to version discovery only if that answers 404 — one round trip
//! less for the common case.

use super::{AuthPlugin, AuthRequest, BoxFuture, Opts, v2::V2Auth, v3::V3Auth, version_suffix};
use crate::{AccessInfo, ClientError, Result, discovery, http::Http};

/// `password` / `token`.
#[derive(Debug, Clone)]
pub struct GenericAuth {
    name: &'static str,
    auth_url: String,
    opts: Opts,
    v3: V3Auth,
}

impl GenericAuth {
    /// From plugin options.
    pub fn from_opts(name: &'static str, o: &Opts) -> Result<GenericAuth> {
        let v3 = V3Auth::from_opts(name, o)?;
        Ok(GenericAuth {
            name,
            auth_url: v3.auth_url.clone(),
            opts: o.clone(),
            v3,
        })
    }

    async fn v2(&self, http: &Http, url: &str) -> Result<AccessInfo> {
        V2Auth::from_opts(self.name, &self.opts)?
            .authenticate_at(http, url)
            .await
    }
}

impl AuthPlugin for GenericAuth {
    fn name(&self) -> &'static str {
        self.name
    }

    fn authenticate<'a>(
        &'a self,
        http: &'a Http,
        req: AuthRequest,
    ) -> BoxFuture<'a, Result<AccessInfo>> {
        Box::pin(async move {
            let base = self.auth_url.trim_end_matches('/');
            match version_suffix(base) {
                Some(v) if v.starts_with("v3") => {
                    return self.v3.authenticate_at(http, base, req).await;
                }
                Some(v) if v.starts_with("v2") => return self.v2(http, base).await,
                _ => {}
            }
            match self
                .v3
                .authenticate_at(http, &format!("{base}/v3"), req)
                .await
            {
                Err(ClientError::Api(e)) if e.status == 404 => {}
                other => return other,
            }
            let versions = discovery::discover(http, base).await.map_err(|e| {
                ClientError::Auth(format!(
                    "Could not find versioned identity endpoints when attempting to authenticate. Please check that your auth_url is correct. {e}"
                ))
            })?;
            if let Some(v3) = discovery::pick(&versions, "3").and_then(|v| v.href.clone()) {
                return self.v3.authenticate_at(http, &v3, req).await;
            }
            if let Some(v2) = discovery::pick(&versions, "2.0").and_then(|v| v.href.clone()) {
                return self.v2(http, &v2).await;
            }
            Err(ClientError::Auth(
                "Could not find versioned identity endpoints when attempting to authenticate. Please check that your auth_url is correct.".into(),
            ))
        })
    }
}

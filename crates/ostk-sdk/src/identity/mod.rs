//! Identity (keystone): tokens and the service catalog. Grows with the identity v3 command set.

use ostk_client::{ClientError, Method, Session, catalog::Catalog};
pub mod endpoint;
pub mod endpoint_group;
pub mod federation;
pub mod limit;
pub mod policy;
pub mod service;

pub mod application_credential;
pub mod credential;
pub mod domain;
pub mod ec2;
pub mod group;
pub mod project;
pub mod region;
pub mod role;
pub mod trust;
pub mod user;

/// The identity service of a session.
#[derive(Debug, Clone, Copy)]
pub struct Identity<'s> {
    session: &'s Session,
}

/// The token of a session, as `openstack token issue` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    /// The token.
    pub id: String,
    /// Expiry, formatted as python-openstackclient does (`2026-11-23T13:07:08+0000`).
    pub expires: Option<String>,
    /// Project id when project-scoped.
    pub project_id: Option<String>,
    /// User id.
    pub user_id: Option<String>,
    /// Domain id when domain-scoped.
    pub domain_id: Option<String>,
    /// `all` when system-scoped.
    pub system: Option<String>,
}

impl<'s> Identity<'s> {
    /// Identity calls on `session`.
    pub fn new(session: &'s Session) -> Self {
        Identity { session }
    }

    /// The session's token (authenticating, or reusing the cached token).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let t = ostk_sdk::identity::Identity::new(s).issue_token().await?;
    /// println!("{} expires {:?}", t.id, t.expires);
    /// # Ok(()) }
    /// ```
    pub async fn issue_token(&self) -> Result<TokenInfo, ClientError> {
        let a = self.session.access().await?;
        let id = a
            .token()
            .ok_or_else(|| {
                ClientError::Auth("Only an authorized user may issue a new token.".into())
            })?
            .to_string();
        Ok(TokenInfo {
            id,
            expires: a
                .expires()
                .map(|t| t.osc_format())
                .or_else(|| a.expires_at.clone()),
            project_id: a.project_id.clone(),
            user_id: a.user_id.clone(),
            domain_id: a.domain_id.clone(),
            system: a.system_scoped.then(|| "all".to_string()),
        })
    }

    /// Revokes a token (`DELETE /v3/auth/tokens` with `X-Subject-Token`) and drops it from the
    /// token cache.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// ostk_sdk::identity::Identity::new(s).revoke_token("gAAAA…").await?;
    /// # Ok(()) }
    /// ```
    pub async fn revoke_token(&self, token: &str) -> Result<(), ClientError> {
        let res = self
            .session
            .request("identity", Method::DELETE, "/auth/tokens")
            .api_version("3")
            .header("X-Subject-Token", token)
            .send()
            .await;
        // Revoked or not, a token someone asked to revoke must not be reused from the cache.
        self.session.forget_token(token).await;
        res.map(|_| ())
    }

    /// The service catalog of the session's token.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// for svc in ostk_sdk::identity::Identity::new(s).catalog().await?.service_list() {
    ///     println!("{} {}", svc.service_type, svc.endpoints.len());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn catalog(&self) -> Result<Catalog, ClientError> {
        self.session.current_catalog().await
    }
}

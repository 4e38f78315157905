//! Keystone trusts (`/v3/OS-TRUST/trusts`).

use super::Identity;
use super::role::decode;
use crate::client::ClientError;
use crate::rest::Collection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/OS-TRUST/trusts`.
pub const TRUSTS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "OS-TRUST/trusts",
    singular: "trust",
    plural: "trusts",
    microversion: None,
};

/// A trust.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trust {
    /// ID.
    pub id: String,
    /// Expiry.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// Whether tokens represent the trustor (openstacksdk `is_impersonation`).
    #[serde(default)]
    pub impersonation: Option<bool>,
    /// Delegated project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// The trust this one was redelegated from.
    #[serde(default)]
    pub redelegated_trust_id: Option<String>,
    /// Remaining redelegations.
    #[serde(default)]
    pub redelegation_count: Option<i64>,
    /// Remaining uses.
    #[serde(default)]
    pub remaining_uses: Option<i64>,
    /// Delegated roles.
    #[serde(default)]
    pub roles: Option<Vec<Value>>,
    /// Trustee.
    #[serde(default)]
    pub trustee_user_id: Option<String>,
    /// Trustor.
    #[serde(default)]
    pub trustor_user_id: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    /// Lists trusts, filtered by `trustor_user_id` / `trustee_user_id`.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let mine = ostk_sdk::identity::Identity::new(s)
    ///     .trusts(&[("trustor_user_id", "u1".into())])
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn trusts(&self, query: &[(&str, String)]) -> Result<Vec<Trust>, ClientError> {
        TRUSTS
            .list(self.session, query)
            .await?
            .into_iter()
            .map(decode)
            .collect()
    }

    /// Creates a trust.
    pub async fn create_trust(&self, attrs: Map<String, Value>) -> Result<Trust, ClientError> {
        decode(TRUSTS.create(self.session, attrs).await?)
    }

    /// Deletes a trust.
    pub async fn delete_trust(&self, id: &str) -> Result<(), ClientError> {
        TRUSTS.delete(self.session, id).await
    }
}

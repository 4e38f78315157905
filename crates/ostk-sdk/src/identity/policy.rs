//! Keystone policies (`/v3/policies`): opaque policy blobs with a MIME type.

use super::Identity;
use super::service::{decode, decode_all};
use crate::client::ClientError;
use crate::rest::Collection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/policies`.
pub const POLICIES: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "policies",
    singular: "policy",
    plural: "policies",
    microversion: None,
};

/// A policy (openstacksdk `identity.v3.policy.Policy`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// ID.
    pub id: String,
    /// The serialized rules.
    #[serde(default)]
    pub blob: Option<String>,
    /// MIME type of the blob.
    #[serde(default, rename = "type")]
    pub policy_type: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    /// Every policy.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// for p in ostk_sdk::identity::Identity::new(s).policies().await? {
    ///     println!("{} {:?}", p.id, p.policy_type);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn policies(&self) -> Result<Vec<Policy>, ClientError> {
        decode_all("policy", POLICIES.list(self.session, &[]).await?)
    }

    /// One policy by ID.
    pub async fn get_policy(&self, id: &str) -> Result<Policy, ClientError> {
        decode("policy", POLICIES.get(self.session, id).await?)
    }

    /// Creates a policy (`blob`, `type`).
    pub async fn create_policy(&self, attrs: Map<String, Value>) -> Result<Policy, ClientError> {
        decode("policy", POLICIES.create(self.session, attrs).await?)
    }

    /// Updates a policy (`PATCH`).
    pub async fn update_policy(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Policy, ClientError> {
        decode("policy", POLICIES.update(self.session, id, attrs).await?)
    }

    /// Deletes a policy.
    pub async fn delete_policy(&self, id: &str) -> Result<(), ClientError> {
        POLICIES.delete(self.session, id).await
    }
}

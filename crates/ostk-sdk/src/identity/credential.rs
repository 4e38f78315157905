//! Keystone credentials (`/v3/credentials`).

use super::Identity;
use super::role::decode;
use crate::client::ClientError;
use crate::rest::Collection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/credentials`.
pub const CREDENTIALS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "credentials",
    singular: "credential",
    plural: "credentials",
    microversion: None,
};

/// A credential (`cert`, `ec2`, `totp`…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credential {
    /// ID.
    pub id: String,
    /// The credential data.
    #[serde(default)]
    pub blob: Option<String>,
    /// Scoping project.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Type.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// Owner.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    /// Lists credentials, filtered by `user_id` / `type`.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let all = ostk_sdk::identity::Identity::new(s).credentials(&[("type", "ec2".into())]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn credentials(
        &self,
        query: &[(&str, String)],
    ) -> Result<Vec<Credential>, ClientError> {
        CREDENTIALS
            .list(self.session, query)
            .await?
            .into_iter()
            .map(decode)
            .collect()
    }

    /// One credential.
    pub async fn credential(&self, id: &str) -> Result<Credential, ClientError> {
        decode(CREDENTIALS.get(self.session, id).await?)
    }

    /// Creates a credential (`user_id`, `type`, `blob`, `project_id`).
    pub async fn create_credential(
        &self,
        attrs: Map<String, Value>,
    ) -> Result<Credential, ClientError> {
        decode(CREDENTIALS.create(self.session, attrs).await?)
    }

    /// Updates a credential (PATCH).
    pub async fn update_credential(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Credential, ClientError> {
        decode(CREDENTIALS.update(self.session, id, attrs).await?)
    }

    /// Deletes a credential.
    pub async fn delete_credential(&self, id: &str) -> Result<(), ClientError> {
        CREDENTIALS.delete(self.session, id).await
    }
}

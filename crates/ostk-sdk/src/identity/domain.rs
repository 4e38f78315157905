//! Keystone domains (`/v3/domains`), as openstacksdk's `identity.v3.domain.Domain`.

use super::Identity;
use crate::client::ClientError;
use crate::rest::{Collection, Lookup};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/domains`.
pub const DOMAINS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "domains",
    singular: "domain",
    plural: "domains",
    microversion: None,
};

/// A keystone domain.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether the domain is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Resource options (`immutable`…).
    #[serde(default)]
    pub options: Option<Value>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    /// Domains, filtered by query parameters (`name`, `enabled`).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// for d in id.domains(&[("enabled", "true".into())]).await? {
    ///     println!("{} {:?}", d.id, d.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn domains(&self, query: &[(&str, String)]) -> Result<Vec<Domain>, ClientError> {
        decode_list("domain", DOMAINS.list(self.session, query).await?)
    }

    /// One domain by ID.
    pub async fn get_domain(&self, id: &str) -> Result<Domain, ClientError> {
        decode_one("domain", DOMAINS.get(self.session, id).await?)
    }

    /// openstacksdk `find_domain`: by ID, else by name.
    pub async fn find_domain(&self, name_or_id: &str) -> Result<Lookup, ClientError> {
        DOMAINS.find(self.session, name_or_id, &[]).await
    }

    /// Creates a domain from its attributes (`name`, `description`, `enabled`, `options`).
    pub async fn create_domain(&self, attrs: Map<String, Value>) -> Result<Domain, ClientError> {
        decode_one("domain", DOMAINS.create(self.session, attrs).await?)
    }

    /// Updates a domain (`PATCH`).
    pub async fn update_domain(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Domain, ClientError> {
        decode_one("domain", DOMAINS.update(self.session, id, attrs).await?)
    }

    /// Deletes a domain (keystone refuses enabled ones).
    pub async fn delete_domain(&self, id: &str) -> Result<(), ClientError> {
        DOMAINS.delete(self.session, id).await
    }
}

/// Decodes one identity item, naming what it is on failure (shared by the identity models of
/// domains, projects, users, groups and regions).
pub(crate) fn decode_one<T: serde::de::DeserializeOwned>(
    what: &str,
    v: Value,
) -> Result<T, ClientError> {
    serde_json::from_value(v).map_err(|e| ClientError::InvalidResponse {
        url: what.to_string(),
        reason: e.to_string(),
    })
}

/// Decodes every item of a list.
pub(crate) fn decode_list<T: serde::de::DeserializeOwned>(
    what: &str,
    v: Vec<Value>,
) -> Result<Vec<T>, ClientError> {
    v.into_iter().map(|x| decode_one(what, x)).collect()
}

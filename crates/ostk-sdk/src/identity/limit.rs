//! Keystone unified limits: registered limits (`/v3/registered_limits`, defaults per service
//! resource) and project limits (`/v3/limits`). Keystone creates both in batches
//! (`{"limits": [...]}`); these calls create one at a time, as openstacksdk does.

use super::Identity;
use super::service::{decode, decode_all};
use crate::client::{ClientError, Method};
use crate::rest::Collection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/limits`.
pub const LIMITS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "limits",
    singular: "limit",
    plural: "limits",
    microversion: None,
};

/// `/v3/registered_limits`.
pub const REGISTERED_LIMITS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "registered_limits",
    singular: "registered_limit",
    plural: "registered_limits",
    microversion: None,
};

/// A project limit (openstacksdk `identity.v3.limit.Limit`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Limit {
    /// ID.
    pub id: String,
    /// Project the limit applies to.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Domain the limit applies to (domain limits).
    #[serde(default)]
    pub domain_id: Option<String>,
    /// Service owning the resource.
    #[serde(default)]
    pub service_id: Option<String>,
    /// Region.
    #[serde(default)]
    pub region_id: Option<String>,
    /// Resource name.
    #[serde(default)]
    pub resource_name: Option<String>,
    /// The limit.
    #[serde(default)]
    pub resource_limit: Option<i64>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A registered (default) limit (openstacksdk `identity.v3.registered_limit.RegisteredLimit`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegisteredLimit {
    /// ID.
    pub id: String,
    /// Service owning the resource.
    #[serde(default)]
    pub service_id: Option<String>,
    /// Region.
    #[serde(default)]
    pub region_id: Option<String>,
    /// Resource name.
    #[serde(default)]
    pub resource_name: Option<String>,
    /// The default limit.
    #[serde(default)]
    pub default_limit: Option<i64>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    async fn create_batch_of_one(
        &self,
        c: &Collection,
        attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        let body = Value::Object(Map::from_iter([(
            c.plural.to_string(),
            Value::Array(vec![Value::Object(attrs)]),
        )]));
        let resp = self
            .session
            .request("identity", Method::POST, c.path)
            .api_version("3")
            .json(body)
            .send()
            .await?;
        let url = resp.url.clone();
        let body: Value = resp.json()?;
        body.get(c.plural)
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .cloned()
            .ok_or_else(|| ClientError::InvalidResponse {
                url,
                reason: format!("no '{}' list in the answer", c.plural),
            })
    }

    /// Project limits, filtered by query parameters (`service_id`, `region_id`,
    /// `resource_name`, `project_id`).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// for l in id.limits(&[("resource_name", "cores".into())]).await? {
    ///     println!("{} {:?}", l.id, l.resource_limit);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn limits(&self, query: &[(&str, String)]) -> Result<Vec<Limit>, ClientError> {
        decode_all("limit", LIMITS.list(self.session, query).await?)
    }

    /// One limit by ID.
    pub async fn get_limit(&self, id: &str) -> Result<Limit, ClientError> {
        decode("limit", LIMITS.get(self.session, id).await?)
    }

    /// Creates one limit.
    pub async fn create_limit(&self, attrs: Map<String, Value>) -> Result<Limit, ClientError> {
        decode("limit", self.create_batch_of_one(&LIMITS, attrs).await?)
    }

    /// Updates a limit (`PATCH`).
    pub async fn update_limit(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Limit, ClientError> {
        decode("limit", LIMITS.update(self.session, id, attrs).await?)
    }

    /// Deletes a limit.
    pub async fn delete_limit(&self, id: &str) -> Result<(), ClientError> {
        LIMITS.delete(self.session, id).await
    }

    /// Registered limits, filtered by query parameters (`service_id`, `region_id`,
    /// `resource_name`).
    pub async fn registered_limits(
        &self,
        query: &[(&str, String)],
    ) -> Result<Vec<RegisteredLimit>, ClientError> {
        decode_all(
            "registered_limit",
            REGISTERED_LIMITS.list(self.session, query).await?,
        )
    }

    /// One registered limit by ID.
    pub async fn get_registered_limit(&self, id: &str) -> Result<RegisteredLimit, ClientError> {
        decode(
            "registered_limit",
            REGISTERED_LIMITS.get(self.session, id).await?,
        )
    }

    /// Creates one registered limit.
    pub async fn create_registered_limit(
        &self,
        attrs: Map<String, Value>,
    ) -> Result<RegisteredLimit, ClientError> {
        let v = self.create_batch_of_one(&REGISTERED_LIMITS, attrs).await?;
        decode("registered_limit", v)
    }

    /// Updates a registered limit (`PATCH`).
    pub async fn update_registered_limit(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<RegisteredLimit, ClientError> {
        let v = REGISTERED_LIMITS.update(self.session, id, attrs).await?;
        decode("registered_limit", v)
    }

    /// Deletes a registered limit.
    pub async fn delete_registered_limit(&self, id: &str) -> Result<(), ClientError> {
        REGISTERED_LIMITS.delete(self.session, id).await
    }
}

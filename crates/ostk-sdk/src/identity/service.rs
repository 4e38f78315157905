//! Keystone services (`/v3/services`) and the decoding helper the identity models share.

use super::Identity;
use crate::client::ClientError;
use crate::rest::{Collection, Lookup};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};

/// `/v3/services`.
pub const SERVICES: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "services",
    singular: "service",
    plural: "services",
    microversion: None,
};

/// A keystone service (openstacksdk `identity.v3.service.Service`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// ID.
    pub id: String,
    /// Name (optional in keystone).
    #[serde(default)]
    pub name: Option<String>,
    /// Service type (`compute`, `identity`…).
    #[serde(default, rename = "type")]
    pub service_type: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether the service is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Decodes one item of `what` from a JSON value, naming the bad field on failure.
pub(crate) fn decode<T: DeserializeOwned>(what: &str, v: Value) -> Result<T, ClientError> {
    serde_json::from_value(v).map_err(|e| ClientError::InvalidResponse {
        url: what.to_string(),
        reason: e.to_string(),
    })
}

/// Decodes every item of a list.
pub(crate) fn decode_all<T: DeserializeOwned>(
    what: &str,
    v: Vec<Value>,
) -> Result<Vec<T>, ClientError> {
    v.into_iter().map(|x| decode(what, x)).collect()
}

/// A typed [`Lookup`]: the item, nothing, or how many share the name.
#[derive(Debug, Clone, PartialEq)]
pub enum Found<T> {
    /// Exactly one match.
    One(T),
    /// Nothing by that ID or name.
    None,
    /// Several resources carry that name (how many).
    Many(usize),
}

pub(crate) fn decode_lookup<T: DeserializeOwned>(
    what: &str,
    l: Lookup,
) -> Result<Found<T>, ClientError> {
    Ok(match l {
        Lookup::Found(v) => Found::One(decode(what, v)?),
        Lookup::NotFound => Found::None,
        Lookup::Ambiguous(n) => Found::Many(n),
    })
}

impl Identity<'_> {
    /// Services, filtered by query parameters (`type`, `name`).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// for svc in id.services(&[("type", "compute".into())]).await? {
    ///     println!("{} {:?}", svc.id, svc.name);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn services(&self, query: &[(&str, String)]) -> Result<Vec<Service>, ClientError> {
        decode_all("service", SERVICES.list(self.session, query).await?)
    }

    /// One service by ID.
    pub async fn get_service(&self, id: &str) -> Result<Service, ClientError> {
        decode("service", SERVICES.get(self.session, id).await?)
    }

    /// openstacksdk `find_service`: by ID, else by name.
    pub async fn find_service(&self, name_or_id: &str) -> Result<Found<Service>, ClientError> {
        decode_lookup(
            "service",
            SERVICES.find(self.session, name_or_id, &[]).await?,
        )
    }

    /// Creates a service from its attributes (`type`, `name`, `description`, `enabled`).
    pub async fn create_service(&self, attrs: Map<String, Value>) -> Result<Service, ClientError> {
        decode("service", SERVICES.create(self.session, attrs).await?)
    }

    /// Updates a service (`PATCH`).
    pub async fn update_service(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Service, ClientError> {
        decode("service", SERVICES.update(self.session, id, attrs).await?)
    }

    /// Deletes a service.
    pub async fn delete_service(&self, id: &str) -> Result<(), ClientError> {
        SERVICES.delete(self.session, id).await
    }
}

//! Keystone endpoint groups (`/v3/OS-EP-FILTER/endpoint_groups`). Their project
//! associations live in [`super::endpoint`].

use super::Identity;
use super::service::{Found, decode, decode_all, decode_lookup};
use crate::client::ClientError;
use crate::rest::Collection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/OS-EP-FILTER/endpoint_groups`.
pub const ENDPOINT_GROUPS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "OS-EP-FILTER/endpoint_groups",
    singular: "endpoint_group",
    plural: "endpoint_groups",
    microversion: None,
};

/// An endpoint group (openstacksdk `identity.v3.endpoint_group.EndpointGroup`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EndpointGroup {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Endpoint filters (`interface`, `service_id`, `region_id`).
    #[serde(default)]
    pub filters: Option<Value>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    /// Every endpoint group.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// for g in ostk_sdk::identity::Identity::new(s).endpoint_groups().await? {
    ///     println!("{} {:?}", g.id, g.filters);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn endpoint_groups(&self) -> Result<Vec<EndpointGroup>, ClientError> {
        decode_all(
            "endpoint_group",
            ENDPOINT_GROUPS.list(self.session, &[]).await?,
        )
    }

    /// openstacksdk `find_endpoint_group`: by ID, else by name.
    pub async fn find_endpoint_group(
        &self,
        name_or_id: &str,
    ) -> Result<Found<EndpointGroup>, ClientError> {
        decode_lookup(
            "endpoint_group",
            ENDPOINT_GROUPS.find(self.session, name_or_id, &[]).await?,
        )
    }

    /// Creates an endpoint group (`name`, `filters`, `description`).
    pub async fn create_endpoint_group(
        &self,
        attrs: Map<String, Value>,
    ) -> Result<EndpointGroup, ClientError> {
        decode(
            "endpoint_group",
            ENDPOINT_GROUPS.create(self.session, attrs).await?,
        )
    }

    /// Updates an endpoint group (`PATCH`).
    pub async fn update_endpoint_group(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<EndpointGroup, ClientError> {
        decode(
            "endpoint_group",
            ENDPOINT_GROUPS.update(self.session, id, attrs).await?,
        )
    }

    /// Deletes an endpoint group.
    pub async fn delete_endpoint_group(&self, id: &str) -> Result<(), ClientError> {
        ENDPOINT_GROUPS.delete(self.session, id).await
    }
}

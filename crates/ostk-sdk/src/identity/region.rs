//! Keystone regions (`/v3/regions`), as openstacksdk's `identity.v3.region.Region`.

use super::Identity;
use super::domain::{decode_list, decode_one};
use crate::client::ClientError;
use crate::rest::{Collection, Lookup};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/regions`.
pub const REGIONS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "regions",
    singular: "region",
    plural: "regions",
    microversion: None,
};

/// A keystone region.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// ID.
    pub id: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Parent region.
    #[serde(default)]
    pub parent_region_id: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    /// Regions, filtered by query parameters (`parent_region_id`).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// for x in id.regions(&[]).await? {
    ///     println!("{}", x.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn regions(&self, query: &[(&str, String)]) -> Result<Vec<Region>, ClientError> {
        decode_list("region", REGIONS.list(self.session, query).await?)
    }

    /// One region by ID.
    pub async fn get_region(&self, id: &str) -> Result<Region, ClientError> {
        decode_one("region", REGIONS.get(self.session, id).await?)
    }

    /// openstacksdk `find_region`: by ID, else by name (regions have no name: the ID).
    pub async fn find_region(
        &self,
        name_or_id: &str,
        filters: &[(&str, String)],
    ) -> Result<Lookup, ClientError> {
        REGIONS.find(self.session, name_or_id, filters).await
    }

    /// Creates a region from its attributes.
    pub async fn create_region(&self, attrs: Map<String, Value>) -> Result<Region, ClientError> {
        decode_one("region", REGIONS.create(self.session, attrs).await?)
    }

    /// Updates a region (`PATCH`).
    pub async fn update_region(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Region, ClientError> {
        decode_one("region", REGIONS.update(self.session, id, attrs).await?)
    }

    /// Deletes a region.
    pub async fn delete_region(&self, id: &str) -> Result<(), ClientError> {
        REGIONS.delete(self.session, id).await
    }
}

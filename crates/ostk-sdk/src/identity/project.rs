//! Keystone projects (`/v3/projects`), as openstacksdk's `identity.v3.project.Project`.

use super::Identity;
use super::domain::{decode_list, decode_one};
use crate::client::ClientError;
use crate::rest::{Collection, Lookup};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/projects`.
pub const PROJECTS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "projects",
    singular: "project",
    plural: "projects",
    microversion: None,
};

/// A keystone project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Owning domain.
    #[serde(default)]
    pub domain_id: Option<String>,
    /// Whether the project is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Whether the project acts as a domain.
    #[serde(default)]
    pub is_domain: Option<bool>,
    /// Parent project (or domain) ID.
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Resource options (`immutable`…).
    #[serde(default)]
    pub options: Option<Value>,
    /// Tags.
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    /// Projects, filtered by query parameters (`name`, `domain_id`, `parent_id`, `enabled`, `tags`…).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// for x in id.projects(&[]).await? {
    ///     println!("{}", x.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn projects(&self, query: &[(&str, String)]) -> Result<Vec<Project>, ClientError> {
        decode_list("project", PROJECTS.list(self.session, query).await?)
    }

    /// One project by ID.
    pub async fn get_project(&self, id: &str) -> Result<Project, ClientError> {
        decode_one("project", PROJECTS.get(self.session, id).await?)
    }

    /// openstacksdk `find_project`: by ID, else by name (`domain_id` narrows the name lookup).
    pub async fn find_project(
        &self,
        name_or_id: &str,
        filters: &[(&str, String)],
    ) -> Result<Lookup, ClientError> {
        PROJECTS.find(self.session, name_or_id, filters).await
    }

    /// Creates a project from its attributes.
    pub async fn create_project(&self, attrs: Map<String, Value>) -> Result<Project, ClientError> {
        decode_one("project", PROJECTS.create(self.session, attrs).await?)
    }

    /// Updates a project (`PATCH`).
    pub async fn update_project(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Project, ClientError> {
        decode_one("project", PROJECTS.update(self.session, id, attrs).await?)
    }

    /// Deletes a project.
    pub async fn delete_project(&self, id: &str) -> Result<(), ClientError> {
        PROJECTS.delete(self.session, id).await
    }
}

//! Application credentials and access rules of a user
//! (`/v3/users/{user_id}/application_credentials`, `/v3/users/{user_id}/access_rules`).

use super::Identity;
use super::role::decode;
use crate::client::ClientError;
use crate::rest::{Collection, Lookup};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/users/{user_id}/application_credentials` (use the `*_in` calls with `users/{id}`).
pub const APPLICATION_CREDENTIALS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "application_credentials",
    singular: "application_credential",
    plural: "application_credentials",
    microversion: None,
};

/// `/v3/users/{user_id}/access_rules` (use the `*_in` calls with `users/{id}`).
pub const ACCESS_RULES: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "access_rules",
    singular: "access_rule",
    plural: "access_rules",
    microversion: None,
};

/// An application credential.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplicationCredential {
    /// ID.
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Project the credential is scoped to.
    #[serde(default)]
    pub project_id: Option<String>,
    /// Roles (`id`, `name`, `domain_id`).
    #[serde(default)]
    pub roles: Option<Vec<Value>>,
    /// May create other application credentials and trusts.
    #[serde(default)]
    pub unrestricted: Option<bool>,
    /// Access rules.
    #[serde(default)]
    pub access_rules: Option<Vec<Value>>,
    /// Expiry.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// The secret (only in the answer to a create).
    #[serde(default)]
    pub secret: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An access rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessRule {
    /// ID.
    pub id: String,
    /// Service type.
    #[serde(default)]
    pub service: Option<String>,
    /// HTTP method.
    #[serde(default)]
    pub method: Option<String>,
    /// Path template.
    #[serde(default)]
    pub path: Option<String>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `users/{id}`, the ID path-encoded: the parent of a user's own collections.
pub(crate) fn user_path(user_id: &str) -> String {
    let e: String = url::form_urlencoded::byte_serialize(user_id.as_bytes()).collect();
    format!("users/{}", e.replace('+', "%20"))
}

impl Identity<'_> {
    /// The application credentials of a user.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let acs = ostk_sdk::identity::Identity::new(s).application_credentials("u1").await?;
    /// # Ok(()) }
    /// ```
    pub async fn application_credentials(
        &self,
        user_id: &str,
    ) -> Result<Vec<ApplicationCredential>, ClientError> {
        APPLICATION_CREDENTIALS
            .list_in(self.session, &user_path(user_id), &[])
            .await?
            .into_iter()
            .map(decode)
            .collect()
    }

    /// openstacksdk `find_application_credential(user, name_or_id)`: by ID, else by name.
    pub async fn find_application_credential(
        &self,
        user_id: &str,
        name_or_id: &str,
    ) -> Result<Lookup, ClientError> {
        let parent = user_path(user_id);
        match APPLICATION_CREDENTIALS
            .get_in(self.session, &parent, name_or_id)
            .await
        {
            Ok(v) => return Ok(Lookup::Found(v)),
            Err(e) if matches!(e.status(), Some(400 | 403 | 404)) => {}
            Err(e) => return Err(e),
        }
        let mut hits: Vec<Value> = APPLICATION_CREDENTIALS
            .list_in(self.session, &parent, &[("name", name_or_id.to_string())])
            .await?
            .into_iter()
            .filter(|v| v.get("name").and_then(Value::as_str) == Some(name_or_id))
            .collect();
        Ok(match hits.len() {
            0 => Lookup::NotFound,
            1 => Lookup::Found(hits.remove(0)),
            n => Lookup::Ambiguous(n),
        })
    }

    /// Creates an application credential for a user.
    pub async fn create_application_credential(
        &self,
        user_id: &str,
        attrs: Map<String, Value>,
    ) -> Result<ApplicationCredential, ClientError> {
        decode(
            APPLICATION_CREDENTIALS
                .create_in(self.session, &user_path(user_id), attrs)
                .await?,
        )
    }

    /// Deletes an application credential of a user.
    pub async fn delete_application_credential(
        &self,
        user_id: &str,
        id: &str,
    ) -> Result<(), ClientError> {
        APPLICATION_CREDENTIALS
            .delete_in(self.session, &user_path(user_id), id)
            .await
    }

    /// The access rules of a user.
    pub async fn access_rules(&self, user_id: &str) -> Result<Vec<AccessRule>, ClientError> {
        ACCESS_RULES
            .list_in(self.session, &user_path(user_id), &[])
            .await?
            .into_iter()
            .map(decode)
            .collect()
    }

    /// One access rule of a user.
    pub async fn access_rule(&self, user_id: &str, id: &str) -> Result<AccessRule, ClientError> {
        decode(
            ACCESS_RULES
                .get_in(self.session, &user_path(user_id), id)
                .await?,
        )
    }

    /// Deletes an access rule of a user.
    pub async fn delete_access_rule(&self, user_id: &str, id: &str) -> Result<(), ClientError> {
        ACCESS_RULES
            .delete_in(self.session, &user_path(user_id), id)
            .await
    }

    /// Role assignments (`GET /v3/role_assignments`) with keystone's query parameters
    /// (`user.id`, `scope.project.id`, `effective`, `include_names`…).
    pub async fn role_assignments(
        &self,
        query: &[(&str, String)],
    ) -> Result<Vec<Value>, ClientError> {
        ROLE_ASSIGNMENTS.list(self.session, query).await
    }
}

/// `/v3/role_assignments`.
pub const ROLE_ASSIGNMENTS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "role_assignments",
    singular: "role_assignment",
    plural: "role_assignments",
    microversion: None,
};

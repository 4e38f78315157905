//! Keystone users (`/v3/users`), as openstacksdk's `identity.v3.user.User`.

use super::Identity;
use super::domain::{decode_list, decode_one};
use crate::client::ClientError;
use crate::rest::{Collection, Lookup};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/users`.
pub const USERS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "users",
    singular: "user",
    plural: "users",
    microversion: None,
};

/// A keystone user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct User {
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
    /// Default project.
    #[serde(default)]
    pub default_project_id: Option<String>,
    /// E-mail address (an extra attribute in keystone).
    #[serde(default)]
    pub email: Option<String>,
    /// Whether the user is enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// When the password expires.
    #[serde(default)]
    pub password_expires_at: Option<String>,
    /// Resource options (`ignore_password_expiry`…).
    #[serde(default)]
    pub options: Option<Value>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    /// Users, filtered by query parameters (`name`, `domain_id`, `enabled`…).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// for x in id.users(&[]).await? {
    ///     println!("{}", x.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn users(&self, query: &[(&str, String)]) -> Result<Vec<User>, ClientError> {
        decode_list("user", USERS.list(self.session, query).await?)
    }

    /// One user by ID.
    pub async fn get_user(&self, id: &str) -> Result<User, ClientError> {
        decode_one("user", USERS.get(self.session, id).await?)
    }

    /// openstacksdk `find_user`: by ID, else by name (`domain_id` narrows the name lookup).
    pub async fn find_user(
        &self,
        name_or_id: &str,
        filters: &[(&str, String)],
    ) -> Result<Lookup, ClientError> {
        USERS.find(self.session, name_or_id, filters).await
    }

    /// Creates a user from its attributes.
    pub async fn create_user(&self, attrs: Map<String, Value>) -> Result<User, ClientError> {
        decode_one("user", USERS.create(self.session, attrs).await?)
    }

    /// Updates a user (`PATCH`).
    pub async fn update_user(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<User, ClientError> {
        decode_one("user", USERS.update(self.session, id, attrs).await?)
    }

    /// Deletes a user.
    pub async fn delete_user(&self, id: &str) -> Result<(), ClientError> {
        USERS.delete(self.session, id).await
    }
}

impl Identity<'_> {
    /// Changes the password of a user, knowing the current one
    /// (`POST /v3/users/{user}/password`, what `openstack user password set` does).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// ostk_sdk::identity::Identity::new(s).change_password("user-id", "old", "new").await?;
    /// # Ok(()) }
    /// ```
    pub async fn change_password(
        &self,
        user_id: &str,
        original_password: &str,
        password: &str,
    ) -> Result<(), ClientError> {
        let path = format!("users/{}/password", super::group::seg(user_id));
        let body = serde_json::json!({
            "user": {"password": password, "original_password": original_password}
        });
        self.session
            .request("identity", crate::client::Method::POST, &path)
            .api_version("3")
            .json(body)
            .send()
            .await
            .map(|_| ())
    }

    /// The projects a user has a role on (`GET /v3/users/{user}/projects`).
    pub async fn user_projects(
        &self,
        user_id: &str,
    ) -> Result<Vec<super::project::Project>, ClientError> {
        let path = format!("users/{}/projects", super::group::seg(user_id));
        let items =
            crate::client::pager::list_all(self.session, "identity", Some("3"), &path, "projects")
                .await?;
        decode_list("project", items)
    }
}

impl Identity<'_> {
    /// The users of a group with query parameters (`GET /v3/groups/{group}/users`; openstacksdk
    /// `group_users(group, domain_id=…, limit=…, marker=…)`), following `next` links.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// let users = id.group_users_with("group-id", &[("limit", "10".into())]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn group_users_with(
        &self,
        group_id: &str,
        query: &[(&str, String)],
    ) -> Result<Vec<User>, ClientError> {
        let parent = format!("groups/{}", super::group::seg(group_id));
        decode_list("user", USERS.list_in(self.session, &parent, query).await?)
    }
}

//! Keystone groups (`/v3/groups`), as openstacksdk's `identity.v3.group.Group`.

use super::Identity;
use super::domain::{decode_list, decode_one};
use crate::client::ClientError;
use crate::rest::{Collection, Lookup};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/groups`.
pub const GROUPS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "groups",
    singular: "group",
    plural: "groups",
    microversion: None,
};

/// A keystone group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Group {
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
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Identity<'_> {
    /// Groups, filtered by query parameters (`name`, `domain_id`).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// for x in id.groups(&[]).await? {
    ///     println!("{}", x.id);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn groups(&self, query: &[(&str, String)]) -> Result<Vec<Group>, ClientError> {
        decode_list("group", GROUPS.list(self.session, query).await?)
    }

    /// One group by ID.
    pub async fn get_group(&self, id: &str) -> Result<Group, ClientError> {
        decode_one("group", GROUPS.get(self.session, id).await?)
    }

    /// openstacksdk `find_group`: by ID, else by name (`domain_id` narrows the name lookup).
    pub async fn find_group(
        &self,
        name_or_id: &str,
        filters: &[(&str, String)],
    ) -> Result<Lookup, ClientError> {
        GROUPS.find(self.session, name_or_id, filters).await
    }

    /// Creates a group from its attributes.
    pub async fn create_group(&self, attrs: Map<String, Value>) -> Result<Group, ClientError> {
        decode_one("group", GROUPS.create(self.session, attrs).await?)
    }

    /// Updates a group (`PATCH`).
    pub async fn update_group(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Group, ClientError> {
        decode_one("group", GROUPS.update(self.session, id, attrs).await?)
    }

    /// Deletes a group.
    pub async fn delete_group(&self, id: &str) -> Result<(), ClientError> {
        GROUPS.delete(self.session, id).await
    }
}

pub(crate) fn seg(s: &str) -> String {
    let enc: String = url::form_urlencoded::byte_serialize(s.as_bytes()).collect();
    enc.replace('+', "%20")
}

impl Identity<'_> {
    /// Adds a user to a group (`PUT /v3/groups/{group}/users/{user}`).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let id = ostk_sdk::identity::Identity::new(s);
    /// id.add_user_to_group("group-id", "user-id").await?;
    /// assert!(id.check_user_in_group("group-id", "user-id").await?);
    /// # Ok(()) }
    /// ```
    pub async fn add_user_to_group(
        &self,
        group_id: &str,
        user_id: &str,
    ) -> Result<(), ClientError> {
        self.membership(crate::client::Method::PUT, group_id, user_id)
            .await
            .map(|_| ())
    }

    /// Removes a user from a group (`DELETE /v3/groups/{group}/users/{user}`).
    pub async fn remove_user_from_group(
        &self,
        group_id: &str,
        user_id: &str,
    ) -> Result<(), ClientError> {
        self.membership(crate::client::Method::DELETE, group_id, user_id)
            .await
            .map(|_| ())
    }

    /// Whether a user is in a group (`HEAD /v3/groups/{group}/users/{user}`; a 404 is `false`).
    pub async fn check_user_in_group(
        &self,
        group_id: &str,
        user_id: &str,
    ) -> Result<bool, ClientError> {
        match self
            .membership(crate::client::Method::HEAD, group_id, user_id)
            .await
        {
            Ok(()) => Ok(true),
            Err(e) if e.status() == Some(404) => Ok(false),
            Err(e) => Err(e),
        }
    }

    async fn membership(
        &self,
        method: crate::client::Method,
        group_id: &str,
        user_id: &str,
    ) -> Result<(), ClientError> {
        let path = format!("groups/{}/users/{}", seg(group_id), seg(user_id));
        self.session
            .request("identity", method, &path)
            .api_version("3")
            .send()
            .await
            .map(|_| ())
    }

    /// The users of a group (`GET /v3/groups/{group}/users`).
    pub async fn group_users(&self, group_id: &str) -> Result<Vec<super::user::User>, ClientError> {
        let path = format!("groups/{}/users", seg(group_id));
        let items =
            crate::client::pager::list_all(self.session, "identity", Some("3"), &path, "users")
                .await?;
        decode_list("user", items)
    }

    /// The groups a user belongs to (`GET /v3/users/{user}/groups`).
    pub async fn user_groups(&self, user_id: &str) -> Result<Vec<Group>, ClientError> {
        let path = format!("users/{}/groups", seg(user_id));
        let items =
            crate::client::pager::list_all(self.session, "identity", Some("3"), &path, "groups")
                .await?;
        decode_list("group", items)
    }
}

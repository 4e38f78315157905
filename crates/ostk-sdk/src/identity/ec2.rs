//! EC2-style credentials of a user (`/v3/users/{user_id}/credentials/OS-EC2`): an access and
//! secret key pair bound to a project, which S3-compatible APIs (swift's `s3api`) accept.
//! Keystone answers with plain JSON objects whose keys python-openstackclient shows as they
//! come, so the calls return them untyped.

use super::Identity;
use super::application_credential::user_path;
use crate::client::{ClientError, Method};
use crate::rest::Collection;
use serde_json::{Map, Value, json};

/// `/v3/users/{user_id}/credentials/OS-EC2` (use the `*_in` calls with `users/{id}`).
pub const EC2_CREDENTIALS: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "credentials/OS-EC2",
    singular: "credential",
    plural: "credentials",
    microversion: None,
};

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

impl Identity<'_> {
    /// The EC2 credentials of a user (`access`, `secret`, `tenant_id`, `user_id`, …).
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// for c in ostk_sdk::identity::Identity::new(s).ec2_credentials("u1").await? {
    ///     println!("{:?}", c.get("access"));
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn ec2_credentials(
        &self,
        user_id: &str,
    ) -> Result<Vec<Map<String, Value>>, ClientError> {
        Ok(EC2_CREDENTIALS
            .list_in(self.session, &user_path(user_id), &[])
            .await?
            .into_iter()
            .map(object)
            .collect())
    }

    /// One EC2 credential of a user, by access key.
    pub async fn ec2_credential(
        &self,
        user_id: &str,
        access: &str,
    ) -> Result<Map<String, Value>, ClientError> {
        Ok(object(
            EC2_CREDENTIALS
                .get_in(self.session, &user_path(user_id), access)
                .await?,
        ))
    }

    /// Creates an EC2 credential of a user in a project. The request body is the bare
    /// `{"tenant_id": …}` keystone's OS-EC2 API expects (no `credential` wrapper); the
    /// answer holds the generated access and secret keys.
    pub async fn create_ec2_credential(
        &self,
        user_id: &str,
        project_id: &str,
    ) -> Result<Map<String, Value>, ClientError> {
        let path = format!("{}/{}", user_path(user_id), EC2_CREDENTIALS.path);
        let resp = self
            .session
            .request("identity", Method::POST, &path)
            .api_version("3")
            .json(json!({ "tenant_id": project_id }))
            .send()
            .await?;
        let url = resp.url.clone();
        match resp.json()? {
            Value::Object(mut m) => match m.remove(EC2_CREDENTIALS.singular) {
                Some(Value::Object(c)) => Ok(c),
                _ => Err(ClientError::InvalidResponse {
                    url,
                    reason: "no 'credential' object in the answer".into(),
                }),
            },
            _ => Err(ClientError::InvalidResponse {
                url,
                reason: "the answer is not a JSON object".into(),
            }),
        }
    }

    /// Deletes an EC2 credential of a user, by access key.
    pub async fn delete_ec2_credential(
        &self,
        user_id: &str,
        access: &str,
    ) -> Result<(), ClientError> {
        EC2_CREDENTIALS
            .delete_in(self.session, &user_path(user_id), access)
            .await
    }
}

//! Server actions (`POST /servers/{id}/action`) with the server ID encoded as openstacksdk
//! does (`-` kept: it shows in error messages), and the actions that make an image
//! (`createImage`, `createBackup`): from microversion 2.45 nova answers the image ID in the
//! body, before that in the `Location` header.

use super::api::{seg, supports_microversion};
use super::{Compute, MICROVERSION};
use crate::client::{ClientError, HttpResponse, Method};
use serde_json::{Map, Value, json};

/// The image ID in an answer: `{"image_id": …}`, else the last segment of `Location`.
fn image_id_of(resp: &HttpResponse) -> Result<String, ClientError> {
    if let Ok(v) = resp.json()
        && let Some(id) = v.get("image_id").and_then(Value::as_str)
    {
        return Ok(id.to_string());
    }
    resp.headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("location"))
        .and_then(|(_, v)| v.rsplit('/').next())
        .map(str::to_string)
        .ok_or_else(|| ClientError::InvalidResponse {
            url: resp.url.clone(),
            reason: "no image ID in the answer".into(),
        })
}

impl Compute<'_> {
    /// Runs a server action at `microversion` (else negotiated up to [`MICROVERSION`]);
    /// returns the JSON answer when there is one.
    pub async fn act(
        &self,
        id: &str,
        body: Value,
        microversion: Option<&str>,
    ) -> Result<Option<Value>, ClientError> {
        let path = format!("servers/{}/action", seg(id));
        let r = self.session.request("compute", Method::POST, &path);
        let r = match microversion {
            Some(mv) => r.microversion(mv),
            None => r.default_microversion(MICROVERSION),
        };
        let resp = r.json(body).send().await?;
        if resp.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        Ok(resp.json().ok())
    }

    async fn image_action(&self, id: &str, body: Value) -> Result<String, ClientError> {
        let path = format!("servers/{}/action", seg(id));
        let mut r = self.session.request("compute", Method::POST, &path);
        r = if supports_microversion(self.session, "2.45").await? {
            r.microversion("2.45")
        } else {
            r.default_microversion(MICROVERSION)
        };
        let resp = r.json(body).send().await?;
        image_id_of(&resp)
    }

    /// Snapshots a server into a new image (`createImage`); returns the image ID.
    pub async fn create_server_image(
        &self,
        id: &str,
        name: &str,
        metadata: Option<Map<String, Value>>,
    ) -> Result<String, ClientError> {
        let mut action = Map::new();
        action.insert("name".into(), json!(name));
        if let Some(m) = metadata {
            action.insert("metadata".into(), Value::Object(m));
        }
        self.image_action(id, json!({ "createImage": action }))
            .await
    }

    /// Backs a server up into an image (`createBackup`), keeping `rotation` backups of
    /// `backup_type`; returns the image ID.
    pub async fn backup_server(
        &self,
        id: &str,
        name: &str,
        backup_type: &str,
        rotation: i64,
    ) -> Result<String, ClientError> {
        let body = json!({"createBackup": {
            "name": name, "backup_type": backup_type, "rotation": rotation,
        }});
        self.image_action(id, body).await
    }
}

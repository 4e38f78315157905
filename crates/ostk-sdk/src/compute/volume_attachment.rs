//! Volume attachments (`/servers/{id}/os-volume_attachments`), as openstacksdk's
//! `compute.v2.volume_attachment.VolumeAttachment` (microversion capped at 2.89).

use super::Compute;
use super::api::{call_json, capped, seg};
use super::interface::server_path;
use crate::client::{ClientError, Method};
use crate::rest::Collection;
use serde_json::{Map, Value, json};

/// `/servers/{id}/os-volume_attachments` (items are `volumeAttachment`s).
pub const VOLUME_ATTACHMENTS: Collection = capped(
    "os-volume_attachments",
    "volumeAttachment",
    "volumeAttachments",
    Some("2.89"),
);

impl Compute<'_> {
    /// The volumes attached to a server.
    pub async fn volume_attachments(&self, server_id: &str) -> Result<Vec<Value>, ClientError> {
        VOLUME_ATTACHMENTS
            .list_in(self.session, &server_path(server_id), &[])
            .await
    }

    /// Attaches a volume: `attrs` holds `volumeId`, `device` (may be null), optionally
    /// `tag` (2.49+) and `delete_on_termination` (2.79+).
    pub async fn create_volume_attachment(
        &self,
        server_id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        VOLUME_ATTACHMENTS
            .create_in(self.session, &server_path(server_id), attrs)
            .await
    }

    /// Updates the attachment of a volume (`PUT …/os-volume_attachments/{volume_id}`);
    /// `attrs` is sent with the volume's own `volumeId` (no swap).
    pub async fn update_volume_attachment(
        &self,
        server_id: &str,
        volume_id: &str,
        mut attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        attrs.insert("volumeId".into(), json!(volume_id));
        let path = format!(
            "{}/{}/{}",
            server_path(server_id),
            VOLUME_ATTACHMENTS.path,
            seg(volume_id)
        );
        call_json(
            self.session,
            Method::PUT,
            &path,
            Some(json!({ "volumeAttachment": attrs })),
            VOLUME_ATTACHMENTS.microversion,
        )
        .await
    }

    /// Detaches a volume.
    pub async fn delete_volume_attachment(
        &self,
        server_id: &str,
        volume_id: &str,
    ) -> Result<(), ClientError> {
        VOLUME_ATTACHMENTS
            .delete_in(self.session, &server_path(server_id), volume_id)
            .await
    }
}

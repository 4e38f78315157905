//! Share attachments (`/servers/{id}/shares`, nova 2.97+ with manila), as openstacksdk's
//! `compute.v2.server_share.ShareMapping` (capped at 2.97).

use super::Compute;
use super::api::capped;
use super::interface::server_path;
use crate::client::ClientError;
use crate::rest::Collection;
use serde_json::{Map, Value, json};

/// `/servers/{id}/shares` (items are `share`s).
pub const SHARES: Collection = capped("shares", "share", "shares", Some("2.97"));

impl Compute<'_> {
    /// The shares attached to a server.
    pub async fn share_attachments(&self, server_id: &str) -> Result<Vec<Value>, ClientError> {
        SHARES
            .list_in(self.session, &server_path(server_id), &[])
            .await
    }

    /// One share attachment, by the share's ID.
    pub async fn get_share_attachment(
        &self,
        server_id: &str,
        share_id: &str,
    ) -> Result<Value, ClientError> {
        SHARES
            .get_in(self.session, &server_path(server_id), share_id)
            .await
    }

    /// Attaches a share (with an optional mount tag).
    pub async fn create_share_attachment(
        &self,
        server_id: &str,
        share_id: &str,
        tag: Option<&str>,
    ) -> Result<Value, ClientError> {
        let mut attrs = Map::new();
        attrs.insert("share_id".into(), json!(share_id));
        if let Some(t) = tag {
            attrs.insert("tag".into(), json!(t));
        }
        SHARES
            .create_in(self.session, &server_path(server_id), attrs)
            .await
    }

    /// Detaches a share.
    pub async fn delete_share_attachment(
        &self,
        server_id: &str,
        share_id: &str,
    ) -> Result<(), ClientError> {
        SHARES
            .delete_in(self.session, &server_path(server_id), share_id)
            .await
    }
}

//! Server interfaces (`/servers/{id}/os-interface`), as openstacksdk's
//! `compute.v2.server_interface.ServerInterface` (microversion capped at 2.70, where `tag`
//! appeared in the answers).

use super::Compute;
use super::api::{capped, seg};
use crate::client::ClientError;
use crate::rest::Collection;
use serde_json::{Map, Value};

/// `/servers/{id}/os-interface` (items are `interfaceAttachment`s).
pub const INTERFACES: Collection = capped(
    "os-interface",
    "interfaceAttachment",
    "interfaceAttachments",
    Some("2.70"),
);

/// The path of a server, parent of its sub-collections.
pub(crate) fn server_path(server_id: &str) -> String {
    format!("servers/{}", seg(server_id))
}

impl Compute<'_> {
    /// The interfaces (ports) attached to a server.
    pub async fn server_interfaces(&self, server_id: &str) -> Result<Vec<Value>, ClientError> {
        INTERFACES
            .list_in(self.session, &server_path(server_id), &[])
            .await
    }

    /// Attaches an interface: `attrs` holds `net_id` or `port_id`, optionally `fixed_ips`
    /// and `tag` (2.49+). Returns nova's `interfaceAttachment`.
    pub async fn create_server_interface(
        &self,
        server_id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Value, ClientError> {
        INTERFACES
            .create_in(self.session, &server_path(server_id), attrs)
            .await
    }

    /// Detaches the interface of a port.
    pub async fn delete_server_interface(
        &self,
        server_id: &str,
        port_id: &str,
    ) -> Result<(), ClientError> {
        INTERFACES
            .delete_in(self.session, &server_path(server_id), port_id)
            .await
    }
}

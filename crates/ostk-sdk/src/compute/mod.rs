//! Compute (nova, `/v2.1`): servers, flavors, key pairs and the rest of what
//! `openstack server …` and friends use, as openstacksdk's `compute` proxy.
//!
//! Requests negotiate the highest microversion both sides support, up to [`MICROVERSION`]
//! (what openstacksdk 4.22 does), unless the user names one (`--os-compute-api-version`).

use crate::client::Session;
use crate::rest::Collection;

pub mod server;

/// Highest compute microversion this SDK speaks (openstacksdk 4.22's maximum).
pub const MICROVERSION: &str = "2.100";

const fn coll(path: &'static str, singular: &'static str, plural: &'static str) -> Collection {
    Collection {
        service_type: "compute",
        api_version: None,
        path,
        singular,
        plural,
        microversion: Some(MICROVERSION),
    }
}

/// `/servers` (list via `servers/detail`).
pub const SERVERS: Collection = coll("servers", "server", "servers");

/// The compute service of a session.
#[derive(Clone, Copy, Debug)]
pub struct Compute<'s> {
    pub(crate) session: &'s Session,
}

impl<'s> Compute<'s> {
    /// Compute calls on this session.
    pub fn new(session: &'s Session) -> Self {
        Compute { session }
    }
}
pub mod action;
pub mod aggregate;
pub mod api;
pub mod console;
pub mod flavor;
pub mod host;
pub mod hypervisor;
pub mod interface;
pub mod keypair;
pub mod migration;
pub mod server_group;
pub mod service;
pub mod share;
pub mod usage;
pub mod volume_attachment;

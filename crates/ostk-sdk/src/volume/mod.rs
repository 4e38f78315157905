//! Block storage (cinder, `/v3/{project_id}`): volumes, snapshots, types, backups and the
//! rest of what `openstack volume …` uses, as openstacksdk's `block_storage` proxy.
//!
//! Requests negotiate the highest microversion both sides support, up to [`MICROVERSION`].

use crate::rest::Collection;

/// Highest block-storage microversion this SDK speaks (openstacksdk 4.22's maximum).
pub const MICROVERSION: &str = "3.71";

const fn coll(path: &'static str, singular: &'static str, plural: &'static str) -> Collection {
    Collection {
        service_type: "block-storage",
        api_version: None,
        path,
        singular,
        plural,
        microversion: Some(MICROVERSION),
    }
}

/// `/volumes` (list via `volumes/detail`).
pub const VOLUMES: Collection = coll("volumes", "volume", "volumes");
/// `/snapshots`.
pub const SNAPSHOTS: Collection = coll("snapshots", "snapshot", "snapshots");
/// `/types`.
pub const TYPES: Collection = coll("types", "volume_type", "volume_types");
/// `/backups`.
pub const BACKUPS: Collection = coll("backups", "backup", "backups");

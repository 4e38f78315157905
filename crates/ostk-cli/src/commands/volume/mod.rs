//! `openstack` volume commands (openstackclient/volume/v3/*.py), one file per command, plus
//! what they share: openstacksdk-style lookups (`No Volume found for x`), the shown-record
//! builder of openstacksdk resources, and a small status poller.

pub mod attachment;
pub mod backend;
pub mod backup;
pub mod block_storage;
pub mod create;
pub mod delete;
pub mod group;
pub mod group_snapshot;
pub mod group_type;
pub mod host;
pub mod list;
pub mod message;
pub mod migrate;
pub mod qos;
pub mod revert;
pub mod service;
pub mod set;
pub mod show;
pub mod snapshot;
pub mod summary;
pub mod transfer;
pub mod unset;
pub mod vtype;

use crate::commands::identity::common::sdk_error;
use crate::registry::{Entry, entry};
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::client::{ClientError, Session};
use ostk_sdk::rest::{Collection, Lookup};
use ostk_sdk::volume as cinder;
use ostk_sdk::wait::{Outcome, Poll};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// This area's commands (registered through `commands::all`).
pub static COMMANDS: &[Entry] = &[
    entry::<create::CreateVolume>(),
    entry::<delete::DeleteVolume>(),
    entry::<list::ListVolume>(),
    entry::<migrate::MigrateVolume>(),
    entry::<revert::VolumeRevertToSnapshot>(),
    entry::<set::SetVolume>(),
    entry::<show::ShowVolume>(),
    entry::<summary::VolumeSummary>(),
    entry::<unset::UnsetVolume>(),
    entry::<snapshot::create::CreateVolumeSnapshot>(),
    entry::<snapshot::delete::DeleteVolumeSnapshot>(),
    entry::<snapshot::list::ListVolumeSnapshot>(),
    entry::<snapshot::set::SetVolumeSnapshot>(),
    entry::<snapshot::show::ShowVolumeSnapshot>(),
    entry::<snapshot::unset::UnsetVolumeSnapshot>(),
    entry::<service::list::ListService>(),
    entry::<service::set::SetService>(),
    entry::<qos::AssociateQos>(),
    entry::<qos::CreateQos>(),
    entry::<qos::DeleteQos>(),
    entry::<qos::DisassociateQos>(),
    entry::<qos::ListQos>(),
    entry::<qos::SetQos>(),
    entry::<qos::ShowQos>(),
    entry::<qos::UnsetQos>(),
    entry::<transfer::AcceptTransferRequest>(),
    entry::<transfer::CreateTransferRequest>(),
    entry::<transfer::DeleteTransferRequest>(),
    entry::<transfer::ListTransferRequest>(),
    entry::<transfer::ShowTransferRequest>(),
    entry::<vtype::create::CreateVolumeType>(),
    entry::<vtype::delete::DeleteVolumeType>(),
    entry::<vtype::list::ListVolumeType>(),
    entry::<vtype::set::SetVolumeType>(),
    entry::<vtype::show::ShowVolumeType>(),
    entry::<vtype::unset::UnsetVolumeType>(),
    entry::<backup::CreateVolumeBackup>(),
    entry::<backup::DeleteVolumeBackup>(),
    entry::<backup::ListVolumeBackup>(),
    entry::<backup::RestoreVolumeBackup>(),
    entry::<backup::SetVolumeBackup>(),
    entry::<backup::ShowVolumeBackup>(),
    entry::<backup::UnsetVolumeBackup>(),
    entry::<backup::ExportBackupRecord>(),
    entry::<backup::ImportBackupRecord>(),
    entry::<group_type::CreateVolumeGroupType>(),
    entry::<group_type::DeleteVolumeGroupType>(),
    entry::<group_type::ListVolumeGroupType>(),
    entry::<group_type::SetVolumeGroupType>(),
    entry::<group_type::ShowVolumeGroupType>(),
    entry::<group::AddVolumesToGroup>(),
    entry::<group::CreateVolumeGroup>(),
    entry::<group::DeleteVolumeGroup>(),
    entry::<group::FailoverVolumeGroup>(),
    entry::<group::ListVolumeGroup>(),
    entry::<group::RemoveVolumesFromGroup>(),
    entry::<group::SetVolumeGroup>(),
    entry::<group::ShowVolumeGroup>(),
    entry::<attachment::CompleteVolumeAttachment>(),
    entry::<attachment::CreateVolumeAttachment>(),
    entry::<attachment::DeleteVolumeAttachment>(),
    entry::<attachment::ListVolumeAttachment>(),
    entry::<attachment::SetVolumeAttachment>(),
    entry::<attachment::ShowVolumeAttachment>(),
    entry::<message::DeleteMessage>(),
    entry::<message::ListMessages>(),
    entry::<message::ShowMessage>(),
    entry::<backend::ShowCapability>(),
    entry::<backend::ListPool>(),
    entry::<host::FailoverVolumeHost>(),
    entry::<host::SetVolumeHost>(),
    entry::<group_snapshot::CreateVolumeGroupSnapshot>(),
    entry::<group_snapshot::DeleteVolumeGroupSnapshot>(),
    entry::<group_snapshot::ListVolumeGroupSnapshot>(),
    entry::<group_snapshot::ShowVolumeGroupSnapshot>(),
    entry::<block_storage::cleanup::BlockStorageCleanup>(),
    entry::<block_storage::cluster::ListBlockStorageCluster>(),
    entry::<block_storage::cluster::SetBlockStorageCluster>(),
    entry::<block_storage::cluster::ShowBlockStorageCluster>(),
    entry::<block_storage::log_level::BlockStorageLogLevelList>(),
    entry::<block_storage::log_level::BlockStorageLogLevelSet>(),
    entry::<block_storage::resource_filter::ListBlockStorageResourceFilter>(),
    entry::<block_storage::resource_filter::ShowBlockStorageResourceFilter>(),
    entry::<block_storage::manageable::BlockStorageManageVolumes>(),
    entry::<block_storage::manageable::BlockStorageManageSnapshots>(),
];

/// A cinder resource kind: its collections and openstacksdk class name (for messages).
#[derive(Clone, Copy)]
pub struct Kind {
    /// `GET {path}/{id}`.
    pub coll: Collection,
    /// Listing used for name lookups (`…/detail` where cinder has one).
    pub detail: Collection,
    /// openstacksdk class name (`Volume`, `Snapshot`, `Type`…).
    pub class: &'static str,
    /// Whether cinder filters the listing by `name` (else only client-side).
    pub name_query: bool,
    /// Query parameters of every lookup request (`is_public=none` for types).
    pub query: &'static [(&'static str, &'static str)],
}

/// Volumes.
pub const VOLUME: Kind = Kind {
    coll: cinder::VOLUMES,
    detail: cinder::VOLUMES_DETAIL,
    class: "Volume",
    name_query: true,
    query: &[],
};
/// Snapshots.
pub const SNAPSHOT: Kind = Kind {
    coll: cinder::SNAPSHOTS,
    detail: cinder::SNAPSHOTS_DETAIL,
    class: "Snapshot",
    name_query: true,
    query: &[],
};
/// Volume types.
pub const TYPE: Kind = Kind {
    coll: cinder::TYPES,
    detail: cinder::TYPES,
    class: "Type",
    name_query: false,
    query: &[("is_public", "none")],
};
/// QoS specifications.
pub const QOS: Kind = Kind {
    coll: cinder::QOS_SPECS,
    detail: cinder::QOS_SPECS,
    class: "QoSSpec",
    name_query: false,
    query: &[],
};
/// Volume transfer requests (looked up by name in the plain listing).
pub const TRANSFER: Kind = Kind {
    coll: cinder::TRANSFERS,
    detail: cinder::TRANSFERS,
    class: "Transfer",
    name_query: false,
    query: &[],
};
/// Backups.
pub const BACKUP: Kind = Kind {
    coll: cinder::BACKUPS,
    detail: cinder::BACKUPS_DETAIL,
    class: "Backup",
    name_query: true,
    query: &[],
};

/// Group types (looked up by name in the plain listing).
pub const GROUP_TYPE: Kind = Kind {
    coll: cinder::GROUP_TYPES,
    detail: cinder::GROUP_TYPES,
    class: "GroupType",
    name_query: false,
    query: &[],
};
/// Generic volume groups.
pub const GROUP: Kind = Kind {
    coll: cinder::GROUPS,
    detail: cinder::GROUPS_DETAIL,
    class: "Group",
    name_query: false,
    query: &[],
};
/// Group snapshots.
pub const GROUP_SNAPSHOT: Kind = Kind {
    coll: cinder::GROUP_SNAPSHOTS,
    detail: cinder::GROUP_SNAPSHOTS_DETAIL,
    class: "GroupSnapshot",
    name_query: false,
    query: &[],
};

/// Fails unless the microversion in use is at least `version`, with OSC's message
/// `--os-volume-api-version {version} or greater is required to support the {what}`.
pub fn require(ctx: &mut Context, s: &Session, version: &str, what: &str) -> Result<(), CliError> {
    if call(ctx, cinder::supports(s, version))? {
        return Ok(());
    }
    Err(CliError::Message(format!(
        "--os-volume-api-version {version} or greater is required to support the {what}"
    )))
}

/// [`require`] for a whole command: `… to support the '{words}' command`.
pub fn require_command(
    ctx: &mut Context,
    s: &Session,
    version: &str,
    words: &str,
) -> Result<(), CliError> {
    require(ctx, s, version, &format!("'{words}' command"))
}

/// `PUT {path}/{id}` with `{singular: attrs}` (openstacksdk `commit`), negotiating up to the
/// collection's microversion.
pub fn update(
    ctx: &mut Context,
    s: &Session,
    coll: &Collection,
    id: &str,
    attrs: Map<String, Value>,
) -> Result<Value, CliError> {
    let path = cinder::item_path(coll.path, id);
    let body = Value::Object(Map::from_iter([(
        coll.singular.to_string(),
        Value::Object(attrs),
    )]));
    let f = cinder::call(
        s,
        ostk_sdk::client::Method::PUT,
        &path,
        Some(body),
        coll.microversion,
    );
    call(ctx, f)
}

/// openstacksdk's lookup result in its wording, async (for [`crate::commands::common::bulk`]).
pub async fn find_in(
    s: &Session,
    kind: Kind,
    name_or_id: &str,
    filters: &[(&str, String)],
) -> Result<Value, CliError> {
    let mut q: Vec<(&str, String)> = kind
        .query
        .iter()
        .map(|(k, v)| (*k, v.to_string()))
        .collect();
    q.extend(filters.iter().cloned());
    match cinder::find(s, &kind.coll, &kind.detail, name_or_id, kind.name_query, &q).await {
        Ok(Lookup::Found(v)) => Ok(v),
        Ok(Lookup::NotFound) => Err(CliError::Message(format!(
            "No {} found for {name_or_id}",
            kind.class
        ))),
        Ok(Lookup::Ambiguous(_)) => Err(CliError::Message(format!(
            "More than one {} exists with the name '{name_or_id}'.",
            kind.class
        ))),
        Err(e) => Err(sdk(e)),
    }
}

/// openstacksdk `find_<kind>(name_or_id, ignore_missing=False)`.
pub fn find(ctx: &mut Context, kind: Kind, name_or_id: &str) -> Result<Value, CliError> {
    let s = ctx.session()?;
    ctx.block_on(find_in(&s, kind, name_or_id, &[]))?
}

/// An SDK call's error as openstacksdk words it.
pub fn sdk(e: ClientError) -> CliError {
    sdk_error(e, None)
}

/// Runs one SDK call, its error worded as openstacksdk's.
pub fn call<T, F>(ctx: &mut Context, f: F) -> Result<T, CliError>
where
    F: std::future::Future<Output = Result<T, ClientError>>,
{
    ctx.block_on(f)?.map_err(sdk)
}

/// The `id` of a resource.
pub fn id(v: &Value) -> String {
    crate::commands::identity::common::id_of(v)
}

/// An attribute as cliff shows a plain value (`None`, text, numbers, `repr` of lists/dicts).
pub fn cell(v: Option<&Value>) -> Cell {
    match v {
        None | Some(Value::Null) => Cell::None,
        Some(v) => Cell::from_json(v.clone()),
    }
}

/// `format_columns.DictColumn` of an attribute (missing → `None`, machine `{}`).
pub fn dict_cell(v: Option<&Value>) -> Cell {
    Cell::dict(v.and_then(Value::as_object).cloned())
}

/// A record of `(field, cell)` pairs sorted by name (OSC's `zip(*sorted(data.items()))`).
pub fn sorted_record(mut fields: Vec<(String, Cell)>) -> Record {
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

/// volume.py `_format_volume`: openstacksdk's `Volume.to_dict(original_names=True)` minus the
/// ignored columns (and the optional ones when unset), `metadata` as `properties`,
/// `volume_type` as `type`; sorted.
pub fn volume_record(v: &Value) -> Record {
    const IGNORED: &[&str] = &[
        "location",
        "OS-SCH-HNT:scheduler_hints",
        "imageRef",
        "os-volume-replication:driver_data",
        "os-volume-replication:extended_status",
        "links",
    ];
    const OPTIONAL: &[&str] = &[
        "consistencygroup_id",
        "encryption_key_id",
        "volume_image_metadata",
    ];
    let mut fields = Vec::new();
    for k in cinder::volumes::ATTRIBUTES {
        let val = v.get(*k);
        if IGNORED.contains(k) || (OPTIONAL.contains(k) && val.is_none_or(Value::is_null)) {
            continue;
        }
        let c = match *k {
            "bootable" | "encrypted" => {
                cinder::volumes::bool_str(val).map_or(Cell::None, Cell::Bool)
            }
            "metadata" => {
                fields.push(("properties".to_string(), dict_cell(val)));
                continue;
            }
            "volume_type" => {
                fields.push(("type".to_string(), cell(val)));
                continue;
            }
            _ => cell(val),
        };
        fields.push((k.to_string(), c));
    }
    sorted_record(fields)
}

/// Volume ID → name, for the `Volume` column of listings (OSC ignores any failure here).
pub fn volume_names(ctx: &mut Context, s: &Session) -> HashMap<String, String> {
    ctx.block_on(cinder::VOLUMES_DETAIL.list(s, &[]))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default()
        .iter()
        .map(|v| (id(v), crate::commands::image::py_str(v.get("name"))))
        .collect()
}

/// OSC's `VolumeIdColumn`: the volume's name when known, else its ID (machine formats: the ID).
pub fn volume_name_cell(names: &HashMap<String, String>, volume_id: Option<&Value>) -> Cell {
    let vid = crate::commands::image::py_str(volume_id);
    let human = names.get(&vid).cloned().unwrap_or(vid);
    Cell::formatted(human, volume_id.cloned().unwrap_or(Value::Null))
}

/// `--property key=value` pairs as a JSON object (last value of a key wins, as
/// osc-lib's KeyValueAction).
pub fn props(pairs: &[(String, String)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect()
}

/// osc-lib `utils.wait_for_status(get, id, success_status, error_status, sleep_time=1)`:
/// polls `{path}/{id}` until its `status` is one of `success` (true) or `error` (false).
pub async fn wait_for_status(
    s: &Session,
    coll: &Collection,
    id: &str,
    success: &[&str],
    error: &[&str],
) -> Result<bool, ClientError> {
    // OSC polls forever; a bound keeps a stuck volume from hanging the command.
    let poll = Poll {
        success,
        error,
        interval: &|_| std::time::Duration::from_secs(1),
        max_polls: Some(600),
        transient_retries: 0,
    };
    match poll.run(|| coll.get(s, id), |_| {}).await? {
        Outcome::Reached(_) => Ok(true),
        Outcome::Failed(_) | Outcome::GaveUp => Ok(false),
        Outcome::Gone(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn volume_record_follows_format_volume() {
        let v = json!({"id": "i", "name": "n", "bootable": "true", "metadata": {"a": "b"},
                       "volume_type": "t", "imageRef": "x", "links": [], "size": 1,
                       "unknown_key": 3});
        let r = volume_record(&v);
        let names: Vec<&str> = r.fields.iter().map(|(k, _)| k.as_str()).collect();
        assert!(names.contains(&"properties") && names.contains(&"type"));
        assert!(!names.contains(&"imageRef") && !names.contains(&"unknown_key"));
        assert!(!names.contains(&"consistencygroup_id") && names.contains(&"group_id"));
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        let get = |k: &str| r.fields.iter().find(|(n, _)| n == k).unwrap().1.clone();
        assert_eq!(get("bootable"), Cell::Bool(true));
        assert_eq!(get("properties").table_text(), "a='b'");
    }
}

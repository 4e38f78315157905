//! `volume snapshot …` (openstackclient/volume/v3/volume_snapshot.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;
pub mod unset;

use super::{cell, dict_cell, sorted_record};
use ostk_output::Record;
use serde_json::Value;

/// volume_snapshot.py `_format_snapshot`: openstacksdk `Snapshot.to_dict(original_names=True)`
/// minus the ignored columns, `metadata` as `properties`; sorted.
pub fn snapshot_record(v: &Value) -> Record {
    let fields = [
        "created_at",
        "description",
        "size",
        "status",
        "volume_id",
        "id",
        "name",
    ]
    .iter()
    .map(|k| (k.to_string(), cell(v.get(*k))))
    .chain([("properties".to_string(), dict_cell(v.get("metadata")))])
    .collect();
    sorted_record(fields)
}

//! Aggregate commands: openstackclient/compute/v2/aggregate.py.

pub mod add_host;
pub mod cache_image;
pub mod create;
pub mod delete;
pub mod list;
pub mod remove_host;
pub mod set;
pub mod show;
pub mod unset;

use super::common::{field, found, sorted_record};
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::compute::aggregate;
use serde_json::{Map, Value};

/// openstacksdk `find_aggregate(name_or_id, ignore_missing=False)`.
pub fn find(ctx: &mut Context, name_or_id: &str) -> Result<Value, CliError> {
    let session = ctx.session()?;
    found(
        ctx.block_on(aggregate::find(&session, name_or_id))?,
        "Aggregate",
        name_or_id,
    )
}

pub use super::common::id_str as id;

/// The aggregate's metadata.
pub fn metadata(a: &Value) -> Map<String, Value> {
    match a.get("metadata") {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    }
}

/// `osc-lib` `ListColumn` of the hosts (`None` when absent).
pub fn hosts(a: &Value) -> Cell {
    Cell::list(a.get("hosts").and_then(Value::as_array).cloned())
}

/// `_get_aggregate_columns` + `get_item_properties`: every attribute, `metadata` shown as
/// `properties`, sorted.
pub fn record(a: &Value, metadata: Map<String, Value>) -> Record {
    let mut fields = vec![
        ("hosts".to_string(), hosts(a)),
        ("properties".into(), Cell::dict(Some(metadata))),
    ];
    for (name, wire) in [
        ("availability_zone", "availability_zone"),
        ("created_at", "created_at"),
        ("deleted_at", "deleted_at"),
        ("id", "id"),
        ("is_deleted", "deleted"),
        ("name", "name"),
        ("updated_at", "updated_at"),
        ("uuid", "uuid"),
    ] {
        fields.push((name.to_string(), Cell::from_json(field(a, wire))));
    }
    sorted_record(fields)
}

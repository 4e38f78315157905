//! `server group …`: openstackclient/compute/v2/server_group.py.

pub mod create;
pub mod delete;
pub mod list;
pub mod show;

use super::common::{field, found, sorted_record, supports};
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::compute::server_group;
use serde_json::{Map, Value};

/// openstacksdk `find_server_group(name_or_id, ignore_missing=False)`.
pub fn find(ctx: &mut Context, name_or_id: &str) -> Result<Value, CliError> {
    let session = ctx.session()?;
    found(
        ctx.block_on(server_group::find(&session, name_or_id))?,
        "ServerGroup",
        name_or_id,
    )
}

/// `ListColumn` of a JSON list field.
pub fn list_cell(g: &Value, key: &str) -> Cell {
    Cell::list(g.get(key).and_then(Value::as_array).cloned())
}

/// `_get_server_group_columns` + `get_item_properties`: `policy` and `rules` from 2.64,
/// `policies` before.
pub fn record(ctx: &mut Context, g: &Value) -> Result<Record, CliError> {
    let mut fields = vec![
        ("id".to_string(), Cell::from_json(field(g, "id"))),
        ("members".into(), list_cell(g, "members")),
        ("name".into(), Cell::from_json(field(g, "name"))),
        ("project_id".into(), Cell::from_json(field(g, "project_id"))),
        ("user_id".into(), Cell::from_json(field(g, "user_id"))),
    ];
    if supports(ctx, "2.64")? {
        fields.push(("policy".into(), Cell::from_json(field(g, "policy"))));
        let rules = match g.get("rules") {
            Some(Value::Object(m)) => m.clone(),
            _ => Map::new(),
        };
        fields.push(("rules".into(), Cell::dict(Some(rules))));
    } else {
        fields.push(("policies".into(), list_cell(g, "policies")));
    }
    Ok(sorted_record(fields))
}

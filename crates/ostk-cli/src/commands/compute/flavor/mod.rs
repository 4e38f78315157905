//! Flavor commands: openstackclient/compute/v2/flavor.py.

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;
pub mod unset;

use super::common::{field, found, int_field, sdk, sorted_record};
use crate::commands::identity::common::find_project_id;
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::compute::flavor;
use serde_json::{Map, Value};

/// The flavor's extra specs as a JSON object.
pub fn specs(f: &Value) -> Map<String, Value> {
    match f.get("extra_specs") {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    }
}

/// openstacksdk `find_flavor(name_or_id, get_extra_specs=True, ignore_missing=False)`.
pub fn find(ctx: &mut Context, name_or_id: &str) -> Result<Value, CliError> {
    let session = ctx.session()?;
    let mut f = found(
        ctx.block_on(flavor::find(&session, name_or_id))?,
        "Flavor",
        name_or_id,
    )?;
    if specs(&f).is_empty() {
        let id = id(&f);
        let extra = ctx
            .block_on(flavor::extra_specs(&session, &id))?
            .map_err(sdk)?;
        f["extra_specs"] = Value::Object(extra);
    }
    Ok(f)
}

/// The flavor's ID (openstacksdk falls back to its name).
pub fn id(f: &Value) -> String {
    ["id", "name", "original_name"]
        .iter()
        .find_map(|k| f.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()))
        .unwrap_or_default()
        .to_string()
}

/// `is_public` (openstacksdk's default: true).
pub fn is_public(f: &Value) -> bool {
    f.get("os-flavor-access:is_public")
        .and_then(Value::as_bool)
        .unwrap_or(true)
}

/// `_get_flavor_columns` + `get_dict_properties`: every attribute, renamed, sorted;
/// `access` adds `access_project_ids` (flavor show).
pub fn record(f: &Value, access: Option<Cell>) -> Record {
    let mut fields = vec![
        (
            "OS-FLV-DISABLED:disabled".to_string(),
            Cell::from_json(field(f, "OS-FLV-DISABLED:disabled")),
        ),
        (
            "OS-FLV-EXT-DATA:ephemeral".into(),
            int_field(f, "OS-FLV-EXT-DATA:ephemeral", 0),
        ),
        (
            "description".into(),
            Cell::from_json(field(f, "description")),
        ),
        ("disk".into(), int_field(f, "disk", 0)),
        ("id".into(), Cell::Str(id(f))),
        ("name".into(), Cell::from_json(field(f, "name"))),
        (
            "os-flavor-access:is_public".into(),
            Cell::Bool(is_public(f)),
        ),
        ("properties".into(), Cell::dict(Some(specs(f)))),
        ("ram".into(), int_field(f, "ram", 0)),
        ("rxtx_factor".into(), float_field(f, "rxtx_factor")),
        ("swap".into(), int_field(f, "swap", 0)),
        ("vcpus".into(), int_field(f, "vcpus", 0)),
    ];
    if let Some(a) = access {
        fields.push(("access_project_ids".into(), a));
    }
    sorted_record(fields)
}

/// Grants (`add`) or revokes a project's access to a private flavor, as `flavor set` and
/// `flavor unset --project` do (the project must exist only when granting).
pub fn change_access(
    ctx: &mut Context,
    f: &Value,
    project: &str,
    domain: Option<&str>,
    add: bool,
) -> Result<(), CliError> {
    if is_public(f) {
        let verb = if add { "set" } else { "remove" };
        return Err(CliError::Message(format!(
            "Cannot {verb} access for a public flavor"
        )));
    }
    let pid = find_project_id(ctx, project, domain, add)?;
    let session = ctx.session()?;
    ctx.block_on(flavor::tenant_access(&session, &id(f), &pid, add))?
        .map_err(sdk)
}

/// openstacksdk's `type=float`.
pub fn float_field(f: &Value, key: &str) -> Cell {
    match f.get(key) {
        None | Some(Value::Null) => Cell::None,
        Some(Value::Number(n)) => Cell::Float(n.as_f64().unwrap_or(0.0)),
        Some(Value::String(s)) => Cell::Float(s.parse().unwrap_or(0.0)),
        Some(_) => Cell::Float(0.0),
    }
}

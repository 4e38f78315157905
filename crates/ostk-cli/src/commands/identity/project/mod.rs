//! `project *` commands (openstackclient/identity/v3/project.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use serde_json::Value;

/// `_format_project`: osc-lib `get_osc_show_columns_for_sdk_resource` — every attribute of the
/// openstacksdk Project (known ones even when absent, plus unknown body keys), `is_enabled`
/// shown as `enabled`, links/location/parents_as_ids/subtree_as_ids hidden, sorted by name.
pub fn project_record(p: &Value) -> Record {
    let mut fields: Vec<(String, Cell)> = Vec::new();
    let known = [
        "description",
        "domain_id",
        "enabled",
        "id",
        "is_domain",
        "name",
        "options",
        "parent_id",
        "tags",
    ];
    for k in known {
        fields.push((k.into(), cell(p.get(k))));
    }
    if let Some(obj) = p.as_object() {
        for (k, v) in obj {
            let hidden = ["links", "location", "parents_as_ids", "subtree_as_ids"];
            if known.contains(&k.as_str()) || hidden.contains(&k.as_str()) {
                continue;
            }
            fields.push((k.clone(), cell(Some(v))));
        }
    }
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

fn cell(v: Option<&Value>) -> Cell {
    Cell::from_json(v.cloned().unwrap_or(Value::Null))
}

/// osc-lib `parseractions.KeyValueAction`: `key=value` (the value may be empty).
pub fn key_value(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(format!("Expected 'key=value' type, but got: {s}")),
    }
}

/// `--property` pairs as a JSON object (later keys win, as in a Python dict).
pub fn properties(props: &[(String, String)]) -> serde_json::Map<String, Value> {
    props
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect()
}

//! `group *` commands (openstackclient/identity/v3/group.py).

pub mod add_user;
pub mod contains_user;
pub mod create;
pub mod delete;
pub mod list;
pub mod remove_user;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use serde_json::Value;

/// `_format_group`: description, domain_id, id, name.
pub fn group_record(g: &Value) -> Record {
    let f = |k: &str| Cell::from_json(g.get(k).cloned().unwrap_or(Value::Null));
    Record {
        fields: ["description", "domain_id", "id", "name"]
            .iter()
            .map(|k| (k.to_string(), f(k)))
            .collect(),
    }
}

//! `domain *` commands (openstackclient/identity/v3/domain.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use serde_json::Value;

/// `_format_domain`: id, name, enabled, description, options.
pub fn domain_record(d: &Value) -> Record {
    let f = |k: &str| Cell::from_json(d.get(k).cloned().unwrap_or(Value::Null));
    Record {
        fields: vec![
            ("id".into(), f("id")),
            ("name".into(), f("name")),
            ("enabled".into(), f("enabled")),
            ("description".into(), f("description")),
            ("options".into(), f("options")),
        ],
    }
}

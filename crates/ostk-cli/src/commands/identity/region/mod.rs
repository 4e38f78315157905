//! `region *` commands (openstackclient/identity/v3/region.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use serde_json::Value;

/// `_format_region`: region, description, parent_region.
pub fn region_record(r: &Value) -> Record {
    let f = |k: &str| Cell::from_json(r.get(k).cloned().unwrap_or(Value::Null));
    Record {
        fields: vec![
            ("region".into(), f("id")),
            ("description".into(), f("description")),
            ("parent_region".into(), f("parent_region_id")),
        ],
    }
}

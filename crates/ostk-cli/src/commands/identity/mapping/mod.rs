//! `mapping *` commands (openstackclient/identity/v3/mapping.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use ostk_sdk::identity::federation::Mapping;
use serde_json::Value;

/// `--schema-version` help (`_RulesReader.add_federated_schema_version_option`).
pub const SCHEMA_VERSION_HELP: &str = "The federated attribute mapping schema version. The default value on the client side is 'None'; however, that will lead the backend to set the default according to 'attribute_mapping_default_schema_version' option.";

/// `_format_mapping`: id, rules, schema_version.
pub fn mapping_record(m: &Mapping) -> Record {
    Record {
        fields: vec![
            ("id".into(), Cell::Str(m.id.clone())),
            (
                "rules".into(),
                Cell::from_json(m.rules.clone().unwrap_or(Value::Null)),
            ),
            ("schema_version".into(), m.schema_version.clone().into()),
        ],
    }
}

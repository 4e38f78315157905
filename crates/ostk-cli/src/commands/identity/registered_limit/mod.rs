//! `registered limit *` commands (openstackclient/identity/v3/registered_limit.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use ostk_sdk::identity::limit::RegisteredLimit;

/// `_format_registered_limit`.
pub fn registered_limit_record(l: &RegisteredLimit) -> Record {
    Record {
        fields: vec![
            ("default_limit".into(), l.default_limit.into()),
            ("description".into(), l.description.clone().into()),
            ("id".into(), Cell::Str(l.id.clone())),
            ("region_id".into(), l.region_id.clone().into()),
            ("resource_name".into(), l.resource_name.clone().into()),
            ("service_id".into(), l.service_id.clone().into()),
        ],
    }
}

//! `limit *` commands (openstackclient/identity/v3/limit.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use ostk_sdk::identity::limit::Limit;

/// `_format_limit`.
pub fn limit_record(l: &Limit) -> Record {
    Record {
        fields: vec![
            ("description".into(), l.description.clone().into()),
            ("id".into(), Cell::Str(l.id.clone())),
            ("project_id".into(), l.project_id.clone().into()),
            ("region_id".into(), l.region_id.clone().into()),
            ("resource_limit".into(), l.resource_limit.into()),
            ("resource_name".into(), l.resource_name.clone().into()),
            ("service_id".into(), l.service_id.clone().into()),
        ],
    }
}

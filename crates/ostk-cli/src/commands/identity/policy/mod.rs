//! `policy *` commands (openstackclient/identity/v3/policy.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use ostk_sdk::identity::policy::Policy;

/// `_format_policy`: id, rules (the blob), type.
pub fn policy_record(p: &Policy) -> Record {
    Record {
        fields: vec![
            ("id".into(), Cell::Str(p.id.clone())),
            ("rules".into(), p.blob.clone().into()),
            ("type".into(), p.policy_type.clone().into()),
        ],
    }
}

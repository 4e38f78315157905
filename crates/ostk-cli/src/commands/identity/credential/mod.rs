//! `credential *` (openstackclient/identity/v3/credential.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use ostk_sdk::identity::credential::Credential;

/// `_format_credential`: blob, id, project_id, type, user_id.
pub fn credential_record(c: &Credential) -> Record {
    let s = |v: &Option<String>| Cell::from(v.clone());
    Record {
        fields: vec![
            ("blob".into(), s(&c.blob)),
            ("id".into(), Cell::Str(c.id.clone())),
            ("project_id".into(), s(&c.project_id)),
            ("type".into(), s(&c.kind)),
            ("user_id".into(), s(&c.user_id)),
        ],
    }
}

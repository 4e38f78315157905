//! `identity provider *` commands (openstackclient/identity/v3/identity_provider.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use crate::error::CliError;
use ostk_output::{Cell, Record};
use ostk_sdk::identity::federation::IdentityProvider;

/// `_format_identity_provider` (the `id` field is openstacksdk's `name`, which is the ID).
pub fn idp_record(i: &IdentityProvider) -> Record {
    Record {
        fields: vec![
            ("authorization_ttl".into(), i.authorization_ttl.into()),
            ("description".into(), i.description.clone().into()),
            ("domain_id".into(), i.domain_id.clone().into()),
            ("enabled".into(), i.enabled.into()),
            ("id".into(), Cell::Str(i.id.clone())),
            ("remote_ids".into(), Cell::list(i.remote_ids.clone())),
        ],
    }
}

/// `--remote-id-file` (one ID a line, stripped) or the repeated `--remote-id`s.
pub fn remote_ids(
    file: Option<&str>,
    ids: &[String],
) -> Result<Option<Vec<serde_json::Value>>, CliError> {
    if let Some(f) = file.filter(|f| !f.is_empty()) {
        let blob = super::batch::read_blob(f)?;
        return Ok(Some(
            blob.lines()
                .map(|l| serde_json::Value::String(l.trim().to_string()))
                .collect(),
        ));
    }
    if ids.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        ids.iter()
            .map(|s| serde_json::Value::String(s.clone()))
            .collect(),
    ))
}

/// OSC's check of `--authorization-ttl`.
pub fn check_ttl(ttl: Option<i64>) -> Result<(), CliError> {
    match ttl {
        Some(t) if t < 0 => Err(CliError::Message(
            "authorization-ttl must be positive integer or zero.".into(),
        )),
        _ => Ok(()),
    }
}

//! Key pair commands: openstackclient/compute/v2/keypair.py.

pub mod create;
pub mod delete;
pub mod list;
pub mod show;

use super::common::{field, require_for_option, sorted_record};
use crate::commands::identity::common::find_user_id;
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use serde_json::Value;

/// `_get_keypair_columns` + `get_item_properties`: the SDK attributes, sorted, without
/// the public key when `hide_public` and without the private key when `hide_private`.
pub fn record(k: &Value, hide_public: bool, hide_private: bool) -> Record {
    let name = field(k, "name");
    let mut fields = vec![
        (
            "created_at".to_string(),
            Cell::from_json(field(k, "created_at")),
        ),
        (
            "fingerprint".into(),
            Cell::from_json(field(k, "fingerprint")),
        ),
        ("id".into(), Cell::from_json(name.clone())),
        ("is_deleted".into(), Cell::from_json(field(k, "deleted"))),
        ("name".into(), Cell::from_json(name)),
        (
            "type".into(),
            Cell::from_json(k.get("type").cloned().unwrap_or_else(|| "ssh".into())),
        ),
        ("user_id".into(), Cell::from_json(field(k, "user_id"))),
    ];
    if !hide_public {
        fields.push(("public_key".into(), Cell::from_json(field(k, "public_key"))));
    }
    if !hide_private {
        fields.push((
            "private_key".into(),
            Cell::from_json(field(k, "private_key")),
        ));
    }
    sorted_record(fields)
}

/// `--user` (with `--user-domain`) as a user ID, after OSC's 2.10 check.
pub fn user_id(
    ctx: &mut Context,
    user: Option<&str>,
    domain: Option<&str>,
) -> Result<Option<String>, CliError> {
    let Some(u) = user else { return Ok(None) };
    require_for_option(ctx, "2.10", "--user")?;
    Ok(Some(find_user_id(ctx, u, domain, true)?))
}

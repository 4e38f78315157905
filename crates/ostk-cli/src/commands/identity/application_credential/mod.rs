//! `application credential *` and `access rule *`
//! (openstackclient/identity/v3/application_credential.py, access_rule.py).

pub mod access_rule_delete;
pub mod access_rule_list;
pub mod access_rule_show;
pub mod create;
pub mod delete;
pub mod list;
pub mod show;

use crate::commands::identity::common::sdk_error;
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record, format_list};
use ostk_sdk::identity::{Identity, application_credential::ApplicationCredential};
use ostk_sdk::rest::Lookup;
use serde_json::Value;

/// The headers of `_format_application_credential(s)`.
pub const HEADERS: [&str; 8] = [
    "ID",
    "Name",
    "Description",
    "Project ID",
    "Roles",
    "Unrestricted",
    "Access Rules",
    "Expires At",
];

/// The cells of one application credential, in [`HEADERS`] order (`RolesColumn` for roles).
pub fn cells(a: &ApplicationCredential) -> Vec<Cell> {
    let roles = match &a.roles {
        Some(r) => {
            let names: Vec<Value> = r
                .iter()
                .map(|x| x.get("name").cloned().unwrap_or(Value::Null))
                .collect();
            Cell::formatted(format_list(&names, ", "), Value::Array(r.clone()))
        }
        None => Cell::None,
    };
    vec![
        Cell::Str(a.id.clone()),
        Cell::from(a.name.clone()),
        Cell::from(a.description.clone()),
        Cell::from(a.project_id.clone()),
        roles,
        Cell::from(a.unrestricted),
        a.access_rules
            .clone()
            .map_or(Cell::None, |r| Cell::Raw(Value::Array(r))),
        Cell::from(a.expires_at.clone()),
    ]
}

/// `_format_application_credential`, with the secret when asked.
pub fn record(a: &ApplicationCredential, secret: bool) -> Record {
    let mut fields: Vec<(String, Cell)> = HEADERS
        .iter()
        .map(|h| h.to_string())
        .zip(cells(a))
        .collect();
    if secret {
        fields.push(("Secret".into(), Cell::from(a.secret.clone())));
    }
    Record { fields }
}

/// The user of the session's token (`auth.get_user_id`).
pub fn session_user(ctx: &mut Context) -> Result<String, CliError> {
    let session = ctx.session()?;
    let a = ctx.block_on(session.access())??;
    a.user_id
        .clone()
        .ok_or_else(|| CliError::Message("failed to retrieve auth info for current session".into()))
}

/// openstacksdk `find_application_credential(user, name_or_id, ignore_missing=False)`.
pub fn find(
    ctx: &mut Context,
    user: &str,
    name_or_id: &str,
) -> Result<ApplicationCredential, CliError> {
    let session = ctx.session()?;
    match ctx.block_on(Identity::new(&session).find_application_credential(user, name_or_id))? {
        Ok(Lookup::Found(v)) => serde_json::from_value(v)
            .map_err(|e| CliError::Message(format!("invalid application credential: {e}"))),
        Ok(Lookup::NotFound) => Err(CliError::Message(format!(
            "No ApplicationCredential found for {name_or_id}"
        ))),
        Ok(Lookup::Ambiguous(_)) => Err(CliError::Message(format!(
            "More than one ApplicationCredential exists with the name '{name_or_id}'."
        ))),
        Err(e) => Err(sdk_error(e, None)),
    }
}

/// `identity_client.get_access_rule(user, id)`: a 404 reads `No AccessRule found for x: …`.
pub fn get_access_rule(
    ctx: &mut Context,
    user: &str,
    id: &str,
) -> Result<ostk_sdk::identity::application_credential::AccessRule, CliError> {
    let session = ctx.session()?;
    ctx.block_on(Identity::new(&session).access_rule(user, id))?
        .map_err(|e| {
            let msg = format!("No AccessRule found for {id}");
            let nf = e.status() == Some(404);
            sdk_error(e, nf.then_some(msg.as_str()))
        })
}

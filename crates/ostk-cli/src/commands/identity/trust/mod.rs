//! `trust *` (openstackclient/identity/v3/trust.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod show;

use crate::commands::identity::common::{find_domain, find_project, find_user, id_of};
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::trust::{TRUSTS, Trust};
use ostk_sdk::rest::Lookup;

/// `_format_trust`.
pub fn trust_record(t: &Trust) -> Record {
    let s = |v: &Option<String>| Cell::from(v.clone());
    Record {
        fields: vec![
            ("expires_at".into(), s(&t.expires_at)),
            ("id".into(), Cell::Str(t.id.clone())),
            ("is_impersonation".into(), Cell::from(t.impersonation)),
            ("project_id".into(), s(&t.project_id)),
            ("redelegated_trust_id".into(), s(&t.redelegated_trust_id)),
            (
                "redelegation_count".into(),
                Cell::from(t.redelegation_count),
            ),
            ("remaining_uses".into(), Cell::from(t.remaining_uses)),
            (
                "roles".into(),
                t.roles
                    .clone()
                    .map_or(Cell::None, |r| Cell::Raw(serde_json::Value::Array(r))),
            ),
            ("trustee_user_id".into(), s(&t.trustee_user_id)),
            ("trustor_user_id".into(), s(&t.trustor_user_id)),
        ],
    }
}

/// A user (optionally in a domain) as `CreateTrust`/`ListTrust` look it up: a 403 keeps the
/// input as the ID.
pub fn user_id(ctx: &mut Context, user: &str, domain: Option<&str>) -> Result<String, CliError> {
    let found = (|| {
        let domain_id = match domain {
            Some(d) => Some(id_of(&find_domain(ctx, d)?)),
            None => None,
        };
        find_user(ctx, user, domain_id.as_deref())
    })();
    forbidden_is_input(found, user)
}

/// The project of `CreateTrust`, same 403 rule.
pub fn project_id(
    ctx: &mut Context,
    project: &str,
    domain: Option<&str>,
) -> Result<String, CliError> {
    let found = (|| {
        let domain_id = match domain {
            Some(d) => Some(id_of(&find_domain(ctx, d)?)),
            None => None,
        };
        find_project(ctx, project, domain_id.as_deref())
    })();
    forbidden_is_input(found, project)
}

fn forbidden_is_input(
    found: Result<serde_json::Value, CliError>,
    input: &str,
) -> Result<String, CliError> {
    match found {
        Ok(v) => Ok(id_of(&v)),
        Err(CliError::Message(m)) if m.starts_with("ForbiddenException") => Ok(input.to_string()),
        Err(e) => Err(e),
    }
}

/// openstacksdk `find_trust(name_or_id, ignore_missing=False)`.
pub fn find_trust(ctx: &mut Context, id: &str) -> Result<Trust, CliError> {
    let session = ctx.session()?;
    match ctx.block_on(TRUSTS.find(&session, id, &[]))? {
        Ok(Lookup::Found(v)) => {
            serde_json::from_value(v).map_err(|e| CliError::Message(format!("invalid trust: {e}")))
        }
        Ok(Lookup::NotFound) => Err(CliError::Message(format!("No Trust found for {id}"))),
        Ok(Lookup::Ambiguous(_)) => Err(CliError::Message(format!(
            "More than one Trust exists with the name '{id}'."
        ))),
        Err(e) => Err(crate::commands::identity::common::sdk_error(e, None)),
    }
}

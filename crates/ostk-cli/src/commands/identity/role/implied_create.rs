//! `implied role create` (openstackclient/identity/v3/implied_role.py CreateImpliedRole).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::Identity;
use serde_json::Value;

/// Creates an association between prior and implied roles
#[derive(clap::Args, Debug)]
pub struct CreateImpliedRole {
    /// Role (name or ID) that implies another role
    #[arg(value_name = "<role>")]
    role: String,
    /// <role> (name or ID) implied by another role
    #[arg(long, value_name = "<role>", required = true)]
    implied_role: String,
}

/// `_get_role_ids`: scans every role; unknown ones stay `None` (and keystone then answers
/// `Could not find role: None.`, as it does for OSC).
pub fn role_ids(
    ctx: &mut Context,
    role: &str,
    implied: &str,
) -> Result<(String, String), CliError> {
    let session = ctx.session()?;
    let roles = ctx.block_on(Identity::new(&session).roles(None))??;
    let (mut prior_id, mut implied_id) = (None, None);
    for r in roles {
        let hit = |x: &str| r.name.as_deref() == Some(x) || r.id == x;
        if hit(role) {
            prior_id = Some(r.id.clone());
        } else if hit(implied) {
            implied_id = Some(r.id.clone());
        }
    }
    let none = || "None".to_string();
    Ok((
        prior_id.unwrap_or_else(none),
        implied_id.unwrap_or_else(none),
    ))
}

impl Command for CreateImpliedRole {
    const WORDS: &'static str = "implied role create";
    const ABOUT: &'static str = "Creates an association between prior and implied roles";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (prior, implied) = role_ids(ctx, &self.role, &self.implied_role)?;
        let session = ctx.session()?;
        let rule = ctx.block_on(Identity::new(&session).imply_role(&prior, &implied, true))??;
        let id = |v: Option<&Value>| {
            Cell::from_json(v.and_then(|v| v.get("id")).cloned().unwrap_or(Value::Null))
        };
        let mut fields = Vec::new();
        if let Some(rule) = rule {
            fields.push(("implies".to_string(), id(Some(&rule.implies))));
            let prior = Value::Object(rule.prior_role);
            fields.push(("prior_role".to_string(), id(Some(&prior))));
        }
        Ok(Output::One(Record { fields }))
    }
}

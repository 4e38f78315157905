//! `access rule delete` (openstackclient/identity/v3/access_rule.py DeleteAccessRule).

use super::{get_access_rule, session_user};
use crate::commands::identity::{batch::delete_each, common::sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete access rule(s)
#[derive(clap::Args, Debug)]
pub struct DeleteAccessRule {
    /// Access rule ID(s) to delete
    #[arg(value_name = "<access-rule>", required = true, num_args = 1..)]
    access_rule: Vec<String>,
}

impl Command for DeleteAccessRule {
    const WORDS: &'static str = "access rule delete";
    const ABOUT: &'static str = "Delete access rule(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = session_user(ctx)?;
        delete_each(
            ctx,
            &self.access_rule,
            "access rules",
            |i, e| format!("Failed to delete access rule with ID '{i}': {e}"),
            |ctx, i| {
                let r = get_access_rule(ctx, &user, i)?;
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_access_rule(&user, &r.id))?
                    .map_err(|e| sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}

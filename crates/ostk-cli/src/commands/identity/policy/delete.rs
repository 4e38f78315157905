//! `policy delete` (openstackclient/identity/v3/policy.py DeletePolicy).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete policy(s)
#[derive(clap::Args, Debug)]
pub struct DeletePolicy {
    /// Policy(s) to delete
    #[arg(value_name = "<policy>", required = true, num_args = 1..)]
    policy: Vec<String>,
}

impl Command for DeletePolicy {
    const WORDS: &'static str = "policy delete";
    const ABOUT: &'static str = "Delete policy(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        super::super::batch::delete_each(
            ctx,
            &self.policy,
            "policies",
            |i, e| format!("Failed to delete policy with name or ID '{i}': {e}"),
            |ctx, i| {
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_policy(i))?
                    .map_err(|e| super::super::common::sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}

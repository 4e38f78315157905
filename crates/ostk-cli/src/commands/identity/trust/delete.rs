//! `trust delete` (openstackclient/identity/v3/trust.py DeleteTrust).

use super::find_trust;
use crate::commands::identity::{batch::delete_each, common::sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete trust(s)
#[derive(clap::Args, Debug)]
pub struct DeleteTrust {
    /// Trust(s) to delete
    #[arg(value_name = "<trust>", required = true, num_args = 1..)]
    trust: Vec<String>,
}

impl Command for DeleteTrust {
    const WORDS: &'static str = "trust delete";
    const ABOUT: &'static str = "Delete trust(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        delete_each(
            ctx,
            &self.trust,
            "trusts",
            |i, e| format!("Failed to delete trust with name or ID '{i}': {e}"),
            |ctx, i| {
                let t = find_trust(ctx, i)?;
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_trust(&t.id))?
                    .map_err(|e| sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}

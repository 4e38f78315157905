//! `registered limit delete` (openstackclient/identity/v3/registered_limit.py
//! DeleteRegisteredLimit).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete a registered limit
#[derive(clap::Args, Debug)]
pub struct DeleteRegisteredLimit {
    /// Registered limit(s) to delete (ID) (repeat option to remove multiple registered limits)
    #[arg(value_name = "<registered-limits>", required = true, num_args = 1..)]
    registered_limits: Vec<String>,
}

impl Command for DeleteRegisteredLimit {
    const WORDS: &'static str = "registered limit delete";
    const ABOUT: &'static str = "Delete a registered limit";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        super::super::batch::delete_each(
            ctx,
            &self.registered_limits,
            "registered limits",
            |i, e| format!("Failed to delete registered limit with ID '{i}': {e}"),
            |ctx, i| {
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_registered_limit(i))?
                    .map_err(|e| super::super::common::sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}

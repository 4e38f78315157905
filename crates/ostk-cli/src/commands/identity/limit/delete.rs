//! `limit delete` (openstackclient/identity/v3/limit.py DeleteLimit).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete a limit
#[derive(clap::Args, Debug)]
pub struct DeleteLimit {
    /// Limit to delete (ID) (repeat option to remove multiple limits)
    #[arg(value_name = "<limit-id>", required = true, num_args = 1..)]
    limit_id: Vec<String>,
}

impl Command for DeleteLimit {
    const WORDS: &'static str = "limit delete";
    const ABOUT: &'static str = "Delete a limit";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        super::super::batch::delete_each(
            ctx,
            &self.limit_id,
            "limits",
            |i, e| format!("Failed to delete limit with ID '{i}': {e}"),
            |ctx, i| {
                let session = ctx.session()?;
                // openstacksdk's delete_limit ignores a missing limit (ignore_missing=True).
                match ctx.block_on(Identity::new(&session).delete_limit(i))? {
                    Err(e) if e.status() == Some(404) => Ok(()),
                    r => r.map_err(|e| super::super::common::sdk_error(e, None)),
                }
            },
        )?;
        Ok(Output::None)
    }
}

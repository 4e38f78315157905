//! `region delete` (openstackclient/identity/v3/region.py DeleteRegion).

use crate::commands::identity::{batch::delete_each, common::sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::region::REGIONS;

/// Delete region(s)
#[derive(clap::Args, Debug)]
pub struct DeleteRegion {
    /// Region ID(s) to delete
    #[arg(value_name = "<region-id>", required = true, num_args = 1..)]
    region: Vec<String>,
}

impl Command for DeleteRegion {
    const WORDS: &'static str = "region delete";
    const ABOUT: &'static str = "Delete region(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        delete_each(
            ctx,
            &self.region,
            "regions",
            |i, e| format!("Failed to delete region with ID '{i}': {e}"),
            |ctx, i| {
                let session = ctx.session()?;
                // openstacksdk's delete_region ignores a missing region.
                match ctx.block_on(REGIONS.delete(&session, i))? {
                    Err(e) if e.status() != Some(404) => Err(sdk_error(e, None)),
                    _ => Ok(()),
                }
            },
        )?;
        Ok(Output::None)
    }
}

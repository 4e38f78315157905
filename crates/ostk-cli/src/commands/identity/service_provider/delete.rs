//! `service provider delete` (openstackclient/identity/v3/service_provider.py
//! DeleteServiceProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete service provider(s)
#[derive(clap::Args, Debug)]
pub struct DeleteServiceProvider {
    /// Service provider(s) to delete
    #[arg(value_name = "<service-provider>", required = true, num_args = 1..)]
    service_provider: Vec<String>,
}

impl Command for DeleteServiceProvider {
    const WORDS: &'static str = "service provider delete";
    const ABOUT: &'static str = "Delete service provider(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        super::super::batch::delete_each(
            ctx,
            &self.service_provider,
            "service providers",
            |i, e| format!("Failed to delete service provider with name or ID '{i}': {e}"),
            |ctx, i| {
                let session = ctx.session()?;
                // openstacksdk's delete ignores a missing provider (ignore_missing=True).
                match ctx.block_on(Identity::new(&session).delete_service_provider(i))? {
                    Err(e) if e.status() == Some(404) => Ok(()),
                    r => r.map_err(|e| super::super::common::sdk_error(e, None)),
                }
            },
        )?;
        Ok(Output::None)
    }
}

//! `endpoint delete` (openstackclient/identity/v3/endpoint.py DeleteEndpoint).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete endpoint(s)
#[derive(clap::Args, Debug)]
pub struct DeleteEndpoint {
    /// Endpoint(s) to delete (ID only)
    #[arg(value_name = "<endpoint-id>", required = true, num_args = 1..)]
    endpoint: Vec<String>,
}

impl Command for DeleteEndpoint {
    const WORDS: &'static str = "endpoint delete";
    const ABOUT: &'static str = "Delete endpoint(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        super::super::batch::delete_each(
            ctx,
            &self.endpoint,
            "endpoints",
            |i, e| format!("Failed to delete endpoint with ID '{i}': {e}"),
            |ctx, i| {
                let ep = super::find_endpoint(ctx, i)?;
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_endpoint(&ep.id))?
                    .map_err(|e| super::super::common::sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}

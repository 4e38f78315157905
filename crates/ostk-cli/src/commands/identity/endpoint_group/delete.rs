//! `endpoint group delete` (openstackclient/identity/v3/endpoint_group.py DeleteEndpointGroup).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete endpoint group(s)
#[derive(clap::Args, Debug)]
pub struct DeleteEndpointGroup {
    /// Endpoint group(s) to delete (name or ID)
    #[arg(value_name = "<endpoint-group>", required = true, num_args = 1..)]
    endpointgroup: Vec<String>,
}

impl Command for DeleteEndpointGroup {
    const WORDS: &'static str = "endpoint group delete";
    const ABOUT: &'static str = "Delete endpoint group(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        super::super::batch::delete_each(
            ctx,
            &self.endpointgroup,
            "endpointgroups",
            |i, e| format!("Failed to delete endpoint group with ID '{i}': {e}"),
            |ctx, i| {
                let g = super::find_group(ctx, i)?;
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_endpoint_group(&g.id))?
                    .map_err(|e| super::super::common::sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}

//! `service delete` (openstackclient/identity/v3/service.py DeleteService).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete service(s)
#[derive(clap::Args, Debug)]
pub struct DeleteService {
    /// Service(s) to delete (type, name or ID)
    #[arg(value_name = "<service>", required = true, num_args = 1..)]
    service: Vec<String>,
}

impl Command for DeleteService {
    const WORDS: &'static str = "service delete";
    const ABOUT: &'static str = "Delete service(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        super::super::batch::delete_each(
            ctx,
            &self.service,
            "services",
            // sic: OSC says "consumer"
            |i, e| format!("Failed to delete consumer with type, name or ID '{i}': {e}"),
            |ctx, i| {
                let s = super::find_service(ctx, i)?;
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_service(&s.id))?
                    .map_err(|e| super::super::common::sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}

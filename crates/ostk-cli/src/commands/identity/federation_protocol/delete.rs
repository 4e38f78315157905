//! `federation protocol delete` (openstackclient/identity/v3/federation_protocol.py
//! DeleteProtocol).

use super::IDP_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete federation protocol(s)
#[derive(clap::Args, Debug)]
pub struct DeleteProtocol {
    /// Federation protocol(s) to delete (name or ID)
    #[arg(value_name = "<federation-protocol>", required = true, num_args = 1..)]
    federation_protocol: Vec<String>,
    #[arg(long, value_name = "<identity-provider>", required = true, help = IDP_HELP)]
    identity_provider: String,
}

impl Command for DeleteProtocol {
    const WORDS: &'static str = "federation protocol delete";
    const ABOUT: &'static str = "Delete federation protocol(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let idp = self.identity_provider.clone();
        super::super::batch::delete_each(
            ctx,
            &self.federation_protocol,
            "federation protocols",
            |i, e| format!("Failed to delete federation protocol with name or ID '{i}': {e}"),
            |ctx, i| {
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_federation_protocol(&idp, i))?
                    .map_err(|e| super::super::common::sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}

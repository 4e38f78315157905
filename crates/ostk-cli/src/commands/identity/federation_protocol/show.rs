//! `federation protocol show` (openstackclient/identity/v3/federation_protocol.py
//! ShowProtocol).

use super::IDP_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Display federation protocol details
#[derive(clap::Args, Debug)]
pub struct ShowProtocol {
    /// Federation protocol to display (name or ID)
    #[arg(value_name = "<federation-protocol>")]
    federation_protocol: String,
    #[arg(long, value_name = "<identity-provider>", required = true, help = IDP_HELP)]
    identity_provider: String,
}

impl Command for ShowProtocol {
    const WORDS: &'static str = "federation protocol show";
    const ABOUT: &'static str = "Display federation protocol details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let msg = format!(
            "No FederationProtocol found for {}",
            self.federation_protocol
        );
        let p = ctx
            .block_on(
                Identity::new(&session)
                    .get_federation_protocol(&self.identity_provider, &self.federation_protocol),
            )?
            .map_err(|e| super::super::common::sdk_error(e, Some(&msg)))?;
        Ok(Output::One(super::protocol_record(&p)))
    }
}

//! `identity provider show` (openstackclient/identity/v3/identity_provider.py
//! ShowIdentityProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Display identity provider details
#[derive(clap::Args, Debug)]
pub struct ShowIdentityProvider {
    /// Identity provider to display
    #[arg(value_name = "<identity-provider>")]
    identity_provider: String,
}

impl Command for ShowIdentityProvider {
    const WORDS: &'static str = "identity provider show";
    const ABOUT: &'static str = "Display identity provider details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let msg = format!("No IdentityProvider found for {}", self.identity_provider);
        let idp = ctx
            .block_on(Identity::new(&session).get_identity_provider(&self.identity_provider))?
            .map_err(|e| super::super::common::sdk_error(e, Some(&msg)))?;
        Ok(Output::One(super::idp_record(&idp)))
    }
}

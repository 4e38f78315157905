//! `token revoke` (openstackclient/identity/v3/token.py RevokeToken). Also drops the token
//! from ostk's token cache.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Revoke existing token
#[derive(clap::Args, Debug)]
pub struct RevokeToken {
    /// Token to be deleted
    #[arg(value_name = "<token>")]
    token: String,
}

impl Command for RevokeToken {
    const WORDS: &'static str = "token revoke";
    const ABOUT: &'static str = "Revoke existing token";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).revoke_token(&self.token))??;
        Ok(Output::None)
    }
}

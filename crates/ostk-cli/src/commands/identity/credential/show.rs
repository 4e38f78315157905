//! `credential show` (openstackclient/identity/v3/credential.py ShowCredential).

use super::credential_record;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Display credential details
#[derive(clap::Args, Debug)]
pub struct ShowCredential {
    /// ID of credential to display
    #[arg(value_name = "<credential-id>")]
    credential: String,
}

impl Command for ShowCredential {
    const WORDS: &'static str = "credential show";
    const ABOUT: &'static str = "Display credential details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let c = ctx
            .block_on(Identity::new(&session).credential(&self.credential))?
            .map_err(|e| {
                let msg = format!("No Credential found for {}", self.credential);
                let not_found = e.status() == Some(404);
                sdk_error(e, not_found.then_some(msg.as_str()))
            })?;
        Ok(Output::One(credential_record(&c)))
    }
}

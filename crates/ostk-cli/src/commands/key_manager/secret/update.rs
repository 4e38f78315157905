//! `secret update` (barbicanclient/barbican_cli/v1/secrets.py UpdateSecret).

use crate::commands::key_manager::{EPILOG, barbican_error, uuid_of};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::key_manager::KeyManager;

/// Update a secret with no payload in Barbican.
#[derive(clap::Args, Debug)]
pub struct UpdateSecret {
    /// The URI reference for the secret.
    #[arg(value_name = "URI", verbatim_doc_comment)]
    uri: String,
    /// the unencrypted secret
    #[arg(value_name = "payload")]
    payload: String,
}

impl Command for UpdateSecret {
    const WORDS: &'static str = "secret update";
    const ABOUT: &'static str = "Update a secret with no payload in Barbican.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = EPILOG;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let uuid = uuid_of(&self.uri, "Secret")?;
        if self.payload.is_empty() {
            return Err(CliError::Message("Invalid or Missing Payload".into()));
        }
        let session = ctx.session()?;
        ctx.block_on(KeyManager::new(&session).update_secret(
            &uuid,
            self.payload.into_bytes(),
            "text/plain",
        ))?
        .map_err(barbican_error)?;
        Ok(Output::None)
    }
}

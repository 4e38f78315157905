//! `secret delete` (barbicanclient/barbican_cli/v1/secrets.py DeleteSecret).

use crate::commands::key_manager::{EPILOG, barbican_error, uuid_of};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::key_manager::KeyManager;

/// Delete a secret by providing its URI.
#[derive(clap::Args, Debug)]
pub struct DeleteSecret {
    /// The URI reference for the secret
    #[arg(value_name = "URI")]
    uri: String,
    /// if specified, forces the deletion of secrets that have consumers.
    #[arg(long, visible_short_alias = 'f', verbatim_doc_comment)]
    force: bool,
}

impl Command for DeleteSecret {
    const WORDS: &'static str = "secret delete";
    const ABOUT: &'static str = "Delete a secret by providing its URI.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = EPILOG;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let uuid = uuid_of(&self.uri, "Secret")?;
        let session = ctx.session()?;
        ctx.block_on(KeyManager::new(&session).delete_secret(&uuid, self.force))?
            .map_err(barbican_error)?;
        Ok(Output::None)
    }
}

//! `secret container delete` (barbicanclient/barbican_cli/v1/containers.py DeleteContainer).

use crate::commands::key_manager::{EPILOG, barbican_error, uuid_of};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::key_manager::KeyManager;

/// Delete a container by providing its href.
#[derive(clap::Args, Debug)]
pub struct DeleteContainer {
    /// The URI reference for the container
    #[arg(value_name = "URI")]
    uri: String,
}

impl Command for DeleteContainer {
    const WORDS: &'static str = "secret container delete";
    const ABOUT: &'static str = "Delete a container by providing its href.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = EPILOG;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let uuid = uuid_of(&self.uri, "Container")?;
        let session = ctx.session()?;
        ctx.block_on(KeyManager::new(&session).delete_container(&uuid))?
            .map_err(barbican_error)?;
        Ok(Output::None)
    }
}

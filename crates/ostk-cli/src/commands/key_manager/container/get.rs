//! `secret container get` (barbicanclient/barbican_cli/v1/containers.py GetContainer).

use super::{cells, record};
use crate::commands::key_manager::{EPILOG, barbican_error, uuid_of};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::key_manager::KeyManager;

/// Retrieve a container by providing its URI.
#[derive(clap::Args, Debug)]
pub struct GetContainer {
    /// The URI reference for the container.
    #[arg(value_name = "URI", verbatim_doc_comment)]
    uri: String,
}

impl Command for GetContainer {
    const WORDS: &'static str = "secret container get";
    const ABOUT: &'static str = "Retrieve a container by providing its URI.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = EPILOG;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let uuid = uuid_of(&self.uri, "Container")?;
        let session = ctx.session()?;
        let c = ctx
            .block_on(KeyManager::new(&session).container(&uuid))?
            .map_err(barbican_error)?;
        Ok(Output::One(record(cells(&c))))
    }
}

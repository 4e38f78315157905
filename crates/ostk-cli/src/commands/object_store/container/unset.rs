//! `container unset` (openstackclient/object/v1/container.py UnsetContainer).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::object_store::{ObjectStore, remove_metadata_headers};

/// Unset container properties
#[derive(clap::Args, Debug)]
pub struct UnsetContainer {
    /// Container to modify
    #[arg(value_name = "<container>")]
    container: String,
    /// Property to remove from container (repeat option to remove multiple properties)
    #[arg(long, value_name = "<key>", required = true, action = clap::ArgAction::Append)]
    property: Vec<String>,
}

impl Command for UnsetContainer {
    const WORDS: &'static str = "container unset";
    const ABOUT: &'static str = "Unset container properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let headers = remove_metadata_headers("Container", &self.property);
        if !headers.is_empty() {
            let session = ctx.session()?;
            ctx.block_on(ObjectStore::new(&session).post_container(&self.container, &headers))??;
        }
        Ok(Output::None)
    }
}

//! `container set` (openstackclient/object/v1/container.py SetContainer).

use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::object_store::{ObjectStore, set_metadata_headers};

/// Set container properties
#[derive(clap::Args, Debug)]
pub struct SetContainer {
    /// Container to modify
    #[arg(value_name = "<container>")]
    container: String,
    /// Set a property on this container (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", required = true, value_parser = parse_key_value, action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
}

impl Command for SetContainer {
    const WORDS: &'static str = "container set";
    const ABOUT: &'static str = "Set container properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let headers = set_metadata_headers("Container", &self.property);
        if !headers.is_empty() {
            let session = ctx.session()?;
            ctx.block_on(ObjectStore::new(&session).post_container(&self.container, &headers))??;
        }
        Ok(Output::None)
    }
}

//! `object set` (openstackclient/object/v1/object.py SetObject).

use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::object_store::{ObjectStore, set_metadata_headers};

/// Set object properties
#[derive(clap::Args, Debug)]
pub struct SetObject {
    /// Modify <object> from <container>
    #[arg(value_name = "<container>")]
    container: String,
    /// Object to modify
    #[arg(value_name = "<object>")]
    object: String,
    /// Set a property on this object (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", required = true, value_parser = parse_key_value, action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
}

impl Command for SetObject {
    const WORDS: &'static str = "object set";
    const ABOUT: &'static str = "Set object properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let headers = set_metadata_headers("Object", &self.property);
        if !headers.is_empty() {
            let session = ctx.session()?;
            ctx.block_on(ObjectStore::new(&session).post_object(
                &self.container,
                &self.object,
                &headers,
            ))??;
        }
        Ok(Output::None)
    }
}

//! `object unset` (openstackclient/object/v1/object.py UnsetObject).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::object_store::{ObjectStore, remove_metadata_headers};

/// Unset object properties
#[derive(clap::Args, Debug)]
pub struct UnsetObject {
    /// Modify <object> from <container>
    #[arg(value_name = "<container>")]
    container: String,
    /// Object to modify
    #[arg(value_name = "<object>")]
    object: String,
    /// Property to remove from object (repeat option to remove multiple properties)
    #[arg(long, value_name = "<key>", required = true, action = clap::ArgAction::Append)]
    property: Vec<String>,
}

impl Command for UnsetObject {
    const WORDS: &'static str = "object unset";
    const ABOUT: &'static str = "Unset object properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let headers = remove_metadata_headers("Object", &self.property);
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

//! `object store account set` (openstackclient/object/v1/account.py SetAccount).

use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::object_store::{ObjectStore, set_metadata_headers};

/// Set account properties
#[derive(clap::Args, Debug)]
pub struct SetAccount {
    /// Set a property on this account (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", required = true, value_parser = parse_key_value, action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
}

impl Command for SetAccount {
    const WORDS: &'static str = "object store account set";
    const ABOUT: &'static str = "Set account properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let headers = set_metadata_headers("Account", &self.property);
        if !headers.is_empty() {
            let session = ctx.session()?;
            ctx.block_on(ObjectStore::new(&session).post_account(&headers))??;
        }
        Ok(Output::None)
    }
}

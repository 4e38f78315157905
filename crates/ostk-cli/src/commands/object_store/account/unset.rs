//! `object store account unset` (openstackclient/object/v1/account.py UnsetAccount).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::object_store::{ObjectStore, remove_metadata_headers};

/// Unset account properties
#[derive(clap::Args, Debug)]
pub struct UnsetAccount {
    /// Property to remove from account (repeat option to remove multiple properties)
    #[arg(long, value_name = "<key>", required = true, action = clap::ArgAction::Append)]
    property: Vec<String>,
}

impl Command for UnsetAccount {
    const WORDS: &'static str = "object store account unset";
    const ABOUT: &'static str = "Unset account properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let headers = remove_metadata_headers("Account", &self.property);
        if !headers.is_empty() {
            let session = ctx.session()?;
            ctx.block_on(ObjectStore::new(&session).post_account(&headers))??;
        }
        Ok(Output::None)
    }
}

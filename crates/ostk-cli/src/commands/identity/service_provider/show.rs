//! `service provider show` (openstackclient/identity/v3/service_provider.py
//! ShowServiceProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{Identity, service::Found};

/// Display service provider details
#[derive(clap::Args, Debug)]
pub struct ShowServiceProvider {
    /// Service provider to display
    #[arg(value_name = "<service-provider>")]
    service_provider: String,
}

impl Command for ShowServiceProvider {
    const WORDS: &'static str = "service provider show";
    const ABOUT: &'static str = "Display service provider details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let name = &self.service_provider;
        match ctx.block_on(Identity::new(&session).find_service_provider(name))? {
            Ok(Found::One(sp)) => Ok(Output::One(super::sp_record(&sp))),
            Ok(Found::None) => Err(CliError::Message(format!(
                "No ServiceProvider found for {name}"
            ))),
            Ok(Found::Many(_)) => Err(CliError::Message(format!(
                "More than one ServiceProvider exists with the name '{name}'."
            ))),
            Err(e) => Err(super::super::common::sdk_error(e, None)),
        }
    }
}

//! `registered limit show` (openstackclient/identity/v3/registered_limit.py
//! ShowRegisteredLimit).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Display registered limit details
#[derive(clap::Args, Debug)]
pub struct ShowRegisteredLimit {
    /// Registered limit to display (ID)
    #[arg(value_name = "<registered-limit-id>")]
    registered_limit_id: String,
}

impl Command for ShowRegisteredLimit {
    const WORDS: &'static str = "registered limit show";
    const ABOUT: &'static str = "Display registered limit details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let msg = format!("No RegisteredLimit found for {}", self.registered_limit_id);
        let l = ctx
            .block_on(Identity::new(&session).get_registered_limit(&self.registered_limit_id))?
            .map_err(|e| super::super::common::sdk_error(e, Some(&msg)))?;
        Ok(Output::One(super::registered_limit_record(&l)))
    }
}

//! `limit show` (openstackclient/identity/v3/limit.py ShowLimit).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Display limit details
#[derive(clap::Args, Debug)]
pub struct ShowLimit {
    /// Limit to display (ID)
    #[arg(value_name = "<limit-id>")]
    limit_id: String,
}

impl Command for ShowLimit {
    const WORDS: &'static str = "limit show";
    const ABOUT: &'static str = "Display limit details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let msg = format!("No Limit found for {}", self.limit_id);
        let l = ctx
            .block_on(Identity::new(&session).get_limit(&self.limit_id))?
            .map_err(|e| super::super::common::sdk_error(e, Some(&msg)))?;
        Ok(Output::One(super::limit_record(&l)))
    }
}

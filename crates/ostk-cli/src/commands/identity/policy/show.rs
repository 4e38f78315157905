//! `policy show` (openstackclient/identity/v3/policy.py ShowPolicy).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Display policy details
#[derive(clap::Args, Debug)]
pub struct ShowPolicy {
    /// Policy to display
    #[arg(value_name = "<policy>")]
    policy: String,
}

impl Command for ShowPolicy {
    const WORDS: &'static str = "policy show";
    const ABOUT: &'static str = "Display policy details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let msg = format!("No Policy found for {}", self.policy);
        let p = ctx
            .block_on(Identity::new(&session).get_policy(&self.policy))?
            .map_err(|e| super::super::common::sdk_error(e, Some(&msg)))?;
        Ok(Output::One(super::policy_record(&p)))
    }
}

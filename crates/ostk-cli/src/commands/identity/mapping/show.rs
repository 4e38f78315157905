//! `mapping show` (openstackclient/identity/v3/mapping.py ShowMapping).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Display mapping details
#[derive(clap::Args, Debug)]
pub struct ShowMapping {
    /// Mapping to display
    #[arg(value_name = "<mapping>")]
    mapping: String,
}

impl Command for ShowMapping {
    const WORDS: &'static str = "mapping show";
    const ABOUT: &'static str = "Display mapping details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let msg = format!("No Mapping found for {}", self.mapping);
        let m = ctx
            .block_on(Identity::new(&session).get_mapping(&self.mapping))?
            .map_err(|e| super::super::common::sdk_error(e, Some(&msg)))?;
        Ok(Output::One(super::mapping_record(&m)))
    }
}

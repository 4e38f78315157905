//! `region show` (openstackclient/identity/v3/region.py ShowRegion).

use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::region::REGIONS;

/// Display region details
#[derive(clap::Args, Debug)]
pub struct ShowRegion {
    /// Region to display
    #[arg(value_name = "<region-id>")]
    region: String,
}

impl Command for ShowRegion {
    const WORDS: &'static str = "region show";
    const ABOUT: &'static str = "Display region details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let r = ctx
            .block_on(REGIONS.get(&session, &self.region))?
            .map_err(|e| sdk_error(e, Some(&format!("No Region found for {}", self.region))))?;
        Ok(Output::One(super::region_record(&r)))
    }
}

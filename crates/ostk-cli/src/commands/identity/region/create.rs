//! `region create` (openstackclient/identity/v3/region.py CreateRegion).

use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::region::REGIONS;
use serde_json::{Map, Value, json};

/// Create new region
#[derive(clap::Args, Debug)]
pub struct CreateRegion {
    /// New region ID
    #[arg(value_name = "<region-id>")]
    region: String,
    /// Parent region ID
    #[arg(long, value_name = "<region-id>")]
    parent_region: Option<String>,
    /// New region description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
}

impl Command for CreateRegion {
    const WORDS: &'static str = "region create";
    const ABOUT: &'static str = "Create new region";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // openstacksdk sends every attribute it was given, None included.
        let attrs: Map<String, Value> = Map::from_iter([
            ("id".to_string(), json!(self.region)),
            ("parent_region_id".to_string(), json!(self.parent_region)),
            ("description".to_string(), json!(self.description)),
        ]);
        let session = ctx.session()?;
        let r = ctx
            .block_on(REGIONS.create(&session, attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::One(super::region_record(&r)))
    }
}

//! `region set` (openstackclient/identity/v3/region.py SetRegion).

use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::region::REGIONS;
use serde_json::{Map, json};

/// Set region properties
#[derive(clap::Args, Debug)]
pub struct SetRegion {
    /// Region to modify
    #[arg(value_name = "<region-id>")]
    region: String,
    /// New parent region ID
    #[arg(long, value_name = "<region-id>")]
    parent_region: Option<String>,
    /// New region description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
}

impl Command for SetRegion {
    const WORDS: &'static str = "region set";
    const ABOUT: &'static str = "Set region properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if let Some(d) = self.description.filter(|s| !s.is_empty()) {
            attrs.insert("description".into(), json!(d));
        }
        if let Some(p) = self.parent_region.filter(|s| !s.is_empty()) {
            attrs.insert("parent_region_id".into(), json!(p));
        }
        let session = ctx.session()?;
        ctx.block_on(REGIONS.update(&session, &self.region, attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

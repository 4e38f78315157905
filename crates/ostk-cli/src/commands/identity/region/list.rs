//! `region list` (openstackclient/identity/v3/region.py ListRegion).

use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::region::REGIONS;
use serde_json::Value;

/// List regions
#[derive(clap::Args, Debug)]
pub struct ListRegion {
    /// Filter by parent region ID
    #[arg(long, value_name = "<region-id>")]
    parent_region: Option<String>,
}

impl Command for ListRegion {
    const WORDS: &'static str = "region list";
    const ABOUT: &'static str = "List regions";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query = Vec::new();
        if let Some(p) = self.parent_region.filter(|p| !p.is_empty()) {
            query.push(("parent_region_id", p));
        }
        let session = ctx.session()?;
        let items = ctx
            .block_on(REGIONS.list(&session, &query))?
            .map_err(|e| sdk_error(e, None))?;
        let rows = items
            .iter()
            .map(|r| {
                ["id", "parent_region_id", "description"]
                    .iter()
                    .map(|k| Cell::from_json(r.get(*k).cloned().unwrap_or(Value::Null)))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: vec![
                "Region".into(),
                "Parent Region".into(),
                "Description".into(),
            ],
            rows,
        }))
    }
}

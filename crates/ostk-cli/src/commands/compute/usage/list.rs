//! `usage list` (openstackclient/compute/v2/usage.py ListUsage).

use super::Range;
use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::compute::usage;
use ostk_sdk::identity::project::PROJECTS;
use std::collections::HashMap;

/// List resource usage per project
#[derive(clap::Args, Debug)]
pub struct ListUsage {
    /// Usage range start date, ex 2012-01-20 (default: 4 weeks ago)
    #[arg(long, value_name = "<start>")]
    start: Option<String>,
    /// Usage range end date, ex 2012-01-20 (default: tomorrow)
    #[arg(long, value_name = "<end>")]
    end: Option<String>,
}

impl Command for ListUsage {
    const WORDS: &'static str = "usage list";
    const ABOUT: &'static str = "List resource usage per project";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let range = Range::new(self.start.as_deref(), self.end.as_deref())?;
        let session = ctx.session()?;
        let items = ctx
            .block_on(usage::list(&session, &range.start, &range.end))?
            .map_err(sdk)?;
        // Project names for the table; any trouble just leaves the IDs.
        let names: HashMap<String, String> = ctx
            .block_on(PROJECTS.list(&session, &[]))?
            .unwrap_or_default()
            .iter()
            .filter_map(|p| {
                Some((
                    p.get("id")?.as_str()?.to_string(),
                    p.get("name")?.as_str()?.to_string(),
                ))
            })
            .collect();
        let mut missing = false;
        let rows = items
            .iter()
            .map(|u| {
                let (row, m) = super::cells(u, |id| {
                    names.get(id).cloned().unwrap_or_else(|| id.to_string())
                });
                missing |= m;
                row
            })
            .collect();
        let listing = Output::List(Listing {
            columns: super::COLUMNS.map(String::from).to_vec(),
            rows,
        });
        let note = if items.is_empty() {
            String::new()
        } else {
            format!("Usage from {} to {}: \n", range.start_day, range.end_day)
        };
        Ok(Output::ForTable {
            note,
            table_error: missing.then(|| super::NONE_FORMAT.to_string()),
            rest: Box::new(listing),
        })
    }
}

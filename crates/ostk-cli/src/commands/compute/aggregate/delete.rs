//! `aggregate delete` (openstackclient/compute/v2/aggregate.py DeleteAggregate).

use crate::commands::common::bulk;
use crate::commands::compute::common::{found, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::aggregate;

/// Delete existing aggregate(s)
#[derive(clap::Args, Debug)]
pub struct DeleteAggregate {
    /// Aggregate(s) to delete (name or ID)
    #[arg(value_name = "<aggregate>", required = true, num_args = 1..)]
    aggregates: Vec<String>,
}

impl Command for DeleteAggregate {
    const WORDS: &'static str = "aggregate delete";
    const ABOUT: &'static str = "Delete existing aggregate(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let results = bulk::each(ctx, &self.aggregates, |s, name| async move {
            let a = found(aggregate::find(&s, &name).await, "Aggregate", &name)?;
            aggregate::AGGREGATES
                .delete(&s, &super::id(&a))
                .await
                .map_err(sdk)
        })?;
        bulk::summarize(&self.aggregates, results, "aggregates", |i, e| {
            format!("Failed to delete aggregate with name or ID '{i}': {e}")
        })?;
        Ok(Output::None)
    }
}

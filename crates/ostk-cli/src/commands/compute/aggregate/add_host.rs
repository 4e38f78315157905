//! `aggregate add host` (openstackclient/compute/v2/aggregate.py AddAggregateHost).

use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::aggregate;
use serde_json::json;

/// Add host to aggregate
#[derive(clap::Args, Debug)]
pub struct AddAggregateHost {
    /// Aggregate (name or ID)
    #[arg(value_name = "<aggregate>")]
    aggregate: String,
    /// Host to add to <aggregate>
    #[arg(value_name = "<host>")]
    host: String,
}

impl Command for AddAggregateHost {
    const WORDS: &'static str = "aggregate add host";
    const ABOUT: &'static str = "Add host to aggregate";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = super::find(ctx, &self.aggregate)?;
        let session = ctx.session()?;
        let body = json!({ "add_host": { "host": self.host } });
        let a = ctx
            .block_on(aggregate::action(&session, &super::id(&a), body))?
            .map_err(sdk)?;
        Ok(Output::One(super::record(&a, super::metadata(&a))))
    }
}

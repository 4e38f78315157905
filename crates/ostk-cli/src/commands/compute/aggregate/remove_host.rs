//! `aggregate remove host` (openstackclient/compute/v2/aggregate.py RemoveAggregateHost).

use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::aggregate;
use serde_json::json;

/// Remove host from aggregate
#[derive(clap::Args, Debug)]
pub struct RemoveAggregateHost {
    /// Aggregate (name or ID)
    #[arg(value_name = "<aggregate>")]
    aggregate: String,
    /// Host to remove from <aggregate>
    #[arg(value_name = "<host>")]
    host: String,
}

impl Command for RemoveAggregateHost {
    const WORDS: &'static str = "aggregate remove host";
    const ABOUT: &'static str = "Remove host from aggregate";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = super::find(ctx, &self.aggregate)?;
        let session = ctx.session()?;
        let body = json!({ "remove_host": { "host": self.host } });
        let a = ctx
            .block_on(aggregate::action(&session, &super::id(&a), body))?
            .map_err(sdk)?;
        Ok(Output::One(super::record(&a, super::metadata(&a))))
    }
}

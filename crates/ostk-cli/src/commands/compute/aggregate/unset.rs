//! `aggregate unset` (openstackclient/compute/v2/aggregate.py UnsetAggregate).

use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::compute::aggregate;
use serde_json::{Map, Value, json};

/// Unset aggregate properties
#[derive(clap::Args, Debug)]
pub struct UnsetAggregate {
    /// Aggregate to modify (name or ID)
    #[arg(value_name = "<aggregate>")]
    aggregate: String,
    /// Property to remove from aggregate (repeat option to remove multiple properties)
    #[arg(long = "property", value_name = "<key>", action = ArgAction::Append)]
    properties: Vec<String>,
}

impl Command for UnsetAggregate {
    const WORDS: &'static str = "aggregate unset";
    const ABOUT: &'static str = "Unset aggregate properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = super::find(ctx, &self.aggregate)?;
        let props: Map<String, Value> = self
            .properties
            .iter()
            .map(|k| (k.clone(), Value::Null))
            .collect();
        if !props.is_empty() {
            let session = ctx.session()?;
            let body = json!({"set_metadata": {"metadata": props}});
            ctx.block_on(aggregate::action(&session, &super::id(&a), body))?
                .map_err(sdk)?;
        }
        Ok(Output::None)
    }
}

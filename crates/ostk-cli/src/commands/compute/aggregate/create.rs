//! `aggregate create` (openstackclient/compute/v2/aggregate.py CreateAggregate).

use crate::commands::compute::common::sdk;
use crate::commands::identity::project::properties;
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::compute::aggregate;
use serde_json::{Map, json};

/// Create a new aggregate
#[derive(clap::Args, Debug)]
pub struct CreateAggregate {
    /// New aggregate name
    #[arg(value_name = "<name>")]
    name: String,
    /// Availability zone name
    #[arg(long, value_name = "<availability-zone>")]
    zone: Option<String>,
    /// Property to add to this aggregate (repeat option to set multiple properties)
    #[arg(long = "property", value_name = "<key=value>", action = ArgAction::Append, value_parser = parse_key_value)]
    properties: Vec<(String, String)>,
}

impl Command for CreateAggregate {
    const WORDS: &'static str = "aggregate create";
    const ABOUT: &'static str = "Create a new aggregate";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        attrs.insert("name".into(), json!(self.name));
        if let Some(z) = self.zone.as_ref().filter(|z| !z.is_empty()) {
            attrs.insert("availability_zone".into(), json!(z));
        }
        let session = ctx.session()?;
        let mut a = ctx
            .block_on(aggregate::AGGREGATES.create(&session, attrs))?
            .map_err(sdk)?;
        if !self.properties.is_empty() {
            let body = json!({"set_metadata": {"metadata": properties(&self.properties)}});
            a = ctx
                .block_on(aggregate::action(&session, &super::id(&a), body))?
                .map_err(sdk)?;
        }
        Ok(Output::One(super::record(&a, super::metadata(&a))))
    }
}

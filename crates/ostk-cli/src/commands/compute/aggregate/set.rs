//! `aggregate set` (openstackclient/compute/v2/aggregate.py SetAggregate).

use crate::commands::compute::common::sdk;
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::client::Method;
use ostk_sdk::compute::{aggregate, api};
use serde_json::{Map, Value, json};

/// Set aggregate properties
#[derive(clap::Args, Debug)]
pub struct SetAggregate {
    /// Aggregate to modify (name or ID)
    #[arg(value_name = "<aggregate>")]
    aggregate: String,
    /// Set aggregate name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Set availability zone name
    #[arg(long, value_name = "<availability-zone>")]
    zone: Option<String>,
    /// Property to set on <aggregate> (repeat option to set multiple properties)
    #[arg(long = "property", value_name = "<key=value>", action = ArgAction::Append, value_parser = parse_key_value)]
    properties: Vec<(String, String)>,
    /// Remove all properties from <aggregate> (specify both --property and --no-property to overwrite the current properties)
    #[arg(long)]
    no_property: bool,
}

impl Command for SetAggregate {
    const WORDS: &'static str = "aggregate set";
    const ABOUT: &'static str = "Set aggregate properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = super::find(ctx, &self.aggregate)?;
        let id = super::id(&a);
        let session = ctx.session()?;
        let mut attrs = Map::new();
        if let Some(n) = self.name.as_ref().filter(|n| !n.is_empty()) {
            attrs.insert("name".into(), json!(n));
        }
        if let Some(z) = self.zone.as_ref().filter(|z| !z.is_empty()) {
            attrs.insert("availability_zone".into(), json!(z));
        }
        if !attrs.is_empty() {
            ctx.block_on(api::call(
                &session,
                Method::PUT,
                &format!("os-aggregates/{}", api::seg(&id)),
                Some(json!({ "aggregate": attrs })),
                Some(aggregate::CAP),
            ))?
            .map_err(sdk)?;
        }
        let mut props = Map::new();
        if self.no_property {
            for k in super::metadata(&a)
                .keys()
                .filter(|k| *k != "availability_zone")
            {
                props.insert(k.clone(), Value::Null);
            }
        }
        for (k, v) in &self.properties {
            props.insert(k.clone(), json!(v));
        }
        if !props.is_empty() {
            let body = json!({"set_metadata": {"metadata": props}});
            ctx.block_on(aggregate::action(&session, &id, body))?
                .map_err(sdk)?;
        }
        Ok(Output::None)
    }
}

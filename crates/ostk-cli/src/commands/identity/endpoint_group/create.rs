//! `endpoint group create` (openstackclient/identity/v3/endpoint_group.py CreateEndpointGroup).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value, json};

/// Create new endpoint group
#[derive(clap::Args, Debug)]
pub struct CreateEndpointGroup {
    /// Name of the endpoint group
    #[arg(value_name = "<name>")]
    name: String,
    /// Filename that contains a new set of filters
    #[arg(value_name = "<filename>")]
    filters: String,
    /// Description of the endpoint group
    #[arg(long, value_name = "DESCRIPTION")]
    description: Option<String>,
}

impl Command for CreateEndpointGroup {
    const WORDS: &'static str = "endpoint group create";
    const ABOUT: &'static str = "Create new endpoint group";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let filters = if self.filters.is_empty() {
            Value::Null
        } else {
            super::super::batch::read_json(&self.filters, "filters")?
        };
        // openstacksdk leaves out attributes that are None.
        let mut attrs = Map::from_iter([("name".to_string(), json!(self.name))]);
        if !filters.is_null() {
            attrs.insert("filters".into(), filters);
        }
        if let Some(d) = self.description {
            attrs.insert("description".into(), json!(d));
        }
        let session = ctx.session()?;
        let g = ctx
            .block_on(Identity::new(&session).create_endpoint_group(attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::group_record(&g)))
    }
}

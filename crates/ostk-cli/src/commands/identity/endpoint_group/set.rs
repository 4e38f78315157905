//! `endpoint group set` (openstackclient/identity/v3/endpoint_group.py SetEndpointGroup).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value, json};

/// Set endpoint group properties
#[derive(clap::Args, Debug)]
pub struct SetEndpointGroup {
    /// Endpoint Group to modify (name or ID)
    #[arg(value_name = "<endpoint-group>")]
    endpointgroup: String,
    /// New endpoint group name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Filename that contains a new set of filters
    #[arg(long, value_name = "<filename>")]
    filters: Option<String>,
    /// New endpoint group description
    #[arg(
        long,
        value_name = "<description>",
        default_value = "",
        hide_default_value = true
    )]
    description: String,
}

impl Command for SetEndpointGroup {
    const WORDS: &'static str = "endpoint group set";
    const ABOUT: &'static str = "Set endpoint group properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let g = super::find_group(ctx, &self.endpointgroup)?;
        let filters = match self.filters.as_deref().filter(|f| !f.is_empty()) {
            Some(f) => super::super::batch::read_json(f, "filters")?,
            None => Value::Null,
        };
        // openstacksdk's update sends only attributes that are not None.
        let mut attrs = Map::new();
        if self.name.is_some() {
            attrs.insert("name".into(), json!(self.name));
        }
        if !filters.is_null() {
            attrs.insert("filters".into(), filters);
        }
        attrs.insert("description".into(), json!(self.description));
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).update_endpoint_group(&g.id, attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

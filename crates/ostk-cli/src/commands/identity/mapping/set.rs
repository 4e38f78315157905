//! `mapping set` (openstackclient/identity/v3/mapping.py SetMapping).

use super::SCHEMA_VERSION_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Set mapping properties
#[derive(clap::Args, Debug)]
pub struct SetMapping {
    /// Mapping to modify
    #[arg(value_name = "<name>")]
    mapping: String,
    /// Filename that contains a new set of mapping rules
    #[arg(long, value_name = "<filename>")]
    rules: Option<String>,
    #[arg(long, value_name = "<schema_version>", help = SCHEMA_VERSION_HELP)]
    schema_version: Option<String>,
}

impl Command for SetMapping {
    const WORDS: &'static str = "mapping set";
    const ABOUT: &'static str = "Set mapping properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if let Some(r) = self.rules.as_deref() {
            attrs.insert("rules".into(), super::super::batch::read_json(r, "rules")?);
        }
        if let Some(v) = self.schema_version {
            attrs.insert("schema_version".into(), Value::String(v));
        }
        if attrs.is_empty() {
            return Ok(Output::None);
        }
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).update_mapping(&self.mapping, attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

//! `mapping create` (openstackclient/identity/v3/mapping.py CreateMapping).

use super::SCHEMA_VERSION_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Create new mapping
#[derive(clap::Args, Debug)]
pub struct CreateMapping {
    /// New mapping name (must be unique)
    #[arg(value_name = "<name>")]
    mapping: String,
    /// Filename that contains a set of mapping rules (required)
    #[arg(long, value_name = "<filename>", required = true)]
    rules: String,
    #[arg(long, value_name = "<schema_version>", help = SCHEMA_VERSION_HELP)]
    schema_version: Option<String>,
}

impl Command for CreateMapping {
    const WORDS: &'static str = "mapping create";
    const ABOUT: &'static str = "Create new mapping";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let rules = super::super::batch::read_json(&self.rules, "rules")?;
        let mut attrs = Map::from_iter([("rules".to_string(), rules)]);
        if let Some(v) = self.schema_version {
            attrs.insert("schema_version".into(), Value::String(v));
        }
        let session = ctx.session()?;
        let m = ctx
            .block_on(Identity::new(&session).create_mapping(&self.mapping, attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::mapping_record(&m)))
    }
}

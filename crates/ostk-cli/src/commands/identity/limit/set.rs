//! `limit set` (openstackclient/identity/v3/limit.py SetLimit).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{Identity, limit::Limit};
use serde_json::{Map, Value, json};

/// Update information about a limit
#[derive(clap::Args, Debug)]
pub struct SetLimit {
    /// Limit to update (ID)
    #[arg(value_name = "<limit-id>")]
    limit_id: String,
    /// Description of the limit
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// The resource limit for the project to assume
    #[arg(long, value_name = "<resource-limit>", allow_negative_numbers = true)]
    resource_limit: Option<i64>,
}

impl Command for SetLimit {
    const WORDS: &'static str = "limit set";
    const ABOUT: &'static str = "Update information about a limit";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if let Some(d) = self.description.filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), Value::String(d));
        }
        if let Some(l) = self.resource_limit {
            attrs.insert("resource_limit".into(), json!(l));
        }
        if attrs.is_empty() {
            // openstacksdk commits nothing and shows the bare resource it built.
            let l = Limit {
                id: self.limit_id,
                ..Default::default()
            };
            return Ok(Output::One(super::limit_record(&l)));
        }
        let session = ctx.session()?;
        let l = ctx
            .block_on(Identity::new(&session).update_limit(&self.limit_id, attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::limit_record(&l)))
    }
}

//! `policy set` (openstackclient/identity/v3/policy.py SetPolicy).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Set policy properties
#[derive(clap::Args, Debug)]
pub struct SetPolicy {
    /// Policy to modify
    #[arg(value_name = "<policy>")]
    policy: String,
    /// New MIME type of the policy rules file
    #[arg(long = "type", value_name = "<type>")]
    policy_type: Option<String>,
    /// New serialized policy rules file
    #[arg(long, value_name = "<filename>")]
    rules: Option<String>,
}

impl Command for SetPolicy {
    const WORDS: &'static str = "policy set";
    const ABOUT: &'static str = "Set policy properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if let Some(r) = self.rules.as_deref().filter(|r| !r.is_empty()) {
            attrs.insert(
                "blob".into(),
                Value::String(super::super::batch::read_blob(r)?),
            );
        }
        if let Some(t) = self.policy_type.filter(|t| !t.is_empty()) {
            attrs.insert("type".into(), Value::String(t));
        }
        if attrs.is_empty() {
            // openstacksdk commits nothing when nothing changed.
            return Ok(Output::None);
        }
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).update_policy(&self.policy, attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

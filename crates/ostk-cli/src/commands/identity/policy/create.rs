//! `policy create` (openstackclient/identity/v3/policy.py CreatePolicy).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Create new policy
#[derive(clap::Args, Debug)]
pub struct CreatePolicy {
    /// New MIME type of the policy rules file (defaults to application/json)
    #[arg(
        long = "type",
        value_name = "<type>",
        default_value = "application/json"
    )]
    policy_type: String,
    /// New serialized policy rules file
    #[arg(value_name = "<filename>")]
    rules: String,
}

impl Command for CreatePolicy {
    const WORDS: &'static str = "policy create";
    const ABOUT: &'static str = "Create new policy";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let blob = super::super::batch::read_blob(&self.rules)?;
        let session = ctx.session()?;
        let attrs = Map::from_iter([
            ("blob".to_string(), Value::String(blob)),
            ("type".to_string(), Value::String(self.policy_type)),
        ]);
        let p = ctx
            .block_on(Identity::new(&session).create_policy(attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::policy_record(&p)))
    }
}

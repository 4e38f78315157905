//! `server group create` (openstackclient/compute/v2/server_group.py CreateServerGroup).

use crate::commands::compute::common::{sdk, supports};
use crate::commands::identity::project::properties;
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::compute::server_group;
use serde_json::{Map, json};

/// Create a new server group.
#[derive(clap::Args, Debug)]
pub struct CreateServerGroup {
    /// New server group name
    #[arg(value_name = "<name>")]
    name: String,
    /// Add a policy to <name> Specify --os-compute-api-version 2.15 or higher for the 'soft-affinity' or 'soft-anti-affinity' policy.
    #[arg(
        long,
        value_name = "<policy>",
        default_value = "affinity",
        value_parser = ["affinity", "anti-affinity", "soft-affinity", "soft-anti-affinity"],
        verbatim_doc_comment
    )]
    policy: String,
    /// A rule for the policy. Currently, only the 'max_server_per_host' rule is supported for the 'anti-affinity' policy.
    #[arg(long = "rule", value_name = "<key=value>", action = ArgAction::Append, value_parser = parse_key_value, verbatim_doc_comment)]
    rules: Vec<(String, String)>,
}

impl Command for CreateServerGroup {
    const WORDS: &'static str = "server group create";
    const ABOUT: &'static str = "Create a new server group.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.policy.starts_with("soft-") && !supports(ctx, "2.15")? {
            return Err(CliError::Message(format!(
                "--os-compute-api-version 2.15 or greater is required to support the {} policy",
                self.policy
            )));
        }
        let single = supports(ctx, "2.64")?;
        if !self.rules.is_empty() && !single {
            return Err(CliError::Message(
                "--os-compute-api-version 2.64 or greater is required to support the --rule option"
                    .into(),
            ));
        }
        let mut attrs = Map::new();
        attrs.insert("name".into(), json!(self.name));
        if single {
            attrs.insert("policy".into(), json!(self.policy));
            if !self.rules.is_empty() {
                attrs.insert(
                    "rules".into(),
                    serde_json::Value::Object(properties(&self.rules)),
                );
            }
        } else {
            attrs.insert("policies".into(), json!([self.policy]));
        }
        let session = ctx.session()?;
        let g = ctx
            .block_on(server_group::SERVER_GROUPS.create(&session, attrs))?
            .map_err(sdk)?;
        Ok(Output::One(super::record(ctx, &g)?))
    }
}

//! `compute agent set` (openstackclient/compute/v2/agent.py SetAgent).

use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::compute::host;
use serde_json::{Map, Value, json};

/// Set compute agent properties.
///
/// The compute agent functionality is hypervisor-specific and is only
/// supported by the XenAPI hypervisor driver. It was removed from nova in the
/// 23.0.0 (Wallaby) release.
#[derive(clap::Args, Debug)]
pub struct SetAgent {
    /// ID of the agent
    #[arg(value_name = "<id>")]
    id: i64,
    /// Version of the agent
    #[arg(long = "agent-version", value_name = "<version>")]
    version: Option<String>,
    /// URL of the agent
    #[arg(long, value_name = "<url>")]
    url: Option<String>,
    /// MD5 hash of the agent
    #[arg(long, value_name = "<md5hash>")]
    md5hash: Option<String>,
}

impl Command for SetAgent {
    const WORDS: &'static str = "compute agent set";
    const ABOUT: &'static str = "Set compute agent properties.\n\nThe compute agent functionality is hypervisor-specific and is only\nsupported by the XenAPI hypervisor driver. It was removed from nova in the\n23.0.0 (Wallaby) release.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let agents = ctx.block_on(host::agents(&session, None))?.map_err(sdk)?;
        let Some(agent) = agents
            .iter()
            .find(|a| a.get("agent_id").and_then(Value::as_i64) == Some(self.id))
        else {
            return Err(CliError::Message(format!(
                "No agent with a ID of '{}' exists.",
                self.id
            )));
        };
        let mut data = Map::new();
        for (k, given) in [
            ("version", &self.version),
            ("url", &self.url),
            ("md5hash", &self.md5hash),
        ] {
            let v = match given.as_ref().filter(|v| !v.is_empty()) {
                Some(v) => json!(v),
                None => agent.get(k).cloned().unwrap_or(Value::Null),
            };
            data.insert(k.into(), v);
        }
        let id = self.id.to_string();
        ctx.block_on(host::agent_call(
            &session,
            Method::PUT,
            Some(&id),
            Some(json!({ "para": data })),
        ))?
        .map_err(sdk)?;
        Ok(Output::None)
    }
}

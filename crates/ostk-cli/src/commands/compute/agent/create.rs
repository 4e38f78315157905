//! `compute agent create` (openstackclient/compute/v2/agent.py CreateAgent).

use crate::commands::compute::common::{sdk, sorted_record};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::client::Method;
use ostk_sdk::compute::host;
use serde_json::json;

/// Create compute agent.
///
/// The compute agent functionality is hypervisor specific and is only
/// supported by the XenAPI hypervisor driver. It was removed from nova in the
/// 23.0.0 (Wallaby) release.
#[derive(clap::Args, Debug)]
pub struct CreateAgent {
    /// Type of OS
    #[arg(value_name = "<os>")]
    os: String,
    /// Type of architecture
    #[arg(value_name = "<architecture>")]
    architecture: String,
    /// Version
    #[arg(value_name = "<version>")]
    version: String,
    /// URL
    #[arg(value_name = "<url>")]
    url: String,
    /// MD5 hash
    #[arg(value_name = "<md5hash>")]
    md5hash: String,
    /// Type of hypervisor
    #[arg(value_name = "<hypervisor>")]
    hypervisor: String,
}

impl Command for CreateAgent {
    const WORDS: &'static str = "compute agent create";
    const ABOUT: &'static str = "Create compute agent.\n\nThe compute agent functionality is hypervisor specific and is only\nsupported by the XenAPI hypervisor driver. It was removed from nova in the\n23.0.0 (Wallaby) release.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let body = json!({"agent": {
            "hypervisor": self.hypervisor,
            "os": self.os,
            "architecture": self.architecture,
            "version": self.version,
            "url": self.url,
            "md5hash": self.md5hash,
        }});
        let session = ctx.session()?;
        let v = ctx
            .block_on(host::agent_call(&session, Method::POST, None, Some(body)))?
            .map_err(sdk)?;
        let fields = v
            .get("agent")
            .and_then(|a| a.as_object())
            .into_iter()
            .flatten()
            .map(|(k, v)| (k.clone(), Cell::from_json(v.clone())))
            .collect();
        Ok(Output::One(sorted_record(fields)))
    }
}

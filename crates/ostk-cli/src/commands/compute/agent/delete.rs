//! `compute agent delete` (openstackclient/compute/v2/agent.py DeleteAgent).

use crate::commands::common::bulk;
use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::compute::host;

/// Delete compute agent(s).
///
/// The compute agent functionality is hypervisor specific and is only
/// supported by the XenAPI hypervisor driver. It was removed from nova in the
/// 23.0.0 (Wallaby) release.
#[derive(clap::Args, Debug)]
pub struct DeleteAgent {
    /// ID of agent(s) to delete
    #[arg(value_name = "<id>", required = true, num_args = 1..)]
    ids: Vec<String>,
}

impl Command for DeleteAgent {
    const WORDS: &'static str = "compute agent delete";
    const ABOUT: &'static str = "Delete compute agent(s).\n\nThe compute agent functionality is hypervisor specific and is only\nsupported by the XenAPI hypervisor driver. It was removed from nova in the\n23.0.0 (Wallaby) release.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let results = bulk::each(ctx, &self.ids, |s, id| async move {
            host::agent_call(&s, Method::DELETE, Some(&id), None)
                .await
                .map(drop)
                .map_err(sdk)
        })?;
        bulk::summarize(&self.ids, results, "agents", |i, e| {
            format!("Failed to delete agent with ID '{i}': {e}")
        })?;
        Ok(Output::None)
    }
}

//! `compute agent list` (openstackclient/compute/v2/agent.py ListAgent).

use crate::commands::compute::common::{row, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::compute::host;

/// List compute agents.
///
/// The compute agent functionality is hypervisor specific and is only
/// supported by the XenAPI hypervisor driver. It was removed from nova in the
/// 23.0.0 (Wallaby) release.
#[derive(clap::Args, Debug)]
pub struct ListAgent {
    /// Type of hypervisor
    #[arg(long, value_name = "<hypervisor>")]
    hypervisor: Option<String>,
}

impl Command for ListAgent {
    const WORDS: &'static str = "compute agent list";
    const ABOUT: &'static str = "List compute agents.\n\nThe compute agent functionality is hypervisor specific and is only\nsupported by the XenAPI hypervisor driver. It was removed from nova in the\n23.0.0 (Wallaby) release.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let hv = self.hypervisor.as_deref().filter(|h| !h.is_empty());
        let agents = ctx.block_on(host::agents(&session, hv))?.map_err(sdk)?;
        let keys = [
            "agent_id",
            "hypervisor",
            "os",
            "architecture",
            "version",
            "md5hash",
            "url",
        ];
        Ok(Output::List(Listing {
            columns: [
                "Agent ID",
                "Hypervisor",
                "OS",
                "Architecture",
                "Version",
                "Md5Hash",
                "URL",
            ]
            .map(String::from)
            .to_vec(),
            rows: agents.iter().map(|a| row(a, &keys)).collect(),
        }))
    }
}

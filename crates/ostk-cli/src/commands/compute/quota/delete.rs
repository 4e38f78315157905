//! `quota delete` (openstackclient/common/quota.py DeleteQuota).

use crate::commands::compute::common::sdk;
use crate::commands::identity::common::find_project;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::quota::{self, Service};

/// Delete configured quota for a project and revert to defaults.
#[derive(clap::Args, Debug)]
pub struct DeleteQuota {
    /// Delete quotas for this project (name or ID)
    #[arg(value_name = "<project>")]
    project: String,
    /// Delete project quotas for all services (default)
    #[arg(long, group = "service")]
    all: bool,
    /// Delete compute quotas for the project (including network quotas when using nova-network)
    #[arg(long, group = "service")]
    compute: bool,
    /// Delete volume quotas for the project
    #[arg(long, group = "service")]
    volume: bool,
    /// Delete network quotas for the project
    #[arg(long, group = "service")]
    network: bool,
}

impl Command for DeleteQuota {
    const WORDS: &'static str = "quota delete";
    const ABOUT: &'static str = "Delete configured quota for a project and revert to defaults.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let p = find_project(ctx, &self.project, None)?;
        let id = crate::commands::identity::common::id_of(&p);
        let all = !(self.compute || self.volume || self.network);
        let session = ctx.session()?;
        for (service, on) in [
            (Service::Compute, self.compute),
            (Service::Volume, self.volume),
            (Service::Network, self.network),
        ] {
            if on || all {
                match ctx.block_on(quota::delete(&session, service, &id))? {
                    // neutron's is openstacksdk's delete_quota(ignore_missing=True)
                    Err(e) if service == Service::Network && e.status() == Some(404) => {}
                    r => r.map_err(sdk)?,
                }
            }
        }
        Ok(Output::None)
    }
}

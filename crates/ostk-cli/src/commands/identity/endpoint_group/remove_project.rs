//! `endpoint group remove project` (openstackclient/identity/v3/endpoint_group.py RemoveProjectFromEndpointGroup).

use crate::commands::identity::endpoint::PROJECT_DOMAIN_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Remove project from endpoint group
#[derive(clap::Args, Debug)]
pub struct RemoveProjectFromEndpointGroup {
    /// Endpoint group (name or ID)
    #[arg(value_name = "<endpoint-group>")]
    endpointgroup: String,
    /// Project to remove (name or ID)
    #[arg(value_name = "<project>")]
    project: String,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
}

impl Command for RemoveProjectFromEndpointGroup {
    const WORDS: &'static str = "endpoint group remove project";
    const ABOUT: &'static str = "Remove project from endpoint group";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let g = super::find_group(ctx, &self.endpointgroup)?;
        let project = super::find_project_id(ctx, &self.project, self.project_domain.as_deref())?;
        let session = ctx.session()?;
        ctx.block_on(
            Identity::new(&session).disassociate_project_from_endpoint_group(&g.id, &project),
        )?
        .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

//! `endpoint group add project` (openstackclient/identity/v3/endpoint_group.py AddProjectToEndpointGroup).

use crate::commands::identity::endpoint::PROJECT_DOMAIN_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Add a project to an endpoint group
#[derive(clap::Args, Debug)]
pub struct AddProjectToEndpointGroup {
    /// Endpoint group (name or ID)
    #[arg(value_name = "<endpoint-group>")]
    endpointgroup: String,
    /// Project to associate (name or ID)
    #[arg(value_name = "<project>")]
    project: String,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
}

impl Command for AddProjectToEndpointGroup {
    const WORDS: &'static str = "endpoint group add project";
    const ABOUT: &'static str = "Add a project to an endpoint group";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let g = super::find_group(ctx, &self.endpointgroup)?;
        let project = super::find_project_id(ctx, &self.project, self.project_domain.as_deref())?;
        let session = ctx.session()?;
        ctx.block_on(
            Identity::new(&session).associate_project_with_endpoint_group(&g.id, &project),
        )?
        .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

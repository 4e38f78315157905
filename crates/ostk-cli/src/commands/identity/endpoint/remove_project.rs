//! `endpoint remove project` (openstackclient/identity/v3/endpoint.py RemoveProjectFromEndpoint).

use super::PROJECT_DOMAIN_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Dissociate a project from an endpoint
#[derive(clap::Args, Debug)]
pub struct RemoveProjectFromEndpoint {
    /// Endpoint to dissociate from specified project (name or ID)
    #[arg(value_name = "<endpoint>")]
    endpoint: String,
    /// Project to dissociate from specified endpoint name or ID)
    #[arg(value_name = "<project>")]
    project: String,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
}

impl Command for RemoveProjectFromEndpoint {
    const WORDS: &'static str = "endpoint remove project";
    const ABOUT: &'static str = "Dissociate a project from an endpoint";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let ep = super::find_endpoint(ctx, &self.endpoint)?;
        let project = crate::commands::identity::common::find_project_id(
            ctx,
            &self.project,
            self.project_domain.as_deref(),
            true,
        )?;
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).disassociate_endpoint_from_project(&project, &ep.id))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

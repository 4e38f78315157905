//! `project delete` (openstackclient/identity/v3/project.py DeleteProject).

use crate::commands::identity::common::{find_domain_id, find_sdk_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::project::PROJECTS;

/// Delete project(s). This command will remove specified existing project(s) if an active user is authorized to do this. If there are resources managed by other services (for example, Nova, Neutron, Cinder) associated with specified project(s), delete operation will proceed regardless.
#[derive(clap::Args, Debug)]
pub struct DeleteProject {
    /// Project(s) to delete (name or ID)
    #[arg(value_name = "<project>", required = true, num_args = 1..)]
    projects: Vec<String>,
    /// Domain owning <project> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
}

impl Command for DeleteProject {
    const WORDS: &'static str = "project delete";
    const ABOUT: &'static str = "Delete project(s). This command will remove specified existing project(s) if an active user is authorized to do this. If there are resources managed by other services (for example, Nova, Neutron, Cinder) associated with specified project(s), delete operation will proceed regardless.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let domain = self.domain.clone();
        crate::commands::identity::batch::delete_each(
            ctx,
            &self.projects,
            "projects",
            |i, e| format!("Failed to delete project with name or ID '{i}': {e}"),
            |ctx, i| {
                // find_project_id_sdk(validate_actor_existence=True,
                // validate_domain_actor_existence=False)
                let filters = match &domain {
                    Some(d) => vec![("domain_id", find_domain_id(ctx, d, false)?)],
                    None => Vec::new(),
                };
                let id = find_sdk_id(ctx, &PROJECTS, "Project", i, true, &filters)?;
                let session = ctx.session()?;
                match ctx.block_on(PROJECTS.delete(&session, &id))? {
                    Err(e) if e.status() != Some(404) => Err(sdk_error(e, None)),
                    _ => Ok(()),
                }
            },
        )?;
        Ok(Output::None)
    }
}

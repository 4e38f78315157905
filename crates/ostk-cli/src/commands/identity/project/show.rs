//! `project show` (openstackclient/identity/v3/project.py ShowProject).

use crate::commands::identity::common::{find_domain_id, find_sdk, find_sdk_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::project::PROJECTS;

/// Display project details
#[derive(clap::Args, Debug)]
pub struct ShowProject {
    /// Project to display (name or ID)
    #[arg(value_name = "<project>")]
    project: String,
    /// Domain owning <project> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Show the project's parents as a list
    #[arg(long)]
    parents: bool,
    /// Show project's subtree (children) as a list
    #[arg(long)]
    children: bool,
}

impl Command for ShowProject {
    const WORDS: &'static str = "project show";
    const ABOUT: &'static str = "Display project details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut filters: Vec<(&str, String)> = Vec::new();
        if let Some(d) = &self.domain {
            filters.push(("domain_id", find_domain_id(ctx, d, true)?));
        }
        // The ID first (unvalidated), then openstacksdk's find with the query options.
        let id = find_sdk_id(ctx, &PROJECTS, "Project", &self.project, false, &filters)?;
        let mut extra: Vec<(&str, String)> = Vec::new();
        if self.parents {
            extra.push(("parents_as_ids", "True".into()));
        }
        if self.children {
            extra.push(("subtree_as_ids", "True".into()));
        }
        let p = if extra.is_empty() {
            find_sdk(ctx, &PROJECTS, "Project", &id, &filters)?
        } else {
            // openstacksdk's find fetches the ID with the query options.
            let session = ctx.session()?;
            match ctx.block_on(PROJECTS.get_with_query(&session, &id, &extra))? {
                Ok(p) => p,
                Err(e) if matches!(e.status(), Some(404 | 403 | 400)) => {
                    filters.extend(extra);
                    find_sdk(ctx, &PROJECTS, "Project", &id, &filters)?
                }
                Err(e) => return Err(sdk_error(e, None)),
            }
        };
        Ok(Output::One(super::project_record(&p)))
    }
}

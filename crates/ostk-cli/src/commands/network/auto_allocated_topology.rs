//! `network auto allocated topology create/delete`
//! (openstackclient/network/v2/network_auto_allocated_topology.py).

use super::common as c;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::network::AUTO_ALLOCATED_TOPOLOGY_RESOURCE as TOPOLOGY;

/// openstacksdk uses `--project` as given (no lookup), else the token's project.
fn project_or_own(ctx: &mut Context, project: Option<&str>) -> Result<String, CliError> {
    if let Some(p) = project {
        return Ok(p.to_string());
    }
    let session = ctx.session()?;
    let access = ctx.block_on(session.access())??;
    Ok(access.project_id.clone().unwrap_or_default())
}

/// Create the  auto allocated topology for project
#[derive(clap::Args, Debug)]
pub struct CreateAutoAllocatedTopology {
    /// Return the auto allocated topology for a given project. Default is current project.
    #[arg(long, value_name = "<project>", verbatim_doc_comment)]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Validate the requirements for auto allocated topology. Does not return a topology.
    #[arg(long, verbatim_doc_comment)]
    check_resources: bool,
    /// If topology exists returns the topology's information (default)
    #[arg(long)]
    or_show: bool,
}

impl Command for CreateAutoAllocatedTopology {
    const WORDS: &'static str = "network auto allocated topology create";
    const ABOUT: &'static str = "Create the  auto allocated topology for project";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let project = project_or_own(ctx, self.project.as_deref())?;
        let s = ctx.session()?;
        if self.check_resources {
            // `ValidateTopology`: GET …/{project}?fields=dry-run; its `dry_run` attribute is
            // never in neutron's answer
            let path = format!("{}/{project}?fields=dry-run", TOPOLOGY.coll.path);
            let r = ctx.block_on(async {
                s.request(
                    TOPOLOGY.coll.service_type,
                    ostk_sdk::client::Method::GET,
                    &path,
                )
                .api_version("2.0")
                .send()
                .await
            })?;
            r.map_err(|e| sdk_error(e, Some("No ValidateTopology found for None")))?;
            return Ok(Output::One(Record {
                fields: vec![("dry_run".into(), Cell::None)],
            }));
        }
        let obj = c::get(ctx, &TOPOLOGY, TOPOLOGY.coll.get(&s, &project), &project)?;
        Ok(Output::One(c::show_record(
            &TOPOLOGY,
            &obj,
            &[],
            &["name", "location", "tenant_id"],
            &[],
        )))
    }
}

/// Delete auto allocated topology for project
#[derive(clap::Args, Debug)]
pub struct DeleteAutoAllocatedTopology {
    /// Delete auto allocated topology for a given project. Default is the current project.
    #[arg(long, value_name = "<project>", verbatim_doc_comment)]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for DeleteAutoAllocatedTopology {
    const WORDS: &'static str = "network auto allocated topology delete";
    const ABOUT: &'static str = "Delete auto allocated topology for project";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let project = project_or_own(ctx, self.project.as_deref())?;
        let s = ctx.session()?;
        c::run(ctx, TOPOLOGY.coll.delete(&s, &project))?;
        Ok(Output::None)
    }
}

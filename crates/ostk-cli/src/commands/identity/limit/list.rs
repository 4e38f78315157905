//! `limit list` (openstackclient/identity/v3/limit.py ListLimit).

use crate::commands::identity::{common, endpoint, service};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use endpoint::PROJECT_DOMAIN_HELP;
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::{Identity, project::PROJECTS};

/// List limits
#[derive(clap::Args, Debug)]
pub struct ListLimit {
    /// Service responsible for the resource to limit
    #[arg(long, value_name = "<service>")]
    service: Option<String>,
    /// The name of the resource to limit
    #[arg(long, value_name = "<resource-name>")]
    resource_name: Option<String>,
    /// Region for the registered limit to affect.
    #[arg(long, value_name = "<region>", verbatim_doc_comment)]
    region: Option<String>,
    /// List resource limits associated with project
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
}

impl Command for ListLimit {
    const WORDS: &'static str = "limit list";
    const ABOUT: &'static str = "List limits";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query: Vec<(&str, String)> = Vec::new();
        if let Some(s) = self.service.as_deref().filter(|s| !s.is_empty()) {
            query.push(("service_id", service::find_service(ctx, s)?.id));
        }
        if let Some(r) = self.region.as_deref().filter(|r| !r.is_empty()) {
            query.push(("region_id", endpoint::region_id(ctx, r)?));
        }
        if let Some(p) = self.project.as_deref().filter(|p| !p.is_empty()) {
            let mut filters = Vec::new();
            if let Some(d) = self.project_domain.as_deref().filter(|d| !d.is_empty()) {
                filters.push(("domain_id", common::find_domain_id(ctx, d, true)?));
            }
            let id = common::find_sdk_id(ctx, &PROJECTS, "Project", p, true, &filters)?;
            query.push(("project_id", id));
        }
        if let Some(n) = self.resource_name.filter(|n| !n.is_empty()) {
            query.push(("resource_name", n));
        }
        let session = ctx.session()?;
        let limits = ctx
            .block_on(Identity::new(&session).limits(&query))?
            .map_err(|e| common::sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: [
                "ID",
                "Project ID",
                "Service ID",
                "Resource Name",
                "Resource Limit",
                "Description",
                "Region ID",
            ]
            .map(String::from)
            .to_vec(),
            rows: limits
                .iter()
                .map(|l| {
                    vec![
                        Cell::Str(l.id.clone()),
                        l.project_id.clone().into(),
                        l.service_id.clone().into(),
                        l.resource_name.clone().into(),
                        l.resource_limit.into(),
                        l.description.clone().into(),
                        l.region_id.clone().into(),
                    ]
                })
                .collect(),
        }))
    }
}

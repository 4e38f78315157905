//! `endpoint list` (openstackclient/identity/v3/endpoint.py ListEndpoint).

use super::PROJECT_DOMAIN_HELP;
use crate::{
    commands::identity::common,
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::{Identity, project::PROJECTS, service::Service};
use serde_json::Value;
use std::collections::HashMap;

/// List endpoints
#[derive(clap::Args, Debug)]
pub struct ListEndpoint {
    /// Filter by service (type, name or ID)
    #[arg(long, value_name = "<service>")]
    service: Option<String>,
    /// Filter by interface type (admin, public or internal)
    #[arg(long, value_name = "<interface>", value_parser = ["admin", "public", "internal"], hide_possible_values = true)]
    interface: Option<String>,
    /// Filter by region ID
    #[arg(long, value_name = "<region-id>")]
    region: Option<String>,
    /// Endpoint to list filters
    #[arg(long, value_name = "<endpoint-group>", group = "which")]
    endpoint: Option<String>,
    /// Project to list filters (name or ID)
    #[arg(long, value_name = "<project>", group = "which")]
    project: Option<String>,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
}

impl Command for ListEndpoint {
    const WORDS: &'static str = "endpoint list";
    const ABOUT: &'static str = "List endpoints";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let sdk = |e| common::sdk_error(e, None);
        let endpoint = match self.endpoint.as_deref().filter(|e| !e.is_empty()) {
            Some(e) => Some(super::find_endpoint(ctx, e)?),
            None => None,
        };
        let domain_id = match self.project_domain.as_deref().filter(|d| !d.is_empty()) {
            Some(d) => Some(common::find_domain_id(ctx, d, true)?),
            None => None,
        };
        let project_id = match self.project.as_deref().filter(|p| !p.is_empty()) {
            Some(p) => {
                let filters: Vec<(&str, String)> = domain_id
                    .map(|d| vec![("domain_id", d)])
                    .unwrap_or_default();
                Some(common::find_sdk_id(
                    ctx, &PROJECTS, "Project", p, true, &filters,
                )?)
            }
            None => None,
        };
        let session = ctx.session()?;
        let id = Identity::new(&session);
        if let Some(ep) = endpoint {
            let projects = ctx.block_on(id.endpoint_projects(&ep.id))?.map_err(sdk)?;
            let text =
                |p: &Value, k: &str| Cell::from_json(p.get(k).cloned().unwrap_or(Value::Null));
            return Ok(Output::List(Listing {
                columns: vec!["ID".into(), "Name".into()],
                rows: projects
                    .iter()
                    .map(|p| vec![text(p, "id"), text(p, "name")])
                    .collect(),
            }));
        }
        let mut query: Vec<(&str, String)> = Vec::new();
        if let Some(s) = self.service.as_deref().filter(|s| !s.is_empty()) {
            query.push((
                "service_id",
                crate::commands::identity::service::find_service(ctx, s)?.id,
            ));
        }
        if let Some(i) = self.interface.filter(|i| !i.is_empty()) {
            query.push(("interface", i));
        }
        if let Some(r) = self.region.as_deref().filter(|r| !r.is_empty()) {
            query.push(("region_id", super::region_id(ctx, r)?));
        }
        let endpoints = match project_id {
            Some(p) => ctx.block_on(id.project_endpoints(&p))?.map_err(sdk)?,
            None => ctx.block_on(id.endpoints(&query))?.map_err(sdk)?,
        };
        // OSC looks each endpoint's service up (find_service, ignore_missing=False); one
        // lookup per distinct service gives the same answers.
        let mut services: HashMap<String, Service> = HashMap::new();
        let mut rows = Vec::new();
        for ep in &endpoints {
            let sid = ep.service_id.clone().unwrap_or_default();
            if !services.contains_key(&sid) {
                let s = match ctx.block_on(id.find_service(&sid))?.map_err(sdk)? {
                    ostk_sdk::identity::service::Found::One(s) => s,
                    _ => return Err(CliError::Message(format!("No Service found for {sid}"))),
                };
                services.insert(sid.clone(), s);
            }
            let s = &services[&sid];
            rows.push(vec![
                Cell::Str(ep.id.clone()),
                ep.region_id.clone().into(),
                s.name.clone().into(),
                s.service_type.clone().into(),
                ep.enabled.into(),
                ep.interface.clone().into(),
                ep.url.clone().into(),
            ]);
        }
        Ok(Output::List(Listing {
            columns: [
                "ID",
                "Region",
                "Service Name",
                "Service Type",
                "Enabled",
                "Interface",
                "URL",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        }))
    }
}

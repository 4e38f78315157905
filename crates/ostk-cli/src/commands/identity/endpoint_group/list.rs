//! `endpoint group list` (openstackclient/identity/v3/endpoint_group.py ListEndpointGroup).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;
use serde_json::Value;

/// List endpoint groups
#[derive(clap::Args, Debug)]
pub struct ListEndpointGroup {
    /// Endpoint Group (name or ID)
    #[arg(long, value_name = "<endpoint-group>", group = "which")]
    endpointgroup: Option<String>,
    /// Project (name or ID)
    #[arg(long, value_name = "<project>", group = "which")]
    project: Option<String>,
    /// Domain owning <project> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
}

impl Command for ListEndpointGroup {
    const WORDS: &'static str = "endpoint group list";
    const ABOUT: &'static str = "List endpoint groups";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let sdk = |e| super::super::common::sdk_error(e, None);
        let columns: Vec<String> = ["ID", "Name", "Description"].map(String::from).to_vec();
        let text = |p: &Value, k: &str| Cell::from_json(p.get(k).cloned().unwrap_or(Value::Null));
        let rows: Vec<Vec<Cell>> =
            if let Some(g) = self.endpointgroup.as_deref().filter(|g| !g.is_empty()) {
                let g = super::find_group(ctx, g)?;
                let session = ctx.session()?;
                let projects = ctx
                    .block_on(Identity::new(&session).endpoint_group_projects(&g.id))?
                    .map_err(sdk)?;
                projects
                    .iter()
                    .map(|p| vec![text(p, "id"), text(p, "name"), text(p, "description")])
                    .collect()
            } else {
                let groups = if let Some(p) = self.project.as_deref().filter(|p| !p.is_empty()) {
                    let pid = super::find_project_id(ctx, p, self.domain.as_deref())?;
                    let session = ctx.session()?;
                    ctx.block_on(Identity::new(&session).project_endpoint_groups(&pid))?
                        .map_err(sdk)?
                } else {
                    let session = ctx.session()?;
                    ctx.block_on(Identity::new(&session).endpoint_groups())?
                        .map_err(sdk)?
                };
                groups
                    .iter()
                    .map(|g| {
                        vec![
                            Cell::Str(g.id.clone()),
                            g.name.clone().into(),
                            g.description.clone().into(),
                        ]
                    })
                    .collect()
            };
        Ok(Output::List(Listing { columns, rows }))
    }
}

//! `volume snapshot list` (volume_snapshot.py ListVolumeSnapshot).

use super::set::STATES;
use crate::commands::identity::common::find_project_id;
use crate::commands::volume::{
    VOLUME, call, cell, dict_cell, find, id, volume_name_cell, volume_names,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::volume as cinder;

/// List volume snapshots
#[derive(clap::Args, Debug)]
pub struct ListVolumeSnapshot {
    /// Include all projects (admin only)
    #[arg(long)]
    all_projects: bool,
    /// Filter results by project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions
    /// between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// Filters results by a name.
    #[arg(long, value_name = "<name>", verbatim_doc_comment)]
    name: Option<String>,
    /// Filters results by a status. ('available', 'error', 'creating', 'deleting' or
    /// 'error_deleting')
    #[arg(long, value_name = "<status>", value_parser = STATES, hide_possible_values = true)]
    status: Option<String>,
    /// Filters results by a volume (name or ID).
    #[arg(long, value_name = "<volume>", verbatim_doc_comment)]
    volume: Option<String>,
    /// The maximum number of entries to return per page. If the value exceeds the
    /// server-defined maximum, then the server-defined value will be used. Note that this
    /// controls the page size, not the total number of entries returned. Use --max-items to
    /// limit the total number of entries returned.
    #[arg(
        long,
        value_name = "<limit>",
        verbatim_doc_comment,
        allow_negative_numbers = true
    )]
    limit: Option<i64>,
    /// The first position in the collection to return results from. This should be a value
    /// that was returned in a previous request.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    marker: Option<String>,
    /// The maximum number of entries to return in total, paging through multiple requests if
    /// needed. Use --limit to control the page size.
    #[arg(long, value_name = "<max-items>", verbatim_doc_comment)]
    max_items: Option<usize>,
}

impl Command for ListVolumeSnapshot {
    const WORDS: &'static str = "volume snapshot list";
    const ABOUT: &'static str = "List volume snapshots";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let names = volume_names(ctx, &s);
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(v) = &self.volume {
            q.push(("volume_id", id(&find(ctx, VOLUME, v)?)));
        }
        if let Some(p) = &self.project {
            let pid = find_project_id(ctx, p, self.project_domain.as_deref(), true)?;
            q.push(("project_id", pid));
        }
        if self.project.is_some() || self.all_projects {
            q.push(("all_tenants", "True".into()));
        }
        if let Some(n) = &self.name {
            q.push(("name", n.clone()));
        }
        if let Some(st) = &self.status {
            q.push(("status", st.clone()));
        }
        if let Some(l) = self.limit.filter(|l| *l != 0) {
            q.push(("limit", l.to_string()));
        }
        if let Some(m) = &self.marker {
            q.push(("marker", m.clone()));
        }
        let mut snaps = call(ctx, cinder::SNAPSHOTS_DETAIL.list(&s, &q))?;
        if let Some(n) = self.max_items {
            snaps.truncate(n);
        }
        let mut columns = vec!["ID", "Name", "Description", "Status", "Size"];
        if self.long {
            columns.extend(["Created At", "Volume", "Properties"]);
        }
        let rows = snaps
            .iter()
            .map(|v| {
                let mut row: Vec<Cell> = ["id", "name", "description", "status", "size"]
                    .iter()
                    .map(|k| cell(v.get(*k)))
                    .collect();
                if self.long {
                    row.push(cell(v.get("created_at")));
                    row.push(volume_name_cell(&names, v.get("volume_id")));
                    row.push(dict_cell(v.get("metadata")));
                }
                row
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}

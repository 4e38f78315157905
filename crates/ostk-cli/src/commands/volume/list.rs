//! `volume list` (openstackclient/volume/v3/volume.py ListVolume).

use super::{call, cell, dict_cell, props};
use crate::commands::identity::common::{find_project_id, find_user_id};
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::volume as cinder;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// List volumes
#[derive(clap::Args, Debug)]
pub struct ListVolume {
    /// Filter results by project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions
    /// between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Filter results by user (name or ID) (admin only)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between
    /// user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
    /// Filter results by volume name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Filter results by status
    #[arg(long, value_name = "<status>")]
    status: Option<String>,
    /// Filter by a property on the volume list (repeat option to filter by multiple
    /// properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// Include all projects (admin only)
    #[arg(long)]
    all_projects: bool,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
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
}

/// Python's `str(dict)` of string pairs: `{'a': 'b'}` (cinder parses it back).
pub fn py_dict_str(m: &Map<String, Value>) -> String {
    let items: Vec<String> = m
        .iter()
        .map(|(k, v)| {
            let v = v.as_str().unwrap_or_default();
            format!(
                "{}: {}",
                ostk_output::py_repr_str(k),
                ostk_output::py_repr_str(v)
            )
        })
        .collect();
    format!("{{{}}}", items.join(", "))
}

/// volume.py AttachmentsColumn: `Attached to {server} on {device} ` per attachment, server
/// names from the server list when there is one; machine form the list itself.
pub fn attachments_cell(v: Option<&Value>, servers: &HashMap<String, String>) -> Cell {
    let list = v.and_then(Value::as_array).cloned().unwrap_or_default();
    let mut human = String::new();
    for a in &list {
        let sid = super::super::image::py_str(a.get("server_id"));
        let server = servers.get(&sid).cloned().unwrap_or(sid);
        let device = super::super::image::py_str(a.get("device"));
        human.push_str(&format!("Attached to {server} on {device} "));
    }
    Cell::formatted(human, Value::Array(list))
}

/// Server ID → name for the attachment column (OSC ignores any failure here).
pub fn server_names(ctx: &mut Context) -> HashMap<String, String> {
    let Ok(s) = ctx.session() else {
        return HashMap::new();
    };
    match ctx.block_on(ostk_sdk::compute::SERVERS.list(&s, &[])) {
        Ok(Ok(list)) => list
            .iter()
            .map(|v| (super::id(v), super::super::image::py_str(v.get("name"))))
            .collect(),
        _ => HashMap::new(),
    }
}

impl Command for ListVolume {
    const WORDS: &'static str = "volume list";
    const ABOUT: &'static str = "List volumes";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
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
        if let Some(p) = &self.project {
            let pid = find_project_id(ctx, p, self.project_domain.as_deref(), true)?;
            q.push(("project_id", pid));
        }
        if let Some(u) = &self.user {
            let uid = find_user_id(ctx, u, self.user_domain.as_deref(), true)?;
            q.push(("user_id", uid));
        }
        if !self.property.is_empty() {
            q.push(("metadata", py_dict_str(&props(&self.property))));
        }
        if self.project.is_some() || self.all_projects {
            q.push(("all_tenants", "True".into()));
        }
        let s = ctx.session()?;
        let vols = call(ctx, cinder::VOLUMES_DETAIL.list(&s, &q))?;
        let servers = if vols.iter().any(|v| v["status"] == "in-use") {
            server_names(ctx)
        } else {
            HashMap::new()
        };
        let mut columns = vec!["ID", "Name", "Status", "Size"];
        if self.long {
            columns.extend(["Type", "Bootable"]);
        }
        columns.push("Attached to");
        if self.long {
            columns.push("Properties");
        }
        let rows = vols
            .iter()
            .map(|v| {
                let mut row = vec![
                    cell(v.get("id")),
                    cell(v.get("name")),
                    cell(v.get("status")),
                    cell(v.get("size")),
                ];
                if self.long {
                    row.push(cell(v.get("volume_type")));
                    row.push(
                        cinder::volumes::bool_str(v.get("bootable")).map_or(Cell::None, Cell::Bool),
                    );
                }
                row.push(attachments_cell(v.get("attachments"), &servers));
                if self.long {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn property_filter_is_a_python_dict() {
        let m = props(&[("a".into(), "b".into()), ("c".into(), "it's".into())]);
        assert_eq!(py_dict_str(&m), r#"{'a': 'b', 'c': "it's"}"#);
    }

    #[test]
    fn attachments_read_as_osc() {
        let servers = HashMap::from([("s1".to_string(), "vm".to_string())]);
        let a = json!([{"server_id": "s1", "device": "/dev/vdb"}, {"server_id": "s2", "device": "/dev/vdc"}]);
        assert_eq!(
            attachments_cell(Some(&a), &servers).table_text(),
            "Attached to vm on /dev/vdb Attached to s2 on /dev/vdc "
        );
        assert_eq!(
            attachments_cell(Some(&json!([])), &servers).table_text(),
            ""
        );
    }
}

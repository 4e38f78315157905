//! `volume group snapshot create/delete/list/show`
//! (openstackclient/volume/v3/volume_group_snapshot.py; microversion 3.14+).

use super::{GROUP, GROUP_SNAPSHOT, call, cell, find, id};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::{Method, Session};
use ostk_sdk::volume as cinder;
use serde_json::{Value, json};

/// `_format_group_snapshot`: (header, attribute) pairs.
const COLUMNS: [(&str, &str); 6] = [
    ("ID", "id"),
    ("Status", "status"),
    ("Name", "name"),
    ("Description", "description"),
    ("Group", "group_id"),
    ("Group Type", "group_type_id"),
];

fn record(g: &Value) -> Record {
    Record {
        fields: COLUMNS
            .iter()
            .map(|(h, k)| (h.to_string(), cell(g.get(*k))))
            .collect(),
    }
}

/// Every group snapshot command needs 3.14 (OSC says so even where its docstring says 3.13).
fn need(ctx: &mut Context, s: &Session, words: &str) -> Result<(), CliError> {
    super::require_command(ctx, s, "3.14", words)
}

/// Create a volume group snapshot.
///
/// This command requires ``--os-volume-api-version`` 3.13 or greater.
#[derive(clap::Args, Debug)]
pub struct CreateVolumeGroupSnapshot {
    /// Name or ID of volume group to create a snapshot of.
    #[arg(value_name = "<volume_group>", verbatim_doc_comment)]
    volume_group: String,
    /// Name of the volume group snapshot.
    #[arg(long, value_name = "<name>", verbatim_doc_comment)]
    name: Option<String>,
    /// Description of a volume group snapshot.
    #[arg(long, value_name = "<description>", verbatim_doc_comment)]
    description: Option<String>,
}

impl Command for CreateVolumeGroupSnapshot {
    const WORDS: &'static str = "volume group snapshot create";
    const ABOUT: &'static str = "Create a volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.13 or greater.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let gid = id(&find(ctx, GROUP, &self.volume_group)?);
        let attrs = json!({
            "group_id": gid,
            "name": self.name,
            "description": self.description,
        });
        let body = json!({ "group_snapshot": attrs });
        let cap = cinder::GROUP_SNAPSHOTS.microversion;
        let f = cinder::call(&s, Method::POST, "group_snapshots", Some(body), cap);
        let created = call(ctx, f)?;
        // openstacksdk shows what it sent, updated by cinder's (short) answer
        let mut shown = attrs;
        if let (Some(o), Some(r)) = (
            shown.as_object_mut(),
            created.get("group_snapshot").and_then(Value::as_object),
        ) {
            o.extend(r.clone());
        }
        Ok(Output::One(record(&shown)))
    }
}

/// Delete a volume group snapshot.
///
/// This command requires ``--os-volume-api-version`` 3.14 or greater.
#[derive(clap::Args, Debug)]
pub struct DeleteVolumeGroupSnapshot {
    /// Name or ID of volume group snapshot to delete
    #[arg(value_name = "<snapshot>")]
    snapshot: String,
}

impl Command for DeleteVolumeGroupSnapshot {
    const WORDS: &'static str = "volume group snapshot delete";
    const ABOUT: &'static str = "Delete a volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.14 or greater.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let sid = id(&find(ctx, GROUP_SNAPSHOT, &self.snapshot)?);
        call(ctx, cinder::GROUP_SNAPSHOTS.delete(&s, &sid))?;
        Ok(Output::None)
    }
}

/// Lists all volume group snapshot.
///
/// This command requires ``--os-volume-api-version`` 3.14 or greater.
#[derive(clap::Args, Debug)]
pub struct ListVolumeGroupSnapshot {
    /// Shows details for all projects (admin only).
    #[arg(long, verbatim_doc_comment)]
    all_projects: bool,
}

impl Command for ListVolumeGroupSnapshot {
    const WORDS: &'static str = "volume group snapshot list";
    const ABOUT: &'static str = "Lists all volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.14 or greater.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        let all = self.all_projects || crate::commands::compute::server::all_projects_env(ctx);
        let q: Vec<(&str, String)> = if all {
            vec![("all_tenants", "True".into())]
        } else {
            Vec::new()
        };
        let rows = call(ctx, cinder::GROUP_SNAPSHOTS_DETAIL.list(&s, &q))?
            .iter()
            .map(|g| COLUMNS[..3].iter().map(|(_, k)| cell(g.get(*k))).collect())
            .collect();
        Ok(Output::List(Listing {
            columns: COLUMNS[..3].iter().map(|(h, _)| h.to_string()).collect(),
            rows,
        }))
    }
}

/// Show detailed information for a volume group snapshot.
///
/// This command requires ``--os-volume-api-version`` 3.14 or greater.
#[derive(clap::Args, Debug)]
pub struct ShowVolumeGroupSnapshot {
    /// Name or ID of volume group snapshot.
    #[arg(value_name = "<snapshot>", verbatim_doc_comment)]
    snapshot: String,
}

impl Command for ShowVolumeGroupSnapshot {
    const WORDS: &'static str = "volume group snapshot show";
    const ABOUT: &'static str = "Show detailed information for a volume group snapshot.\n\nThis command requires ``--os-volume-api-version`` 3.14 or greater.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        need(ctx, &s, Self::WORDS)?;
        Ok(Output::One(record(&find(
            ctx,
            GROUP_SNAPSHOT,
            &self.snapshot,
        )?)))
    }
}

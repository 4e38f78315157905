//! `volume snapshot delete` (volume_snapshot.py DeleteVolumeSnapshot).

use crate::commands::common::bulk;
use crate::commands::volume::{SNAPSHOT, find_in, id, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume as cinder;
use serde_json::Value;

/// Delete volume snapshot(s)
#[derive(clap::Args, Debug)]
pub struct DeleteVolumeSnapshot {
    /// Snapshot(s) to delete (name or ID)
    #[arg(value_name = "<snapshot>", required = true, num_args = 1..)]
    snapshots: Vec<String>,
    /// Attempt forced removal of snapshot(s), regardless of state (defaults to False)
    #[arg(long)]
    force: bool,
    /// Unmanage the snapshot, removing it from the Block Storage service management but not
    /// from the backend.
    #[arg(long, verbatim_doc_comment)]
    remote: bool,
}

impl Command for DeleteVolumeSnapshot {
    const WORDS: &'static str = "volume snapshot delete";
    const ABOUT: &'static str = "Delete volume snapshot(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.remote && self.force {
            return Err(CliError::Message(
                "The --force option is not supported with the --remote parameter.".into(),
            ));
        }
        let (force, remote) = (self.force, self.remote);
        let results = bulk::each(ctx, &self.snapshots, |s, name| async move {
            let sid = id(&find_in(&s, SNAPSHOT, &name, &[]).await?);
            let coll = cinder::SNAPSHOTS;
            match (remote, force) {
                (true, _) => cinder::action(&s, &coll, &sid, "os-unmanage", Value::Null)
                    .await
                    .map(drop),
                (_, true) => cinder::action(&s, &coll, &sid, "os-force_delete", Value::Null)
                    .await
                    .map(drop),
                _ => coll.delete(&s, &sid).await,
            }
            .map_err(sdk)
        })?;
        bulk::summarize(&self.snapshots, results, "snapshots", |item, e| {
            format!("Failed to delete snapshot with name or ID '{item}': {e}")
        })?;
        Ok(Output::None)
    }
}

//! `volume snapshot unset` (volume_snapshot.py UnsetVolumeSnapshot).

use crate::commands::volume::{SNAPSHOT, call, find, id};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume as cinder;

/// Unset volume snapshot properties
#[derive(clap::Args, Debug)]
pub struct UnsetVolumeSnapshot {
    /// Snapshot to modify (name or ID)
    #[arg(value_name = "<snapshot>")]
    snapshot: String,
    /// Property to remove from snapshot (repeat option to remove multiple properties)
    #[arg(long, value_name = "<key>", action = clap::ArgAction::Append)]
    property: Vec<String>,
}

impl Command for UnsetVolumeSnapshot {
    const WORDS: &'static str = "volume snapshot unset";
    const ABOUT: &'static str = "Unset volume snapshot properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let sid = id(&find(ctx, SNAPSHOT, &self.snapshot)?);
        let s = ctx.session()?;
        for k in &self.property {
            call(ctx, cinder::delete_metadata_item(&s, "snapshots", &sid, k))?;
        }
        Ok(Output::None)
    }
}

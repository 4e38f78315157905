//! `volume snapshot show` (volume_snapshot.py ShowVolumeSnapshot).

use super::snapshot_record;
use crate::commands::volume::{SNAPSHOT, find};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display volume snapshot details
#[derive(clap::Args, Debug)]
pub struct ShowVolumeSnapshot {
    /// Snapshot to display (name or ID)
    #[arg(value_name = "<snapshot>")]
    snapshot: String,
}

impl Command for ShowVolumeSnapshot {
    const WORDS: &'static str = "volume snapshot show";
    const ABOUT: &'static str = "Display volume snapshot details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let v = find(ctx, SNAPSHOT, &self.snapshot)?;
        Ok(Output::One(snapshot_record(&v)))
    }
}

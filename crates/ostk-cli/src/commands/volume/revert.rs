//! `volume revert` (openstackclient/volume/v3/volume.py VolumeRevertToSnapshot).

use super::{SNAPSHOT, VOLUME, call, find, id};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume as cinder;

/// Revert a volume to a snapshot.
#[derive(clap::Args, Debug)]
pub struct VolumeRevertToSnapshot {
    /// Name or ID of the snapshot to restore. The snapshot must be the most recent one known
    /// to cinder.
    #[arg(value_name = "<snapshot>", verbatim_doc_comment)]
    snapshot: String,
}

impl Command for VolumeRevertToSnapshot {
    const WORDS: &'static str = "volume revert";
    const ABOUT: &'static str = "Revert a volume to a snapshot.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        if !call(ctx, cinder::supports(&s, "3.40"))? {
            return Err(CliError::Message(
                "--os-volume-api-version 3.40 or greater is required to support the 'volume \
                 revert snapshot' command"
                    .into(),
            ));
        }
        let snap = find(ctx, SNAPSHOT, &self.snapshot)?;
        let vol_id = snap["volume_id"].as_str().unwrap_or_default().to_string();
        let vol = find(ctx, VOLUME, &vol_id)?;
        call(ctx, cinder::volumes::revert(&s, &id(&vol), &id(&snap)))?;
        Ok(Output::None)
    }
}

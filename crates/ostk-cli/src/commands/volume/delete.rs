//! `volume delete` (openstackclient/volume/v3/volume.py DeleteVolume).

use super::{VOLUME, find_in, id, sdk};
use crate::commands::common::bulk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume as cinder;
use serde_json::Value;

/// Delete volume(s)
#[derive(clap::Args, Debug)]
pub struct DeleteVolume {
    /// Volume(s) to delete (name or ID)
    #[arg(value_name = "<volume>", required = true, num_args = 1..)]
    volumes: Vec<String>,
    /// Attempt forced removal of volume(s), regardless of state (defaults to False)
    #[arg(long, group = "mode")]
    force: bool,
    /// Remove any snapshots along with volume(s) (defaults to False)
    #[arg(long, group = "mode")]
    cascade: bool,
    // now called "cascade", the old name still accepted
    #[arg(long, group = "mode", hide = true)]
    purge: bool,
    /// Specify this parameter to unmanage a volume.
    #[arg(long, verbatim_doc_comment)]
    remote: bool,
}

impl Command for DeleteVolume {
    const WORDS: &'static str = "volume delete";
    const ABOUT: &'static str = "Delete volume(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let cascade = self.cascade || self.purge;
        if self.remote && (self.force || cascade) {
            return Err(CliError::Message(
                "The --force and --cascade options are not supported with the --remote \
                 parameter."
                    .into(),
            ));
        }
        let (force, remote) = (self.force, self.remote);
        let results = bulk::each(ctx, &self.volumes, |s, name| async move {
            let v = find_in(&s, VOLUME, &name, &[]).await?;
            let vid = id(&v);
            if remote {
                cinder::action(&s, &cinder::VOLUMES, &vid, "os-unmanage", Value::Null)
                    .await
                    .map(drop)
            } else {
                cinder::volumes::delete(&s, &vid, force, cascade).await
            }
            .map_err(sdk)
        })?;
        bulk::summarize(&self.volumes, results, "volumes", |item, e| {
            format!("Failed to delete volume with name or ID '{item}': {e}")
        })?;
        Ok(Output::None)
    }
}

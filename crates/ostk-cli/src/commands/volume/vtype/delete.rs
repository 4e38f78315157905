//! `volume type delete` (volume_type.py DeleteVolumeType).

use crate::commands::common::bulk;
use crate::commands::volume::{TYPE, find_in, id, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume as cinder;

/// Delete volume type(s)
#[derive(clap::Args, Debug)]
pub struct DeleteVolumeType {
    /// Volume type(s) to delete (name or ID)
    #[arg(value_name = "<volume-type>", required = true, num_args = 1..)]
    volume_types: Vec<String>,
}

impl Command for DeleteVolumeType {
    const WORDS: &'static str = "volume type delete";
    const ABOUT: &'static str = "Delete volume type(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let results = bulk::each(ctx, &self.volume_types, |s, name| async move {
            let tid = id(&find_in(&s, TYPE, &name, &[]).await?);
            cinder::TYPES.delete(&s, &tid).await.map_err(sdk)
        })?;
        bulk::summarize(&self.volume_types, results, "volume types", |item, e| {
            format!("Failed to delete volume type with name or ID '{item}': {e}")
        })?;
        Ok(Output::None)
    }
}

//! `volume show` (openstackclient/volume/v3/volume.py ShowVolume).

use super::{VOLUME, find, volume_record};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display volume details
#[derive(clap::Args, Debug)]
pub struct ShowVolume {
    /// Volume to display (name or ID)
    #[arg(value_name = "<volume>")]
    volume: String,
}

impl Command for ShowVolume {
    const WORDS: &'static str = "volume show";
    const ABOUT: &'static str = "Display volume details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let v = find(ctx, VOLUME, &self.volume)?;
        Ok(Output::One(volume_record(&v)))
    }
}

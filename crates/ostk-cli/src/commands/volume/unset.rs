//! `volume unset` (openstackclient/volume/v3/volume.py UnsetVolume).

use super::{VOLUME, call, find, id};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume as cinder;

/// Unset volume properties
#[derive(clap::Args, Debug)]
pub struct UnsetVolume {
    /// Volume to modify (name or ID)
    #[arg(value_name = "<volume>")]
    volume: String,
    /// Remove a property from volume (repeat option to remove multiple properties)
    #[arg(long, value_name = "<key>", action = clap::ArgAction::Append)]
    property: Vec<String>,
    /// Remove an image property from volume (repeat option to remove multiple image
    /// properties)
    #[arg(long, value_name = "<key>", action = clap::ArgAction::Append)]
    image_property: Vec<String>,
}

impl Command for UnsetVolume {
    const WORDS: &'static str = "volume unset";
    const ABOUT: &'static str = "Unset volume properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let v = find(ctx, VOLUME, &self.volume)?;
        let vid = id(&v);
        let s = ctx.session()?;
        let mut failed = 0;
        if !self.property.is_empty() {
            let r = self
                .property
                .iter()
                .try_for_each(|k| call(ctx, cinder::delete_metadata_item(&s, "volumes", &vid, k)));
            if let Err(e) = r {
                tracing::error!("Failed to unset volume properties: {e}");
                failed += 1;
            }
        }
        if !self.image_property.is_empty() {
            let r = self
                .image_property
                .iter()
                .try_for_each(|k| call(ctx, cinder::volumes::unset_image_metadata(&s, &vid, k)));
            if let Err(e) = r {
                tracing::error!("Failed to unset image properties: {e}");
                failed += 1;
            }
        }
        if failed > 0 {
            return Err(CliError::Message(
                "One or more of the unset operations failed".into(),
            ));
        }
        Ok(Output::None)
    }
}

//! `image unset` (openstackclient/image/v2/image.py UnsetImage).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::image::ImageService;
use serde_json::json;

/// Unset image tags and properties
#[derive(clap::Args, Debug)]
pub struct UnsetImage {
    /// Image to modify (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
    /// Unset a tag on this image (repeat option to unset multiple tags)
    #[arg(long, value_name = "<tag>", action = clap::ArgAction::Append)]
    tag: Vec<String>,
    /// Unset a property on this image (repeat option to unset multiple properties)
    #[arg(long, value_name = "<property-key>", action = clap::ArgAction::Append)]
    property: Vec<String>,
}

impl Command for UnsetImage {
    const WORDS: &'static str = "image unset";
    const ABOUT: &'static str = "Unset image tags and properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let img = super::find_image(ctx, &self.image)?;
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        let mut tagret = 0;
        let mut propret = 0;
        for t in &self.tag {
            if ctx.block_on(glance.remove_tag(&img.id, t))?.is_err() {
                tracing::error!("tag unset failed, '{t}' is a nonexistent tag ");
                tagret += 1;
            }
        }
        if !self.property.is_empty() {
            let map = img.to_map();
            let mut ops = Vec::new();
            for k in &self.property {
                if map.get(k).is_some_and(|v| !v.is_null()) && k != "tags" {
                    ops.push(json!({"op": "remove", "path": format!("/{k}")}));
                } else {
                    tracing::error!("property unset failed, '{k}' is a nonexistent property ");
                    propret += 1;
                }
            }
            if !ops.is_empty() {
                ctx.block_on(glance.patch(&img.id, ops))??;
            }
        }
        let (tagtotal, proptotal) = (self.tag.len(), self.property.len());
        let msg = if tagret > 0 && propret > 0 {
            format!(
                "Failed to unset {tagret} of {tagtotal} tags,Failed to unset {propret} of {proptotal} properties."
            )
        } else if tagret > 0 {
            format!("Failed to unset {tagret} of {tagtotal} tags.")
        } else if propret > 0 {
            format!("Failed to unset {propret} of {proptotal} properties.")
        } else {
            return Ok(Output::None);
        };
        Err(CliError::Message(msg))
    }
}

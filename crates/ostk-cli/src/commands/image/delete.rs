//! `image delete` (openstackclient/image/v2/image.py DeleteImage).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::image::ImageService;

/// Delete image(s)
#[derive(clap::Args, Debug)]
pub struct DeleteImage {
    /// Image(s) to delete (name or ID)
    #[arg(value_name = "<image>", required = true, num_args = 1..)]
    images: Vec<String>,
    /// Store to delete image(s) from.
    #[arg(long, value_name = "<STORE>", verbatim_doc_comment)]
    store: Option<String>,
}

impl Command for DeleteImage {
    const WORDS: &'static str = "image delete";
    const ABOUT: &'static str = "Delete image(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let mut failed = 0;
        for name in &self.images {
            // OSC catches openstacksdk's ResourceNotFound (which find_image raises for an
            // unknown image, too) as "Multi Backend support not enabled." and stops there.
            let img = match super::find_image(ctx, name) {
                Ok(i) => i,
                Err(CliError::Message(m)) if m.starts_with("No Image found") => {
                    return Err(CliError::Message(
                        "Multi Backend support not enabled.".into(),
                    ));
                }
                Err(e) => {
                    failed += 1;
                    tracing::error!("Failed to delete image with name or ID '{name}': {e}");
                    continue;
                }
            };
            let r =
                ctx.block_on(ImageService::new(&session).delete(&img.id, self.store.as_deref()))?;
            match r {
                Ok(()) => {}
                Err(e) if e.status() == Some(404) => {
                    return Err(CliError::Message(
                        "Multi Backend support not enabled.".into(),
                    ));
                }
                Err(e) => {
                    failed += 1;
                    tracing::error!("Failed to delete image with name or ID '{name}': {e}");
                }
            }
        }
        if failed > 0 {
            return Err(CliError::Message(format!(
                "Failed to delete {failed} of {} images.",
                self.images.len()
            )));
        }
        Ok(Output::None)
    }
}

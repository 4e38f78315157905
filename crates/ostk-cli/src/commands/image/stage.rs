//! `image stage` (openstackclient/image/v2/image.py StageImage, with openstacksdk's
//! `stage_image`): streams data from `--file` or stdin to `PUT /v2/images/{id}/stage`.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::transfer::Source;
use ostk_sdk::image::ImageService;

/// Upload data for a specific image to staging.
/// This requires support for the interoperable image import process, which was first introduced in Image API version 2.6 (Glance 16.0.0 (Queens))
#[derive(clap::Args, Debug)]
pub struct StageImage {
    /// Local file that contains disk image to be uploaded. Alternatively, images can be passed via stdin.
    #[arg(long, value_name = "<file>", verbatim_doc_comment)]
    file: Option<String>,
    /// Size of image data in bytes. Providing this can improve upload performance.
    #[arg(long, value_name = "<size>", verbatim_doc_comment, value_parser = super::create::parse_size)]
    size: Option<u64>,
    /// Show upload progress bar (ignored if passing data via stdin)
    #[arg(long)]
    progress: bool,
    /// Image to upload data for (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
}

impl Command for StageImage {
    const WORDS: &'static str = "image stage";
    const ABOUT: &'static str = "Upload data for a specific image to staging.\nThis requires support for the interoperable image import process, which was first introduced in Image API version 2.6 (Glance 16.0.0 (Queens))";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let img = super::find_image(ctx, &self.image)?;
        let source = match &self.file {
            Some(f) => {
                if std::fs::File::open(f).is_err() {
                    return Err(CliError::Message(format!("'{f}' is not a valid file")));
                }
                Some(Source::File(f.into()))
            }
            None => super::create::stdin_source(),
        };
        if self.size.is_some() && source.is_none() {
            return Err(CliError::Message(
                "--size requires image data via --file or stdin".into(),
            ));
        }
        let status = img.status.as_deref().unwrap_or("None");
        if status != "queued" {
            return Err(CliError::Message(format!(
                "Image stage is only possible for images in the queued state. Current state is {status}"
            )));
        }
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        let progress = self.progress && matches!(source, Some(Source::File(_)));
        let sent = match &source {
            Some(s) => ctx.block_on(glance.stage(&img.id, s, self.size, progress))?,
            None => ctx.block_on(glance.stage_empty(&img.id))?,
        };
        sent.map_err(|e| super::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

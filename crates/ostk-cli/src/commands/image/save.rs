//! `image save` (openstackclient/image/v2/image.py SaveImage): streams the data to `--file`
//! (through a temporary file, renamed when complete and verified) or stdout.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::transfer::Sink;
use ostk_sdk::image::ImageService;

/// Save an image locally
#[derive(clap::Args, Debug)]
pub struct SaveImage {
    /// Size in bytes to read from the wire and buffer at one time (default: 1024)
    #[arg(
        long,
        value_name = "<chunk-size>",
        default_value_t = 1024,
        hide_default_value = true
    )]
    chunk_size: i64,
    /// Downloaded image save filename (default: stdout)
    #[arg(long, value_name = "<filename>")]
    file: Option<String>,
    /// Preferred store to download the image from (repeat option to specify multiple store preferences in order)
    #[arg(long, value_name = "<store>", action = clap::ArgAction::Append)]
    store_preference: Vec<String>,
    /// Image to save (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
}

impl Command for SaveImage {
    const WORDS: &'static str = "image save";
    const ABOUT: &'static str = "Save an image locally";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let img = super::find_image(ctx, &self.image)?;
        let session = ctx.session()?;
        let sink = match &self.file {
            Some(f) => Sink::File(f.into()),
            None => Sink::Stdout,
        };
        let _ = self.chunk_size; // the transfer layer picks its own chunk size
        ctx.block_on_interruptible(
            ImageService::new(&session).download(&img, &sink, &self.store_preference, false),
            "interrupted: nothing was saved",
        )??;
        Ok(Output::None)
    }
}

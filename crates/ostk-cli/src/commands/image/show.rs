//! `image show` (openstackclient/image/v2/image.py ShowImage).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display image details
#[derive(clap::Args, Debug)]
pub struct ShowImage {
    /// Print image size in a human-friendly format.
    #[arg(long, verbatim_doc_comment)]
    human_readable: bool,
    /// Image to display (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
}

impl Command for ShowImage {
    const WORDS: &'static str = "image show";
    const ABOUT: &'static str = "Display image details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let img = super::find_image(ctx, &self.image)?;
        Ok(Output::One(super::image_record(&img, self.human_readable)))
    }
}

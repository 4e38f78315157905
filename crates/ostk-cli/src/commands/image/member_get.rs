//! `image member get` (openstackclient/image/v2/image.py ShowProjectImage).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::image::ImageService;

/// Show a particular project associated with image
#[derive(clap::Args, Debug)]
pub struct ShowProjectImage {
    /// Image (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
    /// Project to show (name or ID)
    #[arg(value_name = "<project>")]
    member: String,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for ShowProjectImage {
    const WORDS: &'static str = "image member get";
    const ABOUT: &'static str = "Show a particular project associated with image";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // OSC passes the project as typed (no name lookup; --project-domain is unused).
        let _ = self.project_domain;
        let img = super::find_image(ctx, &self.image)?;
        let session = ctx.session()?;
        let m = ctx
            .block_on(ImageService::new(&session).get_member(&img.id, &self.member))?
            // openstacksdk's Member has no id before the fetch: `No Member found for None`.
            .map_err(|e| super::sdk_error(e, Some("No Member found for None")))?;
        Ok(Output::One(super::member_list::member_record(&m)))
    }
}

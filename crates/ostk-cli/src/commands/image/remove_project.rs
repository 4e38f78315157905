//! `image remove project` (openstackclient/image/v2/image.py RemoveProjectImage).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::image::ImageService;

/// Disassociate project with image
#[derive(clap::Args, Debug)]
pub struct RemoveProjectImage {
    /// Image to unshare (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
    /// Project to disassociate with image (name or ID)
    #[arg(value_name = "<project>")]
    project: String,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for RemoveProjectImage {
    const WORDS: &'static str = "image remove project";
    const ABOUT: &'static str = "Disassociate project with image";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let project = crate::commands::identity::common::find_project_id(
            ctx,
            &self.project,
            self.project_domain.as_deref(),
            true,
        )?;
        let img = super::find_image(ctx, &self.image)?;
        let session = ctx.session()?;
        ctx.block_on(ImageService::new(&session).remove_member(&img.id, &project))??;
        Ok(Output::None)
    }
}

//! `image add project` (openstackclient/image/v2/image.py AddProjectToImage).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::image::ImageService;

/// Associate project with image
#[derive(clap::Args, Debug)]
pub struct AddProjectToImage {
    /// Image to share (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
    /// Project to associate with image (ID)
    #[arg(value_name = "<project>")]
    project: String,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for AddProjectToImage {
    const WORDS: &'static str = "image add project";
    const ABOUT: &'static str = "Associate project with image";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let project = crate::commands::identity::common::find_project_id(
            ctx,
            &self.project,
            self.project_domain.as_deref(),
            true,
        )?;
        let img = super::find_image(ctx, &self.image)?;
        let session = ctx.session()?;
        let m = ctx.block_on(ImageService::new(&session).add_member(&img.id, &project))??;
        Ok(Output::One(super::member_list::member_record(&m)))
    }
}

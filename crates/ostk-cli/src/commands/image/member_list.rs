//! `image member list` (openstackclient/image/v2/image.py ListImageProjects), and the member
//! record `image add project` shows.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::image::ImageService;
use serde_json::Value;

/// List projects associated with image
#[derive(clap::Args, Debug)]
pub struct ListImageProjects {
    /// Image (name or ID)
    #[arg(value_name = "<image>")]
    image: String,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

fn text(m: &Value, k: &str) -> Cell {
    match m.get(k) {
        None | Some(Value::Null) => Cell::None,
        Some(Value::String(s)) => Cell::Str(s.clone()),
        Some(v) => Cell::from_json(v.clone()),
    }
}

/// `_get_member_columns`: openstacksdk Member attributes (`created_at`, `image_id`,
/// `member_id`, `schema`, `status`, `updated_at`), sorted.
pub fn member_record(m: &Value) -> Record {
    let fields = [
        "created_at",
        "image_id",
        "member_id",
        "schema",
        "status",
        "updated_at",
    ]
    .iter()
    .map(|k| (k.to_string(), text(m, k)))
    .collect();
    Record { fields }
}

impl Command for ListImageProjects {
    const WORDS: &'static str = "image member list";
    const ABOUT: &'static str = "List projects associated with image";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let img = super::find_image(ctx, &self.image)?;
        let session = ctx.session()?;
        let members = ctx.block_on(ImageService::new(&session).members(&img.id))??;
        Ok(Output::List(Listing {
            columns: vec!["Image ID".into(), "Member ID".into(), "Status".into()],
            rows: members
                .iter()
                .map(|m| vec![text(m, "image_id"), text(m, "member_id"), text(m, "status")])
                .collect(),
        }))
    }
}

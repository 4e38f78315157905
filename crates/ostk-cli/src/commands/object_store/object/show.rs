//! `object show` (openstackclient/object/v1/object.py ShowObject).

use super::super::{header, properties, sorted_record};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::object_store::{ObjectStore, metadata};

/// Display object details
#[derive(clap::Args, Debug)]
pub struct ShowObject {
    /// Display <object> from <container>
    #[arg(value_name = "<container>")]
    container: String,
    /// Object to display
    #[arg(value_name = "<object>")]
    object: String,
}

impl Command for ShowObject {
    const WORDS: &'static str = "object show";
    const ABOUT: &'static str = "Display object details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let swift = ObjectStore::new(&session);
        let (resp, account) = ctx.block_on(async {
            let resp = swift.head_object(&self.container, &self.object).await?;
            Ok::<_, ostk_sdk::client::ClientError>((resp, swift.account().await?))
        })??;
        let mut fields = vec![
            ("account".to_string(), Cell::Str(account)),
            ("container".into(), Cell::Str(self.container.clone())),
            ("object".into(), Cell::Str(self.object.clone())),
            ("content-type".into(), header(&resp, "content-type")),
        ];
        for h in [
            "content-length",
            "last-modified",
            "etag",
            "x-object-manifest",
        ] {
            if resp.header(h).is_some() {
                fields.push((h.to_string(), header(&resp, h)));
            }
        }
        let props = metadata(&resp, "x-object-meta-");
        if !props.is_empty() {
            fields.push(("properties".into(), properties(props)));
        }
        Ok(Output::One(sorted_record(fields)))
    }
}

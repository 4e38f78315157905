//! `container show` (openstackclient/object/v1/container.py ShowContainer).

use super::super::{header, properties, sorted_record};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::object_store::{ObjectStore, metadata};

/// Display container details
#[derive(clap::Args, Debug)]
pub struct ShowContainer {
    /// Container to display
    #[arg(value_name = "<container>")]
    container: String,
}

impl Command for ShowContainer {
    const WORDS: &'static str = "container show";
    const ABOUT: &'static str = "Display container details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let swift = ObjectStore::new(&session);
        let (resp, account) = ctx.block_on(async {
            let resp = swift.head_container(&self.container).await?;
            Ok::<_, ostk_sdk::client::ClientError>((resp, swift.account().await?))
        })??;
        let mut fields = vec![
            ("account".to_string(), Cell::Str(account)),
            ("container".into(), Cell::Str(self.container.clone())),
            (
                "object_count".into(),
                header(&resp, "x-container-object-count"),
            ),
            ("bytes_used".into(), header(&resp, "x-container-bytes-used")),
            ("storage_policy".into(), header(&resp, "x-storage-policy")),
        ];
        for (h, k) in [
            ("x-container-read", "read_acl"),
            ("x-container-write", "write_acl"),
            ("x-container-sync-to", "sync_to"),
            ("x-container-sync-key", "sync_key"),
        ] {
            if resp.header(h).is_some() {
                fields.push((k.to_string(), header(&resp, h)));
            }
        }
        let props = metadata(&resp, "x-container-meta-");
        if !props.is_empty() {
            fields.push(("properties".into(), properties(props)));
        }
        Ok(Output::One(sorted_record(fields)))
    }
}

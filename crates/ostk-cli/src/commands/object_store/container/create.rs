//! `container create` (openstackclient/object/v1/container.py CreateContainer).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::object_store::ObjectStore;

/// Create new container
#[derive(clap::Args, Debug)]
pub struct CreateContainer {
    /// Make the container publicly accessible
    #[arg(long)]
    public: bool,
    /// Specify a particular storage policy to use.
    #[arg(long, value_name = "STORAGE_POLICY", verbatim_doc_comment)]
    storage_policy: Option<String>,
    /// New container name(s)
    #[arg(value_name = "<container-name>", required = true)]
    containers: Vec<String>,
}

impl Command for CreateContainer {
    const WORDS: &'static str = "container create";
    const ABOUT: &'static str = "Create new container";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let swift = ObjectStore::new(&session);
        let mut headers = Vec::new();
        if self.public {
            headers.push((
                "X-Container-Read".to_string(),
                ".r:*,.rlistings".to_string(),
            ));
        }
        if let Some(p) = &self.storage_policy {
            headers.push(("X-Storage-Policy".to_string(), p.clone()));
        }
        let account = ctx.block_on(swift.account())??;
        let mut rows = Vec::new();
        for c in &self.containers {
            let n = c.chars().count();
            if n > 256 {
                tracing::warn!("Container name is {n} characters long, the default limit is 256");
            }
            let resp = ctx.block_on(swift.create_container(c, &headers))??;
            rows.push(vec![
                Cell::Str(account.clone()),
                Cell::Str(c.clone()),
                super::super::header(&resp, "x-trans-id"),
            ]);
        }
        Ok(Output::List(Listing {
            columns: vec!["account".into(), "container".into(), "x-trans-id".into()],
            rows,
        }))
    }
}

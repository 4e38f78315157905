//! `container save` (openstackclient/object/v1/container.py SaveContainer): every object of
//! the first listing page to a file of its name under the current directory, several at once,
//! each verified.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use futures_util::{StreamExt, stream};
use ostk_sdk::client::transfer::Sink;
use ostk_sdk::object_store::{DownloadOptions, ListQuery, ObjectStore};

/// Save container contents locally
#[derive(clap::Args, Debug)]
pub struct SaveContainer {
    /// Container to save
    #[arg(value_name = "<container>")]
    container: String,
}

impl Command for SaveContainer {
    const WORDS: &'static str = "container save";
    const ABOUT: &'static str = "Save container contents locally";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let swift = ObjectStore::new(&session);
        let c = &self.container;
        let results = ctx.block_on(async {
            let objects = swift.list_objects(c, &ListQuery::default()).await?;
            let opts = DownloadOptions {
                concurrency: 1,
                progress: false,
            };
            let opts = &opts;
            let names: Vec<String> = objects.into_iter().filter_map(|o| o.name).collect();
            let results: Vec<Result<u64, ostk_sdk::client::ClientError>> = stream::iter(names)
                .map(|name| async move {
                    super::super::object::save::prepare_dir(&name)?;
                    swift
                        .download(c, &name, &Sink::File(name.clone().into()), opts)
                        .await
                })
                .buffered(4)
                .collect()
                .await;
            Ok::<_, ostk_sdk::client::ClientError>(results)
        })??;
        super::super::report_failures(results, "downloads")?;
        Ok(Output::None)
    }
}

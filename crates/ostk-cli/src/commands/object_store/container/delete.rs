//! `container delete` (openstackclient/object/v1/container.py DeleteContainer). With
//! `--recursive`, objects go in bulk-delete requests when the cluster offers it (else in
//! parallel), large objects with their segments.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::object_store::ObjectStore;

/// Delete container
#[derive(clap::Args, Debug)]
pub struct DeleteContainer {
    /// Recursively delete objects and container
    #[arg(long, short = 'r')]
    recursive: bool,
    /// Container(s) to delete
    #[arg(value_name = "<container>", required = true)]
    containers: Vec<String>,
}

impl Command for DeleteContainer {
    const WORDS: &'static str = "container delete";
    const ABOUT: &'static str = "Delete container";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let swift = ObjectStore::new(&session);
        for c in &self.containers {
            if self.recursive {
                ctx.block_on(swift.delete_container_recursive(c, 10))??;
            } else {
                ctx.block_on(swift.delete_container(c))??;
            }
        }
        Ok(Output::None)
    }
}

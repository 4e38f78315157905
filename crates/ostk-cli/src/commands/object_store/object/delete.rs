//! `object delete` (openstackclient/object/v1/object.py DeleteObject). Several objects go in
//! one bulk-delete request when the cluster offers it; a static large object goes with its
//! segments.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::object_store::ObjectStore;

/// Delete object from container
#[derive(clap::Args, Debug)]
pub struct DeleteObject {
    /// Delete object(s) from <container>
    #[arg(value_name = "<container>")]
    container: String,
    /// Object(s) to delete
    #[arg(value_name = "<object>", required = true)]
    objects: Vec<String>,
}

impl Command for DeleteObject {
    const WORDS: &'static str = "object delete";
    const ABOUT: &'static str = "Delete object from container";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let swift = ObjectStore::new(&session);
        let results = ctx.block_on(swift.delete_objects(&self.container, &self.objects, 10))??;
        super::super::report_failures(results, "deletes")?;
        Ok(Output::None)
    }
}

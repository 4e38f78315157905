//! `mapping delete` (openstackclient/identity/v3/mapping.py DeleteMapping).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Delete mapping(s)
#[derive(clap::Args, Debug)]
pub struct DeleteMapping {
    /// Mapping(s) to delete
    #[arg(value_name = "<mapping>", required = true, num_args = 1..)]
    mapping: Vec<String>,
}

impl Command for DeleteMapping {
    const WORDS: &'static str = "mapping delete";
    const ABOUT: &'static str = "Delete mapping(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        super::super::batch::delete_each(
            ctx,
            &self.mapping,
            "mappings",
            |i, e| format!("Failed to delete mapping with name or ID '{i}': {e}"),
            |ctx, i| {
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_mapping(i))?
                    .map_err(|e| super::super::common::sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}

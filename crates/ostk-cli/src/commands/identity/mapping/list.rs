//! `mapping list` (openstackclient/identity/v3/mapping.py ListMapping).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;

/// List mappings
#[derive(clap::Args, Debug)]
pub struct ListMapping {}

impl Command for ListMapping {
    const WORDS: &'static str = "mapping list";
    const ABOUT: &'static str = "List mappings";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let mappings = ctx
            .block_on(Identity::new(&session).mappings())?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: vec!["ID".into(), "schema_version".into()],
            rows: mappings
                .iter()
                .map(|m| vec![Cell::Str(m.id.clone()), m.schema_version.clone().into()])
                .collect(),
        }))
    }
}

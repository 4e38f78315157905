//! `secret container list` (barbicanclient/barbican_cli/v1/containers.py ListContainer).

use super::{COLUMNS, cells};
use crate::commands::key_manager::secret::list::plugin_listing;
use crate::commands::key_manager::{EPILOG, Page, barbican_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::key_manager::KeyManager;

/// List containers.
#[derive(clap::Args, Debug)]
pub struct ListContainer {
    #[command(flatten)]
    page: Page,
    /// specify the container name (default: None)
    #[arg(long, visible_short_alias = 'n', value_name = "NAME")]
    name: Option<String>,
    /// specify the type filter for the list (default: None).
    #[arg(
        long = "type",
        visible_short_alias = 't',
        value_name = "TYPE",
        verbatim_doc_comment
    )]
    kind: Option<String>,
}

impl Command for ListContainer {
    const WORDS: &'static str = "secret container list";
    const ABOUT: &'static str = "List containers.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = EPILOG;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let query = self.page.query([("name", self.name), ("type", self.kind)]);
        let session = ctx.session()?;
        let containers = ctx
            .block_on(KeyManager::new(&session).containers(&query))?
            .map_err(barbican_error)?;
        Ok(Output::List(plugin_listing(
            &COLUMNS,
            containers.iter().map(cells).collect(),
        )))
    }
}

//! `secret list` (barbicanclient/barbican_cli/v1/secrets.py ListSecret).

use super::{COLUMNS, cells};
use crate::commands::key_manager::{EPILOG, Page, barbican_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::key_manager::KeyManager;

/// List secrets.
#[derive(clap::Args, Debug)]
pub struct ListSecret {
    #[command(flatten)]
    page: Page,
    /// specify the secret name (default: None)
    #[arg(long, visible_short_alias = 'n', value_name = "NAME")]
    name: Option<String>,
    /// the algorithm filter for the list(default: None).
    #[arg(
        long,
        visible_short_alias = 'a',
        value_name = "ALGORITHM",
        verbatim_doc_comment
    )]
    algorithm: Option<String>,
    /// the bit length filter for the list (default: 0).
    #[arg(
        long,
        visible_short_alias = 'b',
        value_name = "BIT_LENGTH",
        default_value_t = 0,
        verbatim_doc_comment
    )]
    bit_length: i64,
    /// the algorithm mode filter for the list (default: None).
    #[arg(
        long,
        visible_short_alias = 'm',
        value_name = "MODE",
        verbatim_doc_comment
    )]
    mode: Option<String>,
    /// specify the secret type (default: None).
    #[arg(
        long,
        visible_short_alias = 's',
        value_name = "SECRET_TYPE",
        verbatim_doc_comment
    )]
    secret_type: Option<String>,
}

impl Command for ListSecret {
    const WORDS: &'static str = "secret list";
    const ABOUT: &'static str = "List secrets.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = EPILOG;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query = self.page.query([
            ("name", self.name),
            ("alg", self.algorithm),
            ("mode", self.mode),
            ("secret_type", self.secret_type),
        ]);
        if self.bit_length > 0 {
            query.push(("bits", self.bit_length.to_string()));
        }
        let session = ctx.session()?;
        let secrets = ctx
            .block_on(KeyManager::new(&session).secrets(&query))?
            .map_err(barbican_error)?;
        Ok(Output::List(plugin_listing(
            &COLUMNS,
            secrets.iter().map(cells).collect(),
        )))
    }
}

/// barbicanclient's `_list_objects`: no rows means no columns either (cliff prints nothing).
pub fn plugin_listing(columns: &[&str], rows: Vec<Vec<ostk_output::Cell>>) -> Listing {
    Listing {
        columns: if rows.is_empty() {
            Vec::new()
        } else {
            columns.iter().map(|c| c.to_string()).collect()
        },
        rows,
    }
}

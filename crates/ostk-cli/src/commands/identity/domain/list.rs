//! `domain list` (openstackclient/identity/v3/domain.py ListDomain).

use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::domain::DOMAINS;
use serde_json::Value;

/// List domains
#[derive(clap::Args, Debug)]
pub struct ListDomain {
    /// The domain name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// The domains that are enabled will be returned
    #[arg(long)]
    enabled: bool,
}

impl Command for ListDomain {
    const WORDS: &'static str = "domain list";
    const ABOUT: &'static str = "List domains";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query = Vec::new();
        if let Some(n) = self.name.filter(|n| !n.is_empty()) {
            query.push(("name", n));
        }
        if self.enabled {
            query.push(("enabled", "True".to_string()));
        }
        let session = ctx.session()?;
        let items = ctx
            .block_on(DOMAINS.list(&session, &query))?
            .map_err(|e| sdk_error(e, None))?;
        let rows = items
            .iter()
            .map(|d| {
                ["id", "name", "enabled", "description"]
                    .iter()
                    .map(|k| Cell::from_json(d.get(*k).cloned().unwrap_or(Value::Null)))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: vec![
                "ID".into(),
                "Name".into(),
                "Enabled".into(),
                "Description".into(),
            ],
            rows,
        }))
    }
}

//! `catalog list` (openstackclient/identity/v3/catalog.py ListCatalog).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;
use serde_json::Value;

/// List services in the service catalog
#[derive(clap::Args, Debug)]
pub struct ListCatalog {}

impl Command for ListCatalog {
    const WORDS: &'static str = "catalog list";
    const ABOUT: &'static str = "List services in the service catalog";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let catalog = ctx.block_on(Identity::new(&session).catalog())??;
        let text = |svc: &Value, k: &str| match svc.get(k) {
            Some(Value::String(s)) => Cell::Str(s.clone()),
            Some(Value::Null) | None => Cell::Str(String::new()),
            Some(other) => Cell::from_json(other.clone()),
        };
        let rows = catalog
            .services
            .iter()
            .map(|svc| {
                vec![
                    text(svc, "name"),
                    text(svc, "type"),
                    super::endpoints_cell(svc),
                ]
            })
            .collect();
        Ok(Output::List(Listing {
            columns: vec!["Name".into(), "Type".into(), "Endpoints".into()],
            rows,
        }))
    }
}

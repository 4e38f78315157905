//! `block storage resource filter list/show` (block_storage_resource_filter.py; 3.33+).

use crate::commands::volume::{call, cell, require_command};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::volume as cinder;
use serde_json::Value;

/// (header, cell) of one resource's filters: `Filters` is a `ListColumn`.
fn fields(f: &Value) -> Vec<(String, Cell)> {
    vec![
        ("Resource".into(), cell(f.get("resource"))),
        (
            "Filters".into(),
            Cell::list(f.get("filters").and_then(Value::as_array).cloned()),
        ),
    ]
}

/// List block storage resource filters
#[derive(clap::Args, Debug)]
pub struct ListBlockStorageResourceFilter {}

impl Command for ListBlockStorageResourceFilter {
    const WORDS: &'static str = "block storage resource filter list";
    const ABOUT: &'static str = "List block storage resource filters";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require_command(ctx, &s, "3.33", Self::WORDS)?;
        let rows = call(ctx, cinder::RESOURCE_FILTERS.list(&s, &[]))?
            .iter()
            .map(|f| fields(f).into_iter().map(|(_, c)| c).collect())
            .collect();
        Ok(Output::List(Listing {
            columns: vec!["Resource".into(), "Filters".into()],
            rows,
        }))
    }
}

/// Show filters for a block storage resource type
#[derive(clap::Args, Debug)]
pub struct ShowBlockStorageResourceFilter {
    /// Resource to show filters for (name).
    #[arg(value_name = "<resource>", verbatim_doc_comment)]
    resource: String,
}

impl Command for ShowBlockStorageResourceFilter {
    const WORDS: &'static str = "block storage resource filter show";
    const ABOUT: &'static str = "Show filters for a block storage resource type";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require_command(ctx, &s, "3.33", Self::WORDS)?;
        let q = [("resource", self.resource.clone())];
        let found = call(ctx, cinder::RESOURCE_FILTERS.list(&s, &q))?;
        // OSC means to say this, but its check never fires and an empty answer ends in a
        // bare StopIteration (an empty error line)
        let Some(f) = found.first() else {
            return Err(CliError::Message(format!(
                "No resource filter with a name of '{}' exists.",
                self.resource
            )));
        };
        Ok(Output::One(Record { fields: fields(f) }))
    }
}

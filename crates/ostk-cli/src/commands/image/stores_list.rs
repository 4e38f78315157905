//! `image stores list` (openstackclient/image/v2/image.py StoresInfo).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::image::ImageService;
use serde_json::Value;

/// Get available backends (only valid with Multi-Backend support)
#[derive(clap::Args, Debug)]
pub struct StoresInfo {
    /// Shows details of stores (admin only) (requires --os-image-api-version 2.15 or later)
    #[arg(long)]
    detail: bool,
}

impl Command for StoresInfo {
    const WORDS: &'static str = "image stores list";
    const ABOUT: &'static str = "Get available backends (only valid with Multi-Backend support)";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let stores = match ctx.block_on(ImageService::new(&session).stores(self.detail))? {
            Ok(s) => s,
            Err(e) if e.status() == Some(404) => {
                return Err(CliError::Message(
                    "Multi Backend support not enabled".into(),
                ));
            }
            Err(e) => return Err(e.into()),
        };
        let mut columns = vec!["ID".to_string(), "Description".into(), "Default".into()];
        if self.detail {
            columns.push("Properties".into());
        }
        let rows = stores
            .iter()
            .map(|s| {
                let get = |k: &str| match s.get(k) {
                    None | Some(Value::Null) => Cell::None,
                    Some(Value::String(t)) => Cell::Str(t.clone()),
                    Some(v) => Cell::from_json(v.clone()),
                };
                // openstacksdk's Store.is_default is `bool(value)`: glance sends "true" as a string.
                let default = match s.get("default") {
                    None | Some(Value::Null) => Cell::None,
                    Some(Value::Bool(b)) => Cell::Bool(*b),
                    Some(Value::String(t)) => Cell::Bool(!t.is_empty()),
                    Some(v) => Cell::from_json(v.clone()),
                };
                let mut row = vec![get("id"), get("description"), default];
                if self.detail {
                    row.push(get("properties"));
                }
                row
            })
            .collect();
        Ok(Output::List(Listing { columns, rows }))
    }
}

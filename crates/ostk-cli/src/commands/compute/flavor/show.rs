//! `flavor show` (openstackclient/compute/v2/flavor.py ShowFlavor).

use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::compute::flavor;
use serde_json::Value;

/// Display flavor details
#[derive(clap::Args, Debug)]
pub struct ShowFlavor {
    /// Flavor to display (name or ID)
    #[arg(value_name = "<flavor>")]
    flavor: String,
}

impl Command for ShowFlavor {
    const WORDS: &'static str = "flavor show";
    const ABOUT: &'static str = "Display flavor details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let f = super::find(ctx, &self.flavor)?;
        let mut access = Cell::None;
        if !super::is_public(&f) {
            let session = ctx.session()?;
            match ctx.block_on(flavor::access(&session, &super::id(&f)))? {
                Ok(list) => {
                    let ids: Vec<Value> = list
                        .iter()
                        .map(|a| a.get("tenant_id").cloned().unwrap_or(Value::Null))
                        .collect();
                    access = Cell::Raw(Value::Array(ids));
                }
                Err(e) => tracing::error!(
                    "Failed to get access projects list for flavor '{}': {}",
                    self.flavor,
                    sdk(e)
                ),
            }
        }
        Ok(Output::One(super::record(&f, Some(access))))
    }
}

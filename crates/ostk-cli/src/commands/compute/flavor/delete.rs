//! `flavor delete` (openstackclient/compute/v2/flavor.py DeleteFlavor).

use crate::commands::common::bulk;
use crate::commands::compute::common::{found, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::flavor;

/// Delete flavor(s)
#[derive(clap::Args, Debug)]
pub struct DeleteFlavor {
    /// Flavor(s) to delete (name or ID)
    #[arg(value_name = "<flavor>", required = true, num_args = 1..)]
    flavors: Vec<String>,
}

impl Command for DeleteFlavor {
    const WORDS: &'static str = "flavor delete";
    const ABOUT: &'static str = "Delete flavor(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let results = bulk::each(ctx, &self.flavors, |s, name| async move {
            let f = found(flavor::find(&s, &name).await, "Flavor", &name)?;
            let id = super::id(&f);
            match flavor::FLAVORS.delete(&s, &id).await {
                Err(e) if e.status() != Some(404) => Err(sdk(e)),
                _ => Ok(()),
            }
        })?;
        bulk::summarize(&self.flavors, results, "flavors", |i, e| {
            format!("Failed to delete flavor with name or ID '{i}': {e}")
        })?;
        Ok(Output::None)
    }
}

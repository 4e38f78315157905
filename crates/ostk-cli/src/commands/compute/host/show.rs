//! `host show` (openstackclient/compute/v2/host.py ShowHost).

use crate::commands::compute::common::{row, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::compute::host;
use serde_json::Value;

/// DEPRECATED: Display host details
#[derive(clap::Args, Debug)]
pub struct ShowHost {
    /// Name of host
    #[arg(value_name = "<host>")]
    host: String,
}

impl Command for ShowHost {
    const WORDS: &'static str = "host show";
    const ABOUT: &'static str = "DEPRECATED: Display host details";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        tracing::warn!("API has been deprecated; consider using 'hypervisor show' instead.");
        let session = ctx.session()?;
        let resources = ctx
            .block_on(host::get(&session, &self.host))?
            .map_err(sdk)?;
        let data: Vec<Value> = resources
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| r.get("resource").cloned().unwrap_or(Value::Null))
            .collect();
        Ok(Output::List(Listing {
            columns: ["Host", "Project", "CPU", "Memory MB", "Disk GB"]
                .map(String::from)
                .to_vec(),
            rows: data
                .iter()
                .map(|r| row(r, &["host", "project", "cpu", "memory_mb", "disk_gb"]))
                .collect(),
        }))
    }
}

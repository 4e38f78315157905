//! `host list` (openstackclient/compute/v2/host.py ListHost).

use crate::commands::compute::common::{row, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::compute::host;
use serde_json::Value;

/// DEPRECATED: List hosts
#[derive(clap::Args, Debug)]
pub struct ListHost {
    /// Only return hosts in the availability zone
    #[arg(long, value_name = "<zone>")]
    zone: Option<String>,
}

impl Command for ListHost {
    const WORDS: &'static str = "host list";
    const ABOUT: &'static str = "DEPRECATED: List hosts";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        tracing::warn!("API has been deprecated; consider using 'hypervisor list' instead.");
        let session = ctx.session()?;
        let mut hosts = ctx.block_on(host::list(&session))?.map_err(sdk)?;
        if let Some(z) = &self.zone {
            hosts.retain(|h| h.get("zone").and_then(Value::as_str) == Some(z.as_str()));
        }
        Ok(Output::List(Listing {
            columns: ["Host Name", "Service", "Zone"].map(String::from).to_vec(),
            rows: hosts
                .iter()
                .map(|h| row(h, &["host_name", "service", "zone"]))
                .collect(),
        }))
    }
}

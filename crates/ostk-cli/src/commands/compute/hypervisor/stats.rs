//! `hypervisor stats show` (openstackclient/compute/v2/hypervisor_stats.py).

use crate::commands::compute::common::{sdk, sorted_record};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::compute::hypervisor;

/// Display hypervisor stats details
#[derive(clap::Args, Debug)]
pub struct ShowHypervisorStats {}

impl Command for ShowHypervisorStats {
    const WORDS: &'static str = "hypervisor stats show";
    const ABOUT: &'static str = "Display hypervisor stats details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        tracing::warn!("This command is deprecated.");
        let session = ctx.session()?;
        // OSC reads this answer without checking its status: an error body has no
        // statistics, and Python fails on the missing dict.
        let stats = match ctx.block_on(hypervisor::statistics(&session))? {
            Err(e) if e.status().is_some() => {
                return Err(CliError::Message(
                    "'NoneType' object has no attribute 'keys'".into(),
                ));
            }
            other => other.map_err(sdk)?,
        };
        let fields = stats
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| !["id", "links", "location", "name"].contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), Cell::from_json(v.clone())))
            .collect();
        Ok(Output::One(sorted_record(fields)))
    }
}

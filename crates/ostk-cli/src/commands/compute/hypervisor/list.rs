//! `hypervisor list` (openstackclient/compute/v2/hypervisor.py ListHypervisor).

use crate::commands::compute::common::{MarkerPagination, row, sdk, supports};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::compute::hypervisor;

/// List hypervisors
#[derive(clap::Args, Debug)]
pub struct ListHypervisor {
    /// Filter hypervisors using <hostname> substringHypervisor Type and Host IP are not returned when using microversion 2.52 or lower
    #[arg(long, value_name = "<hostname>")]
    matching: Option<String>,
    #[command(flatten)]
    page: MarkerPagination,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ListHypervisor {
    const WORDS: &'static str = "hypervisor list";
    const ABOUT: &'static str = "List hypervisors";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let matching = self.matching.as_deref().filter(|m| !m.is_empty());
        if matching.is_some() && (self.page.marker().is_some() || self.page.limit().is_some()) {
            return Err(CliError::Message(
                "--matching is not compatible with --marker or --limit".into(),
            ));
        }
        let mut query = self.page.query(ctx, "2.33")?;
        let mut columns = vec![
            "ID",
            "Hypervisor Hostname",
            "Hypervisor Type",
            "Host IP",
            "State",
        ];
        let mut keys = vec![
            "id",
            "hypervisor_hostname",
            "hypervisor_type",
            "host_ip",
            "state",
        ];
        if self.long && !supports(ctx, "2.88")? {
            columns.extend(["vCPUs Used", "vCPUs", "Memory MB Used", "Memory MB"]);
            keys.extend(["vcpus_used", "vcpus", "memory_mb_used", "memory_mb"]);
        }
        let session = ctx.session()?;
        let mut items = match matching {
            // openstacksdk searches by path before 2.53.
            Some(m) if !supports(ctx, "2.53")? => ctx.block_on(hypervisor::search(&session, m))?,
            Some(m) => {
                query.push(("hypervisor_hostname_pattern", m.to_string()));
                ctx.block_on(hypervisor::list(&session, &query))?
            }
            None => ctx.block_on(hypervisor::list(&session, &query))?,
        }
        .map_err(sdk)?;
        self.page.truncate(&mut items);
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows: items.iter().map(|h| row(h, &keys)).collect(),
        }))
    }
}

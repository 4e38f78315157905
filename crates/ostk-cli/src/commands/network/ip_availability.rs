//! `ip availability list/show` (openstackclient/network/v2/ip_availability.py).

use super::common::{self as c, Fmt, Formatters};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{IP_AVAILABILITY, NETWORK};
use serde_json::{Value, json};

const FORMATTERS: Formatters = &[
    ("subnet_ip_availability", Fmt::ListDicts),
    ("ip_availability_details", Fmt::Dict),
];

/// The `ip_availability_details` keys `ip availability list` shows as columns.
const DETAIL_FIELDS: &[(&str, &str)] = &[
    ("Total IPs in Subnet", "total_ips_in_subnet"),
    (
        "Total IPs in Allocation Pool",
        "total_ips_in_allocation_pool",
    ),
    ("Used IPs in Subnet", "used_ips_in_subnet"),
    ("Used IPs in Allocation Pool", "used_ips_in_allocation_pool"),
];

/// List IP availability for network
#[derive(clap::Args, Debug)]
pub struct ListIpAvailability {
    /// List only IP availability with the specified IP version networks (4 or 6, default is 4)
    #[arg(long, value_name = "<ip-version>", value_parser = ["4", "6"], hide_possible_values = true,
          default_value = "4", hide_default_value = true)]
    ip_version: String,
    /// List only IP availability with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListIpAvailability {
    const WORDS: &'static str = "ip availability list";
    const ABOUT: &'static str = "List IP availability for network";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = vec![("ip_version", self.ip_version.clone())];
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        self.page.apply(&mut q);
        let items = c::list(ctx, &IP_AVAILABILITY, &q, self.page.max_items)?;
        let cols = [
            ("Network ID", "network_id"),
            ("Network Name", "network_name"),
            ("Total IPs", "total_ips"),
            ("Used IPs", "used_ips"),
        ];
        let mut listing = c::listing(&IP_AVAILABILITY, &items, &cols, &[]);
        listing
            .columns
            .extend(DETAIL_FIELDS.iter().map(|(h, _)| h.to_string()));
        for (row, item) in listing.rows.iter_mut().zip(&items) {
            let details = item.get("ip_availability_details");
            for (_, field) in DETAIL_FIELDS {
                let v = details
                    .and_then(|d| d.get(*field))
                    .cloned()
                    .unwrap_or_else(|| json!(""));
                row.push(c::cell(&v, None));
            }
        }
        Ok(Output::List(listing))
    }
}

/// Show network IP availability details
#[derive(clap::Args, Debug)]
pub struct ShowIpAvailability {
    /// Show IP availability for a specific network (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
}

impl Command for ShowIpAvailability {
    const WORDS: &'static str = "ip availability show";
    const ABOUT: &'static str = "Show network IP availability details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let network = c::find_id(ctx, &NETWORK, &self.network)?;
        let obj: Value = c::find(ctx, &IP_AVAILABILITY, &network)?;
        Ok(Output::One(c::show_record(
            &IP_AVAILABILITY,
            &obj,
            &[],
            &["id", "name", "location", "tenant_id"],
            FORMATTERS,
        )))
    }
}

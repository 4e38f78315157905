//! `aggregate list` (openstackclient/compute/v2/aggregate.py ListAggregate).

use crate::commands::compute::common::{field, sdk, supports};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::compute::aggregate;
use serde_json::Value;

/// List all aggregates
#[derive(clap::Args, Debug)]
pub struct ListAggregate {
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// Filter by availability zone name
    #[arg(long, value_name = "<availability-zone>")]
    availability_zone: Option<String>,
    /// Filter by aggregates containing this host
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
}

impl Command for ListAggregate {
    const WORDS: &'static str = "aggregate list";
    const ABOUT: &'static str = "List all aggregates";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let mut items = ctx
            .block_on(aggregate::AGGREGATES.list(&session, &[]))?
            .map_err(sdk)?;
        if let Some(z) = &self.availability_zone {
            items
                .retain(|a| a.get("availability_zone").and_then(Value::as_str) == Some(z.as_str()));
        }
        if let Some(h) = &self.host {
            items.retain(|a| {
                a.get("hosts")
                    .and_then(Value::as_array)
                    .is_some_and(|hs| hs.iter().any(|x| x.as_str() == Some(h.as_str())))
            });
        }
        let uuid = supports(ctx, "2.41")?;
        let mut columns = vec!["ID"];
        if uuid {
            columns.push("UUID");
        }
        columns.extend(["Name", "Availability Zone"]);
        if self.long {
            columns.extend(["Properties", "Hosts"]);
        }
        let rows = items
            .iter()
            .map(|a| {
                let mut r = vec![Cell::from_json(field(a, "id"))];
                if uuid {
                    r.push(Cell::from_json(field(a, "uuid")));
                }
                r.push(Cell::from_json(field(a, "name")));
                r.push(Cell::from_json(field(a, "availability_zone")));
                if self.long {
                    let mut m = super::metadata(a);
                    m.shift_remove("availability_zone");
                    r.push(Cell::dict(Some(m)));
                    r.push(super::hosts(a));
                }
                r
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}

//! `compute service list` (openstackclient/compute/v2/service.py ListService).

use crate::commands::compute::common::{sdk, supports};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::compute::service;
use serde_json::Value;

/// List compute services.
///
/// Using ``--os-compute-api-version`` 2.53 or greater will return the ID as a UUID
/// value which can be used to uniquely identify the service in a multi-cell
/// deployment.
#[derive(clap::Args, Debug)]
pub struct ListService {
    /// List services on specified host (name only)
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// List only specified service binaries (name only). For example, ``nova-compute``, ``nova-conductor``, etc.
    #[arg(long, value_name = "<service>", verbatim_doc_comment)]
    service: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ListService {
    const WORDS: &'static str = "compute service list";
    const ABOUT: &'static str = "List compute services.\n\nUsing ``--os-compute-api-version`` 2.53 or greater will return the ID as a UUID\nvalue which can be used to uniquely identify the service in a multi-cell\ndeployment.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut columns = vec![
            "ID",
            "Binary",
            "Host",
            "Zone",
            "Status",
            "State",
            "Updated At",
        ];
        let mut keys = vec![
            "id",
            "binary",
            "host",
            "zone",
            "status",
            "state",
            "updated_at",
        ];
        if self.long {
            columns.push("Disabled Reason");
            keys.push("disabled_reason");
            if supports(ctx, "2.11")? {
                columns.push("Forced Down");
                keys.push("forced_down");
            }
        }
        let session = ctx.session()?;
        let items = ctx
            .block_on(service::list(
                &session,
                self.host.as_deref(),
                self.service.as_deref(),
            ))?
            .map_err(sdk)?;
        let rows = items
            .iter()
            .map(|s| {
                keys.iter()
                    .map(|k| match (*k, s.get(*k)) {
                        ("forced_down", Some(Value::Bool(b))) => Cell::Bool(*b),
                        (_, v) => Cell::from_json(v.cloned().unwrap_or(Value::Null)),
                    })
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}

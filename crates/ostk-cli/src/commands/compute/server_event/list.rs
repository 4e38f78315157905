//! `server event list` (openstackclient/compute/v2/server_event.py ListServerEvent).

use crate::commands::compute::common::{
    MarkerPagination, pagination_first, require_for_option, row, sdk,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::compute::console;

/// List recent events of a server.
///
/// Specify ``--os-compute-api-version 2.21`` or higher to show events for a
/// deleted server, specified by ID only.
#[derive(clap::Args, Debug)]
pub struct ListServerEvent {
    /// Server to list events (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List only server events changed later or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.58 or above)
    #[arg(long, value_name = "<changes-since>", verbatim_doc_comment)]
    changes_since: Option<String>,
    /// List only server events changed earlier or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.66 or above)
    #[arg(long, value_name = "<changes-before>", verbatim_doc_comment)]
    changes_before: Option<String>,
    #[command(flatten)]
    page: MarkerPagination,
}

/// iso8601's `parse_date` accepts a date, optionally with a time and zone.
fn iso8601_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    digits(0..4) && (b.len() == 4 || b.get(4) == Some(&b'-') && digits(5..7))
}

impl Command for ListServerEvent {
    const WORDS: &'static str = "server event list";
    const ABOUT: &'static str = "List recent events of a server.\n\nSpecify ``--os-compute-api-version 2.21`` or higher to show events for a\ndeleted server, specified by ID only.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query = self.page.query(ctx, "2.58")?;
        for (value, option, version, key) in [
            (
                &self.changes_since,
                "--changes-since",
                "2.58",
                "changes-since",
            ),
            (
                &self.changes_before,
                "--changes-before",
                "2.66",
                "changes-before",
            ),
        ] {
            if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
                require_for_option(ctx, version, option)?;
                if !iso8601_ok(v) {
                    return Err(CliError::Message(format!(
                        "Invalid {} value: {v}",
                        option.trim_start_matches("--")
                    )));
                }
                query.push((key, v.clone()));
            }
        }
        pagination_first(&mut query);
        let id = super::server_id(ctx, &self.server)?;
        let session = ctx.session()?;
        let mut items = if self.page.limit().is_some() {
            ctx.block_on(console::actions_page(&session, &id, &query))?
        } else {
            ctx.block_on(console::actions(&session, &id, &query))?
        }
        .map_err(sdk)?;
        self.page.truncate(&mut items);
        let mut columns = vec!["Request ID", "Server ID", "Action", "Start Time"];
        let mut keys = vec!["request_id", "instance_uuid", "action", "start_time"];
        if self.long {
            columns.extend(["Message", "Project ID", "User ID"]);
            keys.extend(["message", "project_id", "user_id"]);
        }
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows: items.iter().map(|a| row(a, &keys)).collect(),
        }))
    }
}

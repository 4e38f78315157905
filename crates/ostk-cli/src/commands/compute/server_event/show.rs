//! `server event show` (openstackclient/compute/v2/server_event.py ShowServerEvent).

use crate::commands::compute::common::{field, sorted_record};
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::compute::console;
use serde_json::{Map, Value};

/// Show server event details.
///
/// Specify ``--os-compute-api-version 2.21`` or higher to show event details
/// for a deleted server, specified by ID only. Specify
/// ``--os-compute-api-version 2.51`` or higher to show event details for
/// non-admin users.
#[derive(clap::Args, Debug)]
pub struct ShowServerEvent {
    /// Server to show event details (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Request ID of the event to show (ID only)
    #[arg(value_name = "<request-id>")]
    request_id: String,
}

/// `ServerActionEventColumn._format_event`: the event's openstacksdk attributes, sorted.
fn event(e: &Value) -> Map<String, Value> {
    [
        ("details", "details"),
        ("event", "event"),
        ("finish_time", "finish_time"),
        ("host", "host"),
        ("host_id", "hostId"),
        ("result", "result"),
        ("start_time", "start_time"),
        ("traceback", "traceback"),
    ]
    .iter()
    .map(|(k, wire)| ((*k).to_string(), field(e, wire)))
    .collect()
}

impl Command for ShowServerEvent {
    const WORDS: &'static str = "server event show";
    const ABOUT: &'static str = "Show server event details.\n\nSpecify ``--os-compute-api-version 2.21`` or higher to show event details\nfor a deleted server, specified by ID only. Specify\n``--os-compute-api-version 2.51`` or higher to show event details for\nnon-admin users.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let id = super::server_id(ctx, &self.server)?;
        let session = ctx.session()?;
        let a = ctx
            .block_on(console::action(&session, &id, &self.request_id))?
            .map_err(|e| sdk_error(e, Some("No ServerAction found for None")))?;
        // Before 2.51 nova hides the events from non-admins, and OSC's formatter fails on that.
        let Some(events) = a.get("events").and_then(Value::as_array) else {
            return Err(CliError::Message(
                "'NoneType' object is not iterable".into(),
            ));
        };
        let events: Vec<Map<String, Value>> = events.iter().map(event).collect();
        let mut fields = vec![("events".to_string(), Cell::list_of_dicts(Some(events)))];
        for (k, wire) in [
            ("action", "action"),
            ("id", "request_id"),
            ("message", "message"),
            ("project_id", "project_id"),
            ("request_id", "request_id"),
            ("start_time", "start_time"),
            ("user_id", "user_id"),
        ] {
            fields.push((k.to_string(), Cell::from_json(field(&a, wire))));
        }
        Ok(Output::One(sorted_record(fields)))
    }
}

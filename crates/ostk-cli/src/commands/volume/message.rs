//! `volume message list/show/delete` (openstackclient/volume/v3/volume_message.py): cinder's
//! user-facing failure messages (microversion 3.3+).
//!
//! openstacksdk's `Message` declares no microversion, so the reference sends none and cinder
//! (3.0) answers 404 unless `--os-volume-api-version 3.3` is given; ostk negotiates as for every
//! other cinder resource, so the commands work without it too.

use super::{call, cell, require};
use crate::commands::compute::common::MarkerPagination;
use crate::commands::identity::common::find_project_id;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::volume as cinder;

/// (header, attribute) of `volume message list`, in its order.
const LIST: [(&str, &str); 9] = [
    ("ID", "id"),
    ("Event ID", "event_id"),
    ("Resource Type", "resource_type"),
    ("Resource UUID", "resource_uuid"),
    ("Message Level", "message_level"),
    ("User Message", "user_message"),
    ("Request ID", "request_id"),
    ("Created At", "created_at"),
    ("Guaranteed Until", "guaranteed_until"),
];

/// Delete a volume failure message
#[derive(clap::Args, Debug)]
pub struct DeleteMessage {
    /// Message(s) to delete (ID)
    #[arg(value_name = "<message-id>", required = true, num_args = 1..)]
    message_ids: Vec<String>,
}

impl Command for DeleteMessage {
    const WORDS: &'static str = "volume message delete";
    const ABOUT: &'static str = "Delete a volume failure message";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require(ctx, &s, "3.3", "'volume message delete' command")?;
        let results =
            crate::commands::common::bulk::each(ctx, &self.message_ids, |s, m| async move {
                cinder::MESSAGES.delete(&s, &m).await.map_err(super::sdk)
            })?;
        let mut errors = 0;
        for (m, r) in self.message_ids.iter().zip(results) {
            if r.is_err() {
                errors += 1;
                tracing::error!("Failed to delete message: {m}");
            }
        }
        if errors > 0 {
            return Err(CliError::Message(format!(
                "Failed to delete {errors} of {} messages.",
                self.message_ids.len()
            )));
        }
        Ok(Output::None)
    }
}

/// List volume failure messages
#[derive(clap::Args, Debug)]
pub struct ListMessages {
    /// Filter results by project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    limit: Option<i64>,
    /// The first position in the collection to return results from. This should be a value that was returned in a previous request.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    marker: Option<String>,
}

impl Command for ListMessages {
    const WORDS: &'static str = "volume message list";
    const ABOUT: &'static str = "List volume failure messages";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require(ctx, &s, "3.3", "'volume message list' command")?;
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(p) = &self.project {
            let pid = find_project_id(ctx, p, self.project_domain.as_deref(), true)?;
            q.push(("project_id", pid));
        }
        let page = MarkerPagination {
            limit: self.limit,
            marker: self.marker.clone(),
            max_items: None,
        };
        if let Some(m) = page.marker() {
            q.push(("marker", m.to_string()));
        }
        if let Some(l) = page.limit() {
            q.push(("limit", l.to_string()));
        }
        let rows = call(ctx, cinder::MESSAGES.list(&s, &q))?
            .iter()
            .map(|m| LIST.iter().map(|(_, k)| cell(m.get(*k))).collect())
            .collect();
        Ok(Output::List(Listing {
            columns: LIST.iter().map(|(h, _)| h.to_string()).collect(),
            rows,
        }))
    }
}

/// Show a volume failure message
#[derive(clap::Args, Debug)]
pub struct ShowMessage {
    /// Message to show (ID).
    #[arg(value_name = "<message-id>", verbatim_doc_comment)]
    message_id: String,
}

impl Command for ShowMessage {
    const WORDS: &'static str = "volume message show";
    const ABOUT: &'static str = "Show a volume failure message";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require(ctx, &s, "3.3", "'volume message show' command")?;
        let m = call(ctx, cinder::MESSAGES.get(&s, &self.message_id))?;
        // _format_message: the list's columns, sorted by header
        let mut fields: Vec<(String, ostk_output::Cell)> = LIST
            .iter()
            .map(|(h, k)| (h.to_string(), cell(m.get(*k))))
            .collect();
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::One(Record { fields }))
    }
}

//! `image task list|show` (openstackclient/image/v2/task.py).

use super::json_cell;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::image::ImageService;
use serde_json::{Map, Value};

/// Display task details
#[derive(clap::Args, Debug)]
pub struct ShowTask {
    /// Task to display (ID)
    #[arg(value_name = "<Task ID>")]
    task: String,
}

/// task.py `_format_task`: the listed fields (openstacksdk's `owner_id` is glance's `owner`) and
/// `properties`, which holds the Task attributes beyond them — openstacksdk's Task has none
/// (glance's extra keys such as `image_id` are dropped), so it is always empty.
fn task_record(t: &Value) -> Record {
    const FIELDS: &[(&str, &str)] = &[
        ("created_at", "created_at"),
        ("expires_at", "expires_at"),
        ("id", "id"),
        ("input", "input"),
        ("message", "message"),
        ("owner_id", "owner"),
        ("result", "result"),
        ("status", "status"),
        ("type", "type"),
        ("updated_at", "updated_at"),
    ];
    let mut fields: Vec<(String, Cell)> = FIELDS
        .iter()
        .map(|(name, key)| (name.to_string(), json_cell(t.get(*key))))
        .collect();
    fields.push(("properties".into(), Cell::dict(Some(Map::new()))));
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

impl Command for ShowTask {
    const WORDS: &'static str = "image task show";
    const ABOUT: &'static str = "Display task details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let msg = format!("No Task found for {}", self.task);
        let t = ctx
            .block_on(ImageService::new(&session).task(&self.task))?
            .map_err(|e| super::sdk_error(e, Some(&msg)))?;
        Ok(Output::One(task_record(&t)))
    }
}

/// List tasks
#[derive(clap::Args, Debug)]
pub struct ListTask {
    /// Sorts the response by one of the following attributes: created_at, expires_at, id, status, type, updated_at. (default is created_at) (multiple keys and directions can be specified separated by comma)
    #[arg(long, value_name = "<key>[:<field>]")]
    sort_key: Option<String>,
    /// Sort output by selected keys and directions (asc or desc) (default: name:desc) (multiple keys and directions can be specified separated by comma)
    #[arg(long, value_name = "<key>[:<direction>]")]
    sort_dir: Option<String>,
    /// The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    limit: Option<u64>,
    /// The first position in the collection to return results from. This should be a value that was returned in a previous request.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    marker: Option<String>,
    /// The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size.
    #[arg(long, value_name = "<max-items>", verbatim_doc_comment)]
    max_items: Option<u64>,
    /// Filters the response by a task type.
    #[arg(long = "type", value_name = "<type>", value_parser = ["import"],
          hide_possible_values = true, verbatim_doc_comment)]
    task_type: Option<String>,
    /// Filter tasks based on status.
    #[arg(long, value_name = "<status>", value_parser = ["pending", "processing", "success", "failure"],
          hide_possible_values = true, verbatim_doc_comment)]
    status: Option<String>,
}

impl Command for ListTask {
    const WORDS: &'static str = "image task list";
    const ABOUT: &'static str = "List tasks";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // OSC 10.5.0 does not pass --max-items on (task.py copy_attrs).
        let _ = self.max_items;
        let mut q: Vec<(&str, String)> = Vec::new();
        for (k, v) in [
            ("sort_key", &self.sort_key),
            ("sort_dir", &self.sort_dir),
            ("marker", &self.marker),
            ("type", &self.task_type),
            ("status", &self.status),
        ] {
            if let Some(v) = v {
                q.push((k, v.clone()));
            }
        }
        if let Some(l) = self.limit {
            q.push(("limit", l.to_string()));
        }
        let session = ctx.session()?;
        let tasks = ctx
            .block_on(ImageService::new(&session).tasks(&q))?
            .map_err(|e| super::sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: vec!["ID".into(), "Type".into(), "Status".into(), "Owner".into()],
            rows: tasks
                .iter()
                .map(|t| {
                    ["id", "type", "status", "owner"]
                        .iter()
                        .map(|k| json_cell(t.get(*k)))
                        .collect()
                })
                .collect(),
        }))
    }
}

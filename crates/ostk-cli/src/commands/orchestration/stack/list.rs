//! `stack list` (heatclient/osc/v1/stack.py ListStack, `_list`).

use crate::commands::orchestration::{format_parameters, heat_error, item_row, with_session};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::orchestration as heat;
use serde_json::Value;

/// List stacks.
#[derive(clap::Args, Debug)]
pub struct ListStack {
    /// Include soft-deleted stacks in the stack listing
    #[arg(long)]
    deleted: bool,
    /// Include nested stacks in the stack listing
    #[arg(long)]
    nested: bool,
    /// Include hidden stacks in the stack listing
    #[arg(long)]
    hidden: bool,
    /// Filter properties to apply on returned stacks (repeat to filter on multiple properties)
    #[arg(long = "property", value_name = "<key=value>")]
    properties: Vec<String>,
    /// Filter stacks by project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(
        long = "project-domain",
        value_name = "<project-domain>",
        verbatim_doc_comment
    )]
    project_domain: Option<String>,
    /// List of tags to filter by. Can be combined with --tag-mode to specify how to filter tags
    #[arg(long, value_name = "<tag1,tag2...>")]
    tags: Option<String>,
    /// Method of filtering tags. Must be one of "any", "not", or "not-any". If not specified, multiple tags will be combined with the boolean AND expression
    #[arg(long = "tag-mode", value_name = "<mode>")]
    tag_mode: Option<String>,
    /// The number of stacks returned
    #[arg(long, value_name = "<limit>")]
    limit: Option<i64>,
    /// Only return stacks that appear after the given ID
    #[arg(long, value_name = "<id>")]
    marker: Option<String>,
    /// Sort output by selected keys and directions (asc or desc) (default: asc). Specify multiple times to sort on multiple properties
    #[arg(long, value_name = "<key>[:<direction>]")]
    sort: Option<String>,
    /// Include all projects (admin only)
    #[arg(long = "all-projects")]
    all_projects: bool,
    /// List fewer fields in output
    #[arg(long)]
    short: bool,
    /// List additional fields in output, this is implied by --all-projects
    #[arg(long)]
    long: bool,
}

impl Command for ListStack {
    const WORDS: &'static str = "stack list";
    const ABOUT: &'static str = "List stacks.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let project_id = match &self.project {
            Some(p) => Some(crate::commands::identity::common::find_project_id(
                ctx,
                p,
                self.project_domain.as_deref(),
                true,
            )?),
            None => None,
        };
        let mut columns = vec![
            "ID",
            "Stack Name",
            "Stack Status",
            "Creation Time",
            "Updated Time",
        ];
        let mut q: Vec<(String, String)> = Vec::new();
        for (k, v) in format_parameters(&self.properties, true)? {
            match v {
                Value::Array(a) => q.extend(
                    a.into_iter()
                        .map(|x| (k.clone(), x.as_str().unwrap_or("").to_string())),
                ),
                other => q.push((k, other.as_str().unwrap_or("").to_string())),
            }
        }
        // heatclient passes the truthy keyword arguments in this order
        if let Some(l) = self.limit.filter(|l| *l != 0) {
            q.push(("limit".into(), l.to_string()));
        }
        if let Some(m) = self.marker.as_ref().filter(|m| !m.is_empty()) {
            q.push(("marker".into(), m.clone()));
        }
        let mut tag_key = None;
        if let Some(t) = self.tags.as_ref().filter(|t| !t.is_empty()) {
            tag_key = Some(match self.tag_mode.as_deref() {
                None | Some("") => "tags",
                Some("any") => "tags_any",
                Some("not") => "not_tags",
                Some("not-any") => "not_tags_any",
                Some(_) => {
                    return Err(CliError::Message(
                        "tag mode must be one of \"any\", \"not\", \"not-any\"".into(),
                    ));
                }
            });
            let _ = t;
        }
        for key in ["tags", "tags_any", "not_tags", "not_tags_any"] {
            if tag_key == Some(key) {
                q.push((key.into(), self.tags.clone().unwrap_or_default()));
            }
        }
        if self.all_projects || self.long {
            q.push(("global_tenant".into(), "True".into()));
        }
        if self.deleted {
            q.push(("show_deleted".into(), "True".into()));
        }
        if self.hidden {
            q.push(("show_hidden".into(), "True".into()));
        }
        if self.short {
            columns.truncate(3);
        }
        if self.long {
            columns.insert(2, "Stack Owner");
        }
        if self.nested {
            columns.push("Parent");
            q.push(("show_nested".into(), "True".into()));
        }
        if self.deleted {
            columns.push("Deletion Time");
        }
        if let Some(p) = project_id {
            q.push(("tenant".into(), p));
        }
        let mut stacks = with_session(ctx, |s| async move {
            let mut all = Vec::new();
            let mut q = q;
            let limit = q
                .iter()
                .find(|(k, _)| k == "limit")
                .and_then(|(_, v)| v.parse::<i64>().ok())
                .unwrap_or(0);
            // heatclient pages on when a limit asks for more than the server gave
            loop {
                let page = heat::list_stacks(&s, &q).await?;
                let n = page.len() as i64;
                let last = page
                    .last()
                    .and_then(|v| v.get("id"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                all.extend(page);
                let remaining = limit - all.len() as i64;
                match last {
                    Some(id) if remaining > 0 && n > 0 && limit > 0 => {
                        q.retain(|(k, _)| k != "limit" && k != "marker");
                        q.push(("limit".into(), remaining.to_string()));
                        q.push(("marker".into(), id));
                    }
                    _ => break,
                }
            }
            Ok(all)
        })?
        .map_err(heat_error)?;
        if stacks.iter().any(|s| s.get("project").is_some()) {
            columns.insert(2, "Project");
        }
        if let Some(spec) = &self.sort {
            sort_stacks(&mut stacks, spec)?;
        }
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: stacks.iter().map(|s| item_row(s, &columns)).collect(),
        }))
    }
}

/// osc-lib's `sort_items`: `key[:dir],…`, the last key applied first.
fn sort_stacks(items: &mut [Value], spec: &str) -> Result<(), CliError> {
    for part in spec.split(',').collect::<Vec<_>>().into_iter().rev() {
        let (key, dir) = part.split_once(':').unwrap_or((part, "asc"));
        let desc = match dir {
            "asc" => false,
            "desc" => true,
            other => {
                return Err(CliError::Message(format!(
                    "Specified sort direction \"{other}\" is not valid. Valid values are: asc, desc"
                )));
            }
        };
        items.sort_by(|a, b| {
            let x = a.get(key).map(|v| v.to_string()).unwrap_or_default();
            let y = b.get(key).map(|v| v.to_string()).unwrap_or_default();
            if desc { y.cmp(&x) } else { x.cmp(&y) }
        });
    }
    Ok(())
}

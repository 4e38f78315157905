//! `stack event list` / `stack event show` (heatclient/osc/v1/event.py), heatclient's event
//! log lines (`utils.event_log_formatter` with its `EventLogContext`) and the event polling of
//! `--wait` (`event_utils.poll_for_events`).

use super::{format_default, formatter, heat_error, item_row, json_cell, with_session};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::client::{ClientError, Session};
use ostk_sdk::orchestration as heat;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;

fn field<'a>(e: &'a Value, k: &str) -> &'a str {
    e.get(k).and_then(Value::as_str).unwrap_or("")
}

fn link<'a>(e: &'a Value, rel: &str) -> Option<&'a str> {
    e.get("links")?
        .as_array()?
        .iter()
        .find(|l| l.get("rel").and_then(Value::as_str) == Some(rel))?
        .get("href")?
        .as_str()
}

/// heatclient's `EventLogContext`: which resource of which stack each nested stack is, so
/// that events of nested stacks read `parent.child.resource`.
#[derive(Default)]
pub struct EventLogContext {
    id_to_res_info: HashMap<String, (String, String)>,
}

impl EventLogContext {
    fn prepend_paths(&self, path: &mut Vec<String>, stack_id: &str) {
        let Some((stack_id, res_name)) = self.id_to_res_info.get(stack_id) else {
            return;
        };
        if let Some((n_stack_id, res_name)) = self.id_to_res_info.get(res_name) {
            path.insert(0, res_name.clone());
            let n = n_stack_id.clone();
            self.prepend_paths(path, &n);
        } else if !res_name.is_empty() {
            path.insert(0, res_name.clone());
        }
        let _ = stack_id;
    }

    fn build_resource_name(&mut self, e: &Value) -> String {
        let res_name = field(e, "resource_name").to_string();
        let stack_id = match e.get("stack_id").and_then(Value::as_str) {
            Some(id) => Some(id.to_string()),
            None => link(e, "stack").map(|h| h.rsplit('/').next().unwrap_or("").to_string()),
        };
        let Some(stack_id) = stack_id.filter(|s| !s.is_empty()) else {
            return res_name;
        };
        let phys_id = field(e, "physical_resource_id");
        let is_stack_event = stack_id == phys_id;
        if is_stack_event {
            self.id_to_res_info
                .insert(stack_id.clone(), (stack_id.clone(), res_name.clone()));
        } else if !phys_id.is_empty() && field(e, "resource_status") == "CREATE_IN_PROGRESS" {
            self.id_to_res_info
                .insert(phys_id.to_string(), (stack_id.clone(), res_name.clone()));
        }
        let mut path = Vec::new();
        if !res_name.is_empty() && !is_stack_event {
            path.push(res_name);
        }
        self.prepend_paths(&mut path, &stack_id);
        path.join(".")
    }
}

/// heatclient's `event_log_formatter`: one line per event, joined by newlines.
pub fn event_log(events: &[Value], ctx: &mut EventLogContext) -> String {
    events
        .iter()
        .map(|e| {
            let name = ctx.build_resource_name(e);
            format!(
                "{} {} [{}]: {}  {}",
                field(e, "event_time").replace('T', " "),
                field(e, "id"),
                name,
                field(e, "resource_status"),
                field(e, "resource_status_reason")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// heatclient's `_get_stack_events`: the events with the name of the stack each comes from.
async fn stack_events(
    s: &Session,
    stack: &str,
    resource: Option<&str>,
    query: &[(String, String)],
) -> Result<Vec<Value>, ClientError> {
    let mut events = heat::list_events(s, stack, resource, query).await?;
    let own = stack.split('/').next().unwrap_or("").to_string();
    for e in &mut events {
        let name = link(e, "stack")
            .and_then(|h| h.split_once("/stacks/"))
            .and_then(|(_, rest)| rest.split('/').next())
            .map(str::to_string)
            .unwrap_or_else(|| own.clone());
        if let Some(m) = e.as_object_mut() {
            m.insert("stack_name".into(), Value::String(name));
        }
    }
    Ok(events)
}

/// heatclient's `get_events` (heat answers nested events itself when asked for a depth).
pub async fn get_events(
    s: &Session,
    stack: &str,
    resource: Option<&str>,
    args: &[(String, String)],
    nested_depth: u32,
    marker: Option<&str>,
    limit: Option<i64>,
) -> Result<Vec<Value>, ClientError> {
    let mut q: Vec<(String, String)> = args.to_vec();
    if let Some(m) = marker {
        q.push(("marker".into(), m.to_string()));
    }
    if let Some(l) = limit.filter(|l| *l != 0) {
        q.push(("limit".into(), l.to_string()));
    }
    if nested_depth > 0 {
        q.push(("nested_depth".into(), nested_depth.to_string()));
    }
    // heatclient sends the parameters sorted by name
    q.sort_by(|a, b| a.0.cmp(&b.0));
    stack_events(s, stack, resource, &q).await
}

/// The ID of the newest event of a stack (the marker `--wait` starts after).
pub async fn last_event_id(s: &Session, stack: &str) -> Result<Option<String>, ClientError> {
    let q = [("sort_dir".to_string(), "desc".to_string())];
    let events = get_events(s, stack, None, &q, 0, None, Some(1)).await?;
    Ok(events.first().map(|e| s_owned(e, "id")))
}

fn s_owned(e: &Value, k: &str) -> String {
    field(e, k).to_string()
}

/// heatclient's `poll_for_events`: prints the stack's new events every `poll` seconds until a
/// stack event (or, after two quiet polls, the stack itself) shows `{action}_COMPLETE` or
/// `{action}_FAILED` (any `_COMPLETE`/`_FAILED` without an action). Returns the status and
/// heatclient's message (`\n Stack x STATUS \n`).
pub async fn poll_for_events(
    s: &Session,
    stack_name: &str,
    action: Option<&str>,
    poll: u64,
    mut marker: Option<String>,
) -> Result<(String, String), ClientError> {
    let stop = |status: &str| match action {
        Some(a) => status == format!("{a}_FAILED") || status == format!("{a}_COMPLETE"),
        None => status.ends_with("_COMPLETE") || status.ends_with("_FAILED"),
    };
    let msg = |status: &str| format!("\n Stack {stack_name} {status} \n");
    let mut ctx = EventLogContext::default();
    let mut quiet = 0;
    loop {
        let q = [("sort_dir".to_string(), "asc".to_string())];
        let events = get_events(s, stack_name, None, &q, 0, marker.as_deref(), None).await?;
        if events.is_empty() {
            quiet += 1;
        } else {
            quiet = 0;
            marker = events.last().map(|e| s_owned(e, "id"));
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{}", event_log(&events, &mut ctx));
            let _ = out.flush();
            for e in &events {
                let is_stack_event = field(e, "resource_name") == stack_name && {
                    let phys = field(e, "physical_resource_id");
                    let sid = link(e, "stack").unwrap_or(phys);
                    sid.rsplit('/').next() == Some(phys)
                };
                if is_stack_event {
                    let status = field(e, "resource_status");
                    if stop(status) {
                        return Ok((status.to_string(), msg(status)));
                    }
                }
            }
        }
        if quiet >= 2 {
            let st = heat::get_stack(s, stack_name, false).await?;
            let status = field(&st, "stack_status");
            if stop(status) {
                return Ok((status.to_string(), msg(status)));
            }
            quiet = 0;
        }
        tokio::time::sleep(std::time::Duration::from_secs(poll)).await;
    }
}

/// List events.
#[derive(clap::Args, Debug)]
pub struct ListEventArgs {
    /// Name or ID of stack to show events for
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Name of resource to show events for. Note: this cannot be specified with --nested-depth
    #[arg(long, value_name = "<resource>")]
    resource: Option<String>,
    /// Filter parameters to apply on returned events
    #[arg(long, value_name = "<key=value>")]
    filter: Vec<String>,
    /// Limit the number of events returned
    #[arg(long, value_name = "<limit>")]
    limit: Option<i64>,
    /// Only return events that appear after the given ID
    #[arg(long, value_name = "<id>")]
    marker: Option<String>,
    /// Depth of nested stacks from which to display events. Note: this cannot be specified with --resource
    #[arg(long = "nested-depth", value_name = "<depth>")]
    nested_depth: Option<u32>,
    /// Sort output by selected keys and directions (asc or desc) (default: asc). Specify multiple times to sort on multiple keys. Sort key can be: "event_time" (default), "resource_name", "links", "logical_resource_id", "resource_status", "resource_status_reason", "physical_resource_id", or "id". You can leave the key empty and specify ":desc" for sorting by reverse time.
    #[arg(long, value_name = "<key>[:<direction>]", verbatim_doc_comment)]
    sort: Vec<String>,
    /// Print events until process is halted
    #[arg(long)]
    follow: bool,
}

format_default!(
    ListEvent,
    ListEventArgs,
    "log",
    ["csv", "json", "log", "table", "value", "yaml"]
);

impl Command for ListEvent {
    const WORDS: &'static str = "stack event list";
    const ABOUT: &'static str = "List events.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = self.0;
        let fmt = formatter(ctx);
        let mut columns = vec![
            "id",
            "resource_status",
            "resource_status_reason",
            "event_time",
            "physical_resource_id",
        ];
        let mut args: Vec<(String, String)> = super::filter_query(&a.filter)?;
        let mut sort_dir = "asc".to_string();
        if a.resource.is_some() && a.nested_depth.is_some_and(|d| d > 0) {
            return Err(CliError::Message(
                "--nested-depth cannot be specified with --resource".into(),
            ));
        }
        let depth = a.nested_depth.unwrap_or(0);
        if depth > 0 {
            columns.push("stack_name");
        }
        let mut sorts: Vec<String> = Vec::new();
        if !a.sort.is_empty() {
            let mut keys = Vec::new();
            for srt in &a.sort {
                if let Some(dir) = srt.strip_prefix(':') {
                    sorts.push(format!("event_time:{dir}"));
                } else {
                    sorts.push(srt.clone());
                    keys.push(srt.split(':').next().unwrap_or("").to_string());
                }
            }
            for k in keys {
                args.push(("sort_keys".into(), k));
            }
            if let Some((_, d)) = a.sort[0].split_once(':') {
                sort_dir = d.to_string();
            }
        }
        args.push(("sort_dir".into(), sort_dir));
        if a.follow {
            if fmt != "log" {
                return Err(CliError::Message(
                    "--follow can only be specified with --format log".into(),
                ));
            }
            let stack = a.stack.clone();
            let resource = a.resource.clone();
            let session = ctx.session()?;
            let follow = async move {
                let mut marker = a.marker.clone();
                let mut lctx = EventLogContext::default();
                loop {
                    let events = get_events(
                        &session,
                        &stack,
                        resource.as_deref(),
                        &args,
                        depth,
                        marker.as_deref(),
                        None,
                    )
                    .await?;
                    if let Some(last) = events.last() {
                        marker = Some(s_owned(last, "id"));
                        let mut out = std::io::stdout().lock();
                        let _ = writeln!(out, "{}", event_log(&events, &mut lctx));
                        let _ = out.flush();
                    }
                    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                }
                #[allow(unreachable_code)]
                Ok::<(), ClientError>(())
            };
            // ends at Ctrl-C, with nothing more to print
            let r = ctx.block_on(async {
                tokio::select! {
                    r = follow => r,
                    _ = tokio::signal::ctrl_c() => Ok(()),
                }
            })?;
            r.map_err(event_error)?;
            return Ok(Output::None);
        }
        let stack = a.stack.clone();
        let resource = a.resource.clone();
        let marker = a.marker.clone();
        let limit = a.limit;
        let mut events = with_session(ctx, |s| async move {
            get_events(
                &s,
                &stack,
                resource.as_deref(),
                &args,
                depth,
                marker.as_deref(),
                limit,
            )
            .await
        })?
        .map_err(event_error)?;
        if !sorts.is_empty() {
            sort_items(&mut events, &sorts);
        }
        if fmt == "log" {
            let text = event_log(&events, &mut EventLogContext::default());
            return Ok(Output::Text(format!("{text}\n")));
        }
        if let Some(first) = events.first() {
            if first.get("resource_name").is_some() {
                columns.insert(0, "resource_name");
                columns.push("logical_resource_id");
            } else {
                columns.insert(0, "logical_resource_id");
            }
        }
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: events.iter().map(|e| item_row(e, &columns)).collect(),
        }))
    }
}

/// Event listing failures: heat's own message (the stack or the resource is missing).
fn event_error(e: ClientError) -> CliError {
    heat_error(e)
}

/// osc-lib's `sort_items` with `key:dir` specs (applied last to first, stable).
fn sort_items(items: &mut [Value], sorts: &[String]) {
    for spec in sorts.iter().rev() {
        let (key, dir) = spec.split_once(':').unwrap_or((spec.as_str(), "asc"));
        let desc = dir == "desc";
        items.sort_by(|a, b| {
            let x = a.get(key).map(|v| v.to_string()).unwrap_or_default();
            let y = b.get(key).map(|v| v.to_string()).unwrap_or_default();
            if desc { y.cmp(&x) } else { x.cmp(&y) }
        });
    }
}

/// Show event details.
#[derive(clap::Args, Debug)]
pub struct ShowEvent {
    /// Name or ID of stack to show events for
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Name of the resource event belongs to
    #[arg(value_name = "<resource>")]
    resource: String,
    /// ID of event to display details for
    #[arg(value_name = "<event>")]
    event: String,
}

impl Command for ShowEvent {
    const WORDS: &'static str = "stack event show";
    const ABOUT: &'static str = "Show event details.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (stack, resource, event) = (self.stack.clone(), self.resource.clone(), self.event);
        let ev = with_session(ctx, |s| async move {
            let ident = heat::stack_identifier(&s, &stack).await?;
            let sp = heat::stack_path(&ident);
            heat::get(
                &s,
                &format!("stacks/{sp}/resources/{}", heat::enc(&resource)),
            )
            .await?;
            let mut v = heat::get(
                &s,
                &format!(
                    "stacks/{sp}/resources/{}/events/{}",
                    heat::enc(&resource),
                    heat::enc(&event)
                ),
            )
            .await?;
            Ok(v.get_mut("event").map(Value::take).unwrap_or(Value::Null))
        })?
        .map_err(heat_error)?;
        let fields = ev
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| {
                        let cell = match k.as_str() {
                            "links" => Cell::formatted(link_lines(v), v.clone()),
                            "resource_properties" => json_cell(v.clone()),
                            _ => Cell::from_json(v.clone()),
                        };
                        (k.clone(), cell)
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(Output::One(Record { fields }))
    }
}

/// heatclient's `link_formatter`: `href (rel)` per line.
pub fn link_lines(links: &Value) -> String {
    links
        .as_array()
        .map(|a| {
            a.iter()
                .map(|l| {
                    let href = l.get("href").and_then(Value::as_str).unwrap_or("");
                    match l.get("rel").and_then(Value::as_str) {
                        Some(rel) => format!("{href} ({rel})"),
                        None => href.to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_events_are_named_by_their_path() {
        let ev = |name: &str, stack: &str, phys: &str, status: &str| {
            json!({"resource_name": name, "physical_resource_id": phys, "resource_status": status,
                   "resource_status_reason": "r", "id": "e", "event_time": "2026-01-01T00:00:00Z",
                   "links": [{"rel": "stack", "href": format!("http://h/v1/p/stacks/x/{stack}")}]})
        };
        let events = vec![
            ev("top", "S1", "S1", "CREATE_IN_PROGRESS"),
            ev("child", "S1", "S2", "CREATE_IN_PROGRESS"),
            ev("top-child-abc", "S2", "S2", "CREATE_IN_PROGRESS"),
            ev("leaf", "S2", "L", "CREATE_COMPLETE"),
        ];
        let mut c = EventLogContext::default();
        let log = event_log(&events, &mut c);
        let names: Vec<&str> = log
            .lines()
            .map(|l| l.split('[').nth(1).unwrap().split(']').next().unwrap())
            .collect();
        // as heatclient names them (checked against its event_log_formatter)
        assert_eq!(
            names,
            vec!["top", "top.child", "top-child-abc", "top-child-abc.leaf"]
        );
        assert!(log.starts_with("2026-01-01 00:00:00Z e [top]: CREATE_IN_PROGRESS  r"));
    }
}

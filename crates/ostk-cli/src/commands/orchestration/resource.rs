//! `stack resource list|show|metadata|signal|mark unhealthy`
//! (heatclient/osc/v1/resource.py).

use super::{
    dict_record, filter_query, format_default, heat_error, item_row, or_not_found, with_session,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::client::{ClientError, Method, Session};
use ostk_sdk::orchestration as heat;
use serde_json::Value;

/// `stacks/{identifier}/resources/{name}`.
async fn resource_path(s: &Session, stack: &str, resource: &str) -> Result<String, ClientError> {
    let ident = heat::stack_identifier(s, stack).await?;
    Ok(format!(
        "stacks/{}/resources/{}",
        heat::stack_path(&ident),
        heat::enc(resource)
    ))
}

/// heatclient's `Resource.stack_name`: the stack name in the resource's `stack` link.
fn with_stack_name(mut r: Value) -> Value {
    let name = r
        .get("links")
        .and_then(Value::as_array)
        .and_then(|ls| {
            ls.iter()
                .find(|l| l.get("rel").and_then(Value::as_str) == Some("stack"))
        })
        .and_then(|l| l.get("href").and_then(Value::as_str))
        .map(|h| {
            let parts: Vec<&str> = h.split('/').collect();
            parts[parts.len().saturating_sub(2)].to_string()
        });
    if let (Some(n), Some(m)) = (name, r.as_object_mut()) {
        m.insert("stack_name".into(), Value::String(n));
    }
    r
}

/// List stack resources.
#[derive(clap::Args, Debug)]
pub struct ResourceListArgs {
    /// Name or ID of stack to query
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Enable detailed information presented for each resource in resource list
    #[arg(long)]
    long: bool,
    /// Depth of nested stacks from which to display resources
    #[arg(short = 'n', long = "nested-depth", value_name = "<nested-depth>")]
    nested_depth: Option<i64>,
    /// Filter parameters to apply on returned resources based on their name, status, type, action, id and physical_resource_id
    #[arg(long, value_name = "<key=value>")]
    filter: Vec<String>,
}

format_default!(
    ResourceList,
    ResourceListArgs,
    "table",
    ["csv", "dot", "json", "table", "value", "yaml"]
);

impl Command for ResourceList {
    const WORDS: &'static str = "stack resource list";
    const ABOUT: &'static str = "List stack resources.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let fmt = super::formatter(ctx);
        let a = self.0;
        let mut q = filter_query(&a.filter)?;
        let depth = a.nested_depth.filter(|d| *d != 0);
        if let Some(d) = depth {
            q.push(("nested_depth".into(), d.to_string()));
        }
        if a.long {
            q.push(("with_detail".into(), "True".into()));
        }
        let path = format!(
            "stacks/{}/resources{}",
            heat::stack_path(&a.stack),
            heat::query_string(&q)
        );
        let resources = with_session(ctx, |s| async move {
            let mut v = heat::get(&s, &path).await?;
            Ok(heat::take_list(&mut v, "resources"))
        })?
        .map_err(|e| or_not_found(e, || format!("Stack not found: {}", a.stack)))?;
        if fmt == "dot" {
            return Ok(Output::Text(super::dot::resources_dot(&resources)));
        }
        let resources: Vec<Value> = resources.into_iter().map(with_stack_name).collect();
        let mut columns = vec![
            "physical_resource_id",
            "resource_type",
            "resource_status",
            "updated_time",
        ];
        if resources
            .first()
            .is_some_and(|r| r.get("resource_name").is_none())
        {
            columns.insert(0, "logical_resource_id");
        } else {
            columns.insert(0, "resource_name");
        }
        if depth.is_some() || a.long {
            columns.push("stack_name");
        }
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: resources.iter().map(|r| item_row(r, &columns)).collect(),
        }))
    }
}

/// Display stack resource.
#[derive(clap::Args, Debug)]
pub struct ResourceShow {
    /// Name or ID of stack to query
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Name of resource
    #[arg(value_name = "<resource>")]
    resource: String,
    /// Attribute to show, can be specified multiple times
    #[arg(long = "with-attr", value_name = "<attribute>")]
    with_attr: Vec<String>,
}

impl Command for ResourceShow {
    const WORDS: &'static str = "stack resource show";
    const ABOUT: &'static str = "Display stack resource.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (stack, resource) = (self.stack.clone(), self.resource.clone());
        let q: Vec<(String, String)> = self
            .with_attr
            .iter()
            .map(|a| ("with_attr".to_string(), a.clone()))
            .collect();
        let r = with_session(ctx, |s| async move {
            let path = resource_path(&s, &stack, &resource).await?;
            let mut v = heat::get(&s, &format!("{path}{}", heat::query_string(&q))).await?;
            Ok(v.get_mut("resource")
                .map(Value::take)
                .unwrap_or(Value::Null))
        })?
        .map_err(|e| {
            or_not_found(e, || {
                format!(
                    "Stack or resource not found: {} {}",
                    self.stack, self.resource
                )
            })
        })?;
        Ok(Output::One(dict_record(&r)))
    }
}

/// A stack and one of its resources.
#[derive(clap::Args, Debug)]
pub struct MetadataArgs {
    /// Stack to display (name or ID)
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Name of the resource to show the metadata for
    #[arg(value_name = "<resource>")]
    resource: String,
}

format_default!(
    ResourceMetadata,
    MetadataArgs,
    "json",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for ResourceMetadata {
    const WORDS: &'static str = "stack resource metadata";
    const ABOUT: &'static str = "Show resource metadata";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = self.0;
        let (stack, resource) = (a.stack.clone(), a.resource.clone());
        let m = with_session(ctx, |s| async move {
            let path = resource_path(&s, &stack, &resource).await?;
            let mut v = heat::get(&s, &format!("{path}/metadata")).await?;
            Ok(v.get_mut("metadata")
                .map(Value::take)
                .unwrap_or(Value::Null))
        })?
        .map_err(|e| {
            or_not_found(e, || {
                format!("Stack {} or resource {} not found.", a.stack, a.resource)
            })
        })?;
        Ok(Output::One(dict_record(&m)))
    }
}

/// Signal a resource with optional data.
#[derive(clap::Args, Debug)]
pub struct ResourceSignal {
    /// Name or ID of stack the resource belongs to
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Name of the resoure to signal
    #[arg(value_name = "<resource>")]
    resource: String,
    /// JSON Data to send to the signal handler
    #[arg(long, value_name = "<data>")]
    data: Option<String>,
    /// File containing JSON data to send to the signal handler
    #[arg(long = "data-file", value_name = "<data-file>")]
    data_file: Option<String>,
}

impl Command for ResourceSignal {
    const WORDS: &'static str = "stack resource signal";
    const ABOUT: &'static str = "Signal a resource with optional data.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.data.is_some() && self.data_file.is_some() {
            return Err(CliError::Message(
                "Should only specify one of data or data-file".into(),
            ));
        }
        let mut data = self.data.clone();
        if let Some(f) = &self.data_file {
            let url = super::files::to_url(f)?;
            let bytes = super::files::fetcher(|u: &url::Url| {
                Err(format!("<urlopen error unknown url type: {}>", u.scheme()))
            })(&url)
            .map_err(CliError::Message)?;
            data = Some(String::from_utf8_lossy(&bytes).into_owned());
        }
        let body = match data.filter(|d| !d.is_empty()) {
            Some(d) => {
                let v: Value = serde_json::from_str(&d).map_err(|e| {
                    CliError::Message(format!("Data should be in JSON format: {e}"))
                })?;
                if !v.is_object() {
                    return Err(CliError::Message("Data should be a JSON dict".into()));
                }
                Some(v)
            }
            None => None,
        };
        let (stack, resource) = (self.stack.clone(), self.resource.clone());
        with_session(ctx, |s| async move {
            let path = resource_path(&s, &stack, &resource).await?;
            heat::call(&s, Method::POST, &format!("{path}/signal"), body).await
        })?
        .map_err(|e| {
            or_not_found(e, || {
                format!(
                    "Stack {} or resource {} not found.",
                    self.stack, self.resource
                )
            })
        })?;
        Ok(Output::None)
    }
}

/// Set resource's health.
#[derive(clap::Args, Debug)]
pub struct ResourceMarkUnhealthy {
    /// Name or ID of stack the resource belongs to
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Name of the resource
    #[arg(value_name = "<resource>")]
    resource: String,
    /// Reason for state change
    #[arg(value_name = "reason", default_value = "", hide_default_value = true)]
    reason: String,
    /// Set the resource as healthy
    #[arg(long)]
    reset: bool,
}

impl Command for ResourceMarkUnhealthy {
    const WORDS: &'static str = "stack resource mark unhealthy";
    const ABOUT: &'static str = "Set resource's health.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (stack, resource) = (self.stack.clone(), self.resource.clone());
        let body = serde_json::json!({
            "mark_unhealthy": !self.reset,
            "resource_status_reason": self.reason,
        });
        with_session(ctx, |s| async move {
            let path = resource_path(&s, &stack, &resource).await?;
            heat::call(&s, Method::PATCH, &path, Some(body)).await
        })?
        .map_err(|e| {
            if e.status() == Some(404) {
                CliError::Message(format!(
                    "Stack or resource not found: {} {}",
                    self.stack, self.resource
                ))
            } else {
                heat_error(e)
            }
        })?;
        Ok(Output::None)
    }
}

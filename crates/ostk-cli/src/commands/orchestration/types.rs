//! `orchestration service list`, `orchestration resource type list|show`,
//! `orchestration build info` (heatclient/osc/v1/service.py, resource_type.py,
//! build_info.py).

use super::{filter_query, format_default, heat_error, item_row, json_cell, with_session};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::orchestration as heat;
use serde_json::Value;

/// List the Heat engines.
#[derive(clap::Args, Debug)]
pub struct ListService {}

impl Command for ListService {
    const WORDS: &'static str = "orchestration service list";
    const ABOUT: &'static str = "List the Heat engines.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let services = with_session(ctx, |s| async move {
            let mut v = heat::get(&s, "services").await?;
            Ok(heat::take_list(&mut v, "services"))
        })?
        .map_err(heat_error)?;
        let columns = [
            "Hostname",
            "Binary",
            "Engine ID",
            "Host",
            "Topic",
            "Updated At",
            "Status",
        ];
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: services.iter().map(|s| item_row(s, &columns)).collect(),
        }))
    }
}

/// List resource types.
#[derive(clap::Args, Debug)]
pub struct ResourceTypeList {
    /// Filter parameters to apply on returned resource types. This can be specified multiple times. It can be any of name, version or support_status
    #[arg(long, value_name = "<key=value>")]
    filter: Vec<String>,
    /// Show resource types with corresponding description of each resource type.
    #[arg(long, verbatim_doc_comment)]
    long: bool,
}

impl Command for ResourceTypeList {
    const WORDS: &'static str = "orchestration resource type list";
    const ABOUT: &'static str = "List resource types.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q = filter_query(&self.filter)?;
        q.push((
            "with_description".into(),
            if self.long { "True" } else { "False" }.into(),
        ));
        let path = format!("resource_types{}", heat::query_string(&q));
        let types = with_session(ctx, |s| async move {
            let mut v = heat::get(&s, &path).await?;
            Ok(heat::take_list(&mut v, "resource_types"))
        })?
        .map_err(heat_error)?;
        let field = |t: &Value, k: &str| -> String {
            match t {
                Value::String(s) if k == "resource_type" => s.clone(),
                other => other
                    .get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
            }
        };
        let mut rows: Vec<Vec<String>> = types
            .iter()
            .map(|t| {
                if self.long {
                    vec![field(t, "resource_type"), field(t, "description")]
                } else {
                    vec![field(t, "resource_type")]
                }
            })
            .collect();
        rows.sort();
        let columns: Vec<&str> = if self.long {
            vec!["Resource Type", "Description"]
        } else {
            vec!["Resource Type"]
        };
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Cell::Str).collect())
                .collect(),
        }))
    }
}

/// Show details and optionally generate a template for a resource type.
#[derive(clap::Args, Debug)]
pub struct ResourceTypeShowArgs {
    /// Resource type to show details for
    #[arg(value_name = "<resource-type>")]
    resource_type: String,
    /// Optional template type to generate, hot or cfn
    #[arg(long = "template-type", value_name = "<template-type>")]
    template_type: Option<String>,
    /// Show resource type with corresponding description.
    #[arg(long, verbatim_doc_comment)]
    long: bool,
}

format_default!(
    ResourceTypeShow,
    ResourceTypeShowArgs,
    "yaml",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for ResourceTypeShow {
    const WORDS: &'static str = "orchestration resource type show";
    const ABOUT: &'static str =
        "Show details and optionally generate a template for a resource type.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = self.0;
        if a.template_type.is_some() && a.long {
            return Err(CliError::Message(
                "Cannot use --template-type and --long in one time.".into(),
            ));
        }
        let rt = heat::enc(&a.resource_type);
        let path = match &a.template_type {
            Some(t) => {
                let t = t.to_lowercase();
                if t != "hot" && t != "cfn" {
                    return Err(CliError::Message(format!(
                        "Template type invalid: {}",
                        a.template_type.as_deref().unwrap_or("")
                    )));
                }
                format!("resource_types/{rt}/template?template_type={t}")
            }
            None => format!(
                "resource_types/{rt}?with_description={}",
                if a.long { "True" } else { "False" }
            ),
        };
        let data =
            with_session(ctx, |s| async move { heat::get(&s, &path).await })?.map_err(|e| {
                if e.status() == Some(404) {
                    CliError::Message(format!("Resource type not found: {}", a.resource_type))
                } else {
                    heat_error(e)
                }
            })?;
        Ok(Output::One(super::dict_record(&data)))
    }
}

/// Retrieve build information.
#[derive(clap::Args, Debug)]
pub struct BuildInfo {}

impl Command for BuildInfo {
    const WORDS: &'static str = "orchestration build info";
    const ABOUT: &'static str = "Retrieve build information.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let info = with_session(ctx, |s| async move { heat::get(&s, "build_info").await })?
            .map_err(heat_error)?;
        Ok(Output::One(super::sorted_record(&info, |k, v| {
            if k == "api" || k == "engine" {
                json_cell(v)
            } else {
                Cell::from_json(v)
            }
        })))
    }
}

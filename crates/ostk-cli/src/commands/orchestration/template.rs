//! `orchestration template validate|version list|function list`
//! (heatclient/osc/v1/template.py).

use super::{format_default, heat_error, item_row, or_not_found, with_session};
use crate::commands::orchestration::stack::template_fields;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::client::Method;
use ostk_sdk::orchestration as heat;
use serde_json::Value;

/// Validate a template
#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// Path to the environment. Can be specified multiple times
    #[arg(short = 'e', long, value_name = "<environment>")]
    environment: Vec<String>,
    /// Resolve parameters from nested templates as well
    #[arg(long = "show-nested")]
    show_nested: bool,
    /// Parameter values used to create the stack. This can be specified multiple times
    #[arg(long, value_name = "<key=value>")]
    parameter: Vec<String>,
    /// Swift files container name. Local files other than root template would be ignored. If other files are not found in swift, heat engine would raise an error.
    #[arg(
        short = 's',
        long = "files-container",
        value_name = "<files-container>",
        verbatim_doc_comment
    )]
    files_container: Option<String>,
    /// List of heat errors to ignore
    #[arg(long = "ignore-errors", value_name = "<error1,error2,...>")]
    ignore_errors: Option<String>,
    /// Path to the template
    #[arg(short = 't', long, value_name = "<template>", required = true)]
    template: String,
}

format_default!(
    Validate,
    ValidateArgs,
    "yaml",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for Validate {
    const WORDS: &'static str = "orchestration template validate";
    const ABOUT: &'static str = "Validate a template";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = self.0;
        let f = template_fields(
            ctx,
            Some(&a.template),
            &a.environment,
            &a.parameter,
            &[],
            a.files_container.is_none(),
        )?;
        let mut body = serde_json::Map::new();
        body.insert("template".into(), f.template.clone().unwrap_or(Value::Null));
        body.insert("parameters".into(), Value::Object(f.parameters.clone()));
        body.insert("files".into(), Value::Object(f.files.clone()));
        body.insert("environment".into(), f.env.env.clone());
        if !f.env.urls.is_empty() {
            body.insert(
                "environment_files".into(),
                Value::Array(f.env.urls.iter().cloned().map(Value::String).collect()),
            );
        }
        if let Some(c) = &a.files_container {
            body.insert("files_container".into(), Value::String(c.clone()));
        }
        let mut q: Vec<(String, String)> = Vec::new();
        if a.show_nested {
            q.push(("show_nested".into(), "True".into()));
        }
        if let Some(i) = a.ignore_errors.as_ref().filter(|i| !i.is_empty()) {
            q.push(("ignore_errors".into(), i.clone()));
        }
        let path = format!("validate{}", heat::query_string(&q));
        let v = with_session(ctx, |s| async move {
            heat::call(&s, Method::POST, &path, Some(Value::Object(body))).await
        })?
        .map_err(heat_error)?;
        Ok(Output::One(super::dict_record(&v)))
    }
}

/// List the available template versions.
#[derive(clap::Args, Debug)]
pub struct VersionList {}

impl Command for VersionList {
    const WORDS: &'static str = "orchestration template version list";
    const ABOUT: &'static str = "List the available template versions.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let versions = with_session(ctx, |s| async move {
            let mut v = heat::get(&s, "template_versions").await?;
            Ok(heat::take_list(&mut v, "template_versions"))
        })?
        .map_err(heat_error)?;
        // heatclient looks at the second version for aliases
        let aliases = versions.get(1).is_some_and(|v| v.get("aliases").is_some());
        let columns: Vec<&str> = if aliases {
            vec!["Version", "Type", "Aliases"]
        } else {
            vec!["Version", "Type"]
        };
        let rows = versions
            .iter()
            .map(|v| {
                let mut row = item_row(v, &columns[..2]);
                if aliases {
                    let a = v.get("aliases").cloned().unwrap_or(Value::Array(vec![]));
                    let text = a
                        .as_array()
                        .map(|x| {
                            x.iter()
                                .map(|i| i.as_str().unwrap_or("").to_string())
                                .collect::<Vec<_>>()
                                .join(",")
                        })
                        .unwrap_or_default();
                    row.push(Cell::formatted(text, a));
                }
                row
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows,
        }))
    }
}

/// List the available functions.
#[derive(clap::Args, Debug)]
pub struct FunctionList {
    /// Template version to get the functions for
    #[arg(value_name = "<template-version>")]
    template_version: String,
    /// Show condition functions for template.
    #[arg(long = "with_conditions", verbatim_doc_comment)]
    with_conditions: bool,
}

impl Command for FunctionList {
    const WORDS: &'static str = "orchestration template function list";
    const ABOUT: &'static str = "List the available functions.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let path = format!(
            "template_versions/{}/functions?with_condition_func={}",
            heat::enc(&self.template_version),
            if self.with_conditions {
                "True"
            } else {
                "False"
            }
        );
        let fns = with_session(ctx, |s| async move {
            let mut v = heat::get(&s, &path).await?;
            Ok(heat::take_list(&mut v, "template_functions"))
        })?
        .map_err(|e| {
            or_not_found(e, || {
                format!("Template version not found: {}", self.template_version)
            })
        })?;
        let columns = ["Functions", "Description"];
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: fns
                .iter()
                .map(|f| {
                    vec![
                        Cell::from_json(
                            f.get("functions")
                                .cloned()
                                .unwrap_or(Value::String(String::new())),
                        ),
                        Cell::from_json(
                            f.get("description")
                                .cloned()
                                .unwrap_or(Value::String(String::new())),
                        ),
                    ]
                })
                .collect(),
        }))
    }
}

//! `stack template show`, `stack environment show`, `stack file list`, `stack abandon`,
//! `stack export` (heatclient/osc/v1/stack.py): one document of a stack each, shown as YAML
//! or JSON by default.

use crate::commands::orchestration::{
    dict_record, format_default, py_json, stack_not_found, with_session,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::client::Method;
use ostk_sdk::orchestration as heat;
use serde_json::Value;

/// `GET /stacks/{stack}/{what}` (heat redirects a name to the stack's identifier).
fn stack_doc(ctx: &mut Context, stack: &str, what: &str) -> Result<Value, CliError> {
    let path = format!("stacks/{}/{what}", heat::stack_path(stack));
    with_session(ctx, |s| async move { heat::get(&s, &path).await })?
        .map_err(|e| stack_not_found(e, stack))
}

/// `method /stacks/{identifier}/{what}` (heatclient resolves the identifier first).
fn identified_doc(
    ctx: &mut Context,
    stack: &str,
    method: Method,
    what: &str,
) -> Result<Value, CliError> {
    let (s0, what) = (stack.to_string(), what.to_string());
    with_session(ctx, |s| async move {
        let ident = heat::stack_identifier(&s, &s0).await?;
        let path = format!("stacks/{}/{what}", heat::stack_path(&ident));
        heat::call(&s, method, &path, None).await
    })?
    .map_err(|e| stack_not_found(e, stack))
}

/// The stack argument of these commands.
#[derive(clap::Args, Debug)]
pub struct StackArg {
    /// Name or ID of stack to query
    #[arg(value_name = "<stack>")]
    stack: String,
}

/// The stack argument, worded as `<NAME or ID>`.
#[derive(clap::Args, Debug)]
pub struct NameOrId {
    /// Name or ID of stack to query
    #[arg(value_name = "<NAME or ID>")]
    stack: String,
}

format_default!(
    TemplateShowStack,
    StackArg,
    "yaml",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for TemplateShowStack {
    const WORDS: &'static str = "stack template show";
    const ABOUT: &'static str = "Display stack template.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let t = stack_doc(ctx, &self.0.stack, "template")?;
        Ok(Output::One(dict_record(&t)))
    }
}

format_default!(
    EnvironmentShowStack,
    NameOrId,
    "yaml",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for EnvironmentShowStack {
    const WORDS: &'static str = "stack environment show";
    const ABOUT: &'static str = "Show a stack's environment.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let env = stack_doc(ctx, &self.0.stack, "environment")?;
        let fields = ["parameters", "resource_registry", "parameter_defaults"]
            .iter()
            .filter_map(|f| {
                env.get(*f)
                    .map(|v| (f.to_string(), Cell::from_json(v.clone())))
            })
            .collect();
        Ok(Output::One(Record { fields }))
    }
}

format_default!(
    ListFileStack,
    NameOrId,
    "yaml",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for ListFileStack {
    const WORDS: &'static str = "stack file list";
    const ABOUT: &'static str = "Show a stack's files map.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let files = stack_doc(ctx, &self.0.stack, "files")?;
        Ok(Output::One(Record {
            fields: vec![("files".into(), Cell::from_json(files))],
        }))
    }
}

/// A stack and where to write what heat answers.
#[derive(clap::Args, Debug)]
pub struct AbandonArgs {
    /// Name or ID of stack to abandon
    #[arg(value_name = "<stack>")]
    stack: String,
    /// File to output abandon results
    #[arg(long = "output-file", value_name = "<output-file>")]
    output_file: Option<String>,
}

/// A stack and where to write its export.
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// Name or ID of stack to export
    #[arg(value_name = "<stack>")]
    stack: String,
    /// File to output export data
    #[arg(long = "output-file", value_name = "<output-file>")]
    output_file: Option<String>,
}

/// heatclient's ending of abandon/export: the document to `--output-file` (JSON, indented)
/// and nothing printed, or its fields.
fn doc_output(data: Value, output_file: Option<&str>) -> Result<Output, CliError> {
    if let Some(path) = output_file {
        std::fs::write(path, py_json(&data, Some(2), true))
            .map_err(|e| CliError::Message(crate::commands::orchestration::os_error(&e, path)))?;
        return Ok(Output::None);
    }
    Ok(Output::One(dict_record(&data)))
}

format_default!(
    AbandonStack,
    AbandonArgs,
    "json",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for AbandonStack {
    const WORDS: &'static str = "stack abandon";
    const ABOUT: &'static str = "Abandon stack and output results.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let data = identified_doc(ctx, &self.0.stack, Method::DELETE, "abandon")?;
        doc_output(data, self.0.output_file.as_deref())
    }
}

format_default!(
    ExportStack,
    ExportArgs,
    "json",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for ExportStack {
    const WORDS: &'static str = "stack export";
    const ABOUT: &'static str = "Export stack data json.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let data = identified_doc(ctx, &self.0.stack, Method::GET, "export")?;
        doc_output(data, self.0.output_file.as_deref())
    }
}

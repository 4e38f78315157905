//! `stack create` (heatclient/osc/v1/stack.py CreateStack).

use super::{base_body, template_fields};
use crate::commands::orchestration::{
    event::{link_lines, poll_for_events},
    heat_error, json_cell, show_stack, with_session,
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

/// Create a stack.
#[derive(clap::Args, Debug)]
pub struct CreateStack {
    /// Path to the environment. Can be specified multiple times
    #[arg(short = 'e', long, value_name = "<environment>")]
    environment: Vec<String>,
    /// Swift files container name. Local files other than root template would be ignored. If other files are not found in swift, heat engine would raise an error.
    #[arg(
        short = 's',
        long = "files-container",
        value_name = "<files-container>",
        verbatim_doc_comment
    )]
    files_container: Option<String>,
    /// Stack creating timeout in minutes
    #[arg(long, value_name = "<timeout>")]
    timeout: Option<i64>,
    /// Name of a resource to set a pre-create hook to. Resources in nested stacks can be set using slash as a separator: ``nested_stack/another/my_resource``. You can use wildcards to match multiple stacks or resources: ``nested_stack/an*/*_resource``. This can be specified multiple times
    #[arg(long = "pre-create", value_name = "<resource>")]
    pre_create: Vec<String>,
    /// Enable rollback on create/update failure
    #[arg(long = "enable-rollback")]
    enable_rollback: bool,
    /// Parameter values used to create the stack. This can be specified multiple times
    #[arg(long, value_name = "<key=value>")]
    parameter: Vec<String>,
    /// Parameter values from file used to create the stack. This can be specified multiple times. Parameter values would be the content of the file
    #[arg(long = "parameter-file", value_name = "<key=file>")]
    parameter_file: Vec<String>,
    /// Wait until stack goes to CREATE_COMPLETE or CREATE_FAILED
    #[arg(long)]
    wait: bool,
    /// Poll interval in seconds for use with --wait, defaults to 5.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 5,
        verbatim_doc_comment
    )]
    poll: u64,
    /// A list of tags to associate with the stack
    #[arg(long, value_name = "<tag1,tag2...>")]
    tags: Option<String>,
    /// Do not actually perform the stack create, but show what would be created
    #[arg(long = "dry-run")]
    dry_run: bool,
    /// Name of the stack to create
    #[arg(value_name = "<stack-name>")]
    name: String,
    /// Path to the template
    #[arg(short = 't', long, value_name = "<template>", required = true)]
    template: String,
}

impl Command for CreateStack {
    const WORDS: &'static str = "stack create";
    const ABOUT: &'static str = "Create a stack.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let fetch_child = self.files_container.is_none();
        let mut f = template_fields(
            ctx,
            Some(&self.template),
            &self.environment,
            &self.parameter,
            &self.parameter_file,
            fetch_child,
        )?;
        if !self.pre_create.is_empty() {
            crate::commands::orchestration::files::hooks_to_env(
                &mut f.env.env,
                &self.pre_create,
                "pre-create",
            );
        }
        let mut body = serde_json::Map::new();
        body.insert("stack_name".into(), Value::String(self.name.clone()));
        body.insert(
            "disable_rollback".into(),
            Value::Bool(!self.enable_rollback),
        );
        body.extend(base_body(&f));
        if let Some(c) = &self.files_container {
            body.insert("files_container".into(), Value::String(c.clone()));
        }
        if let Some(t) = self.tags.as_ref().filter(|t| !t.is_empty()) {
            body.insert("tags".into(), Value::String(t.clone()));
        }
        if let Some(t) = self.timeout.filter(|t| *t != 0) {
            body.insert("timeout_mins".into(), Value::from(t));
        }
        if self.dry_run {
            let stack = with_session(ctx, |s| async move {
                heat::call(
                    &s,
                    Method::POST,
                    "stacks/preview",
                    Some(Value::Object(body)),
                )
                .await
            })?
            .map_err(heat_error)?;
            let stack = stack.get("stack").cloned().unwrap_or(Value::Null);
            return Ok(Output::One(preview_record(&stack)));
        }
        let created = with_session(ctx, |s| async move {
            heat::call(&s, Method::POST, "stacks", Some(Value::Object(body))).await
        })?
        .map_err(heat_error)?;
        let id = created
            .get("stack")
            .and_then(|s| s.get("id"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if self.wait {
            let (name, poll) = (self.name.clone(), self.poll);
            let (status, msg) = with_session(ctx, |s| async move {
                poll_for_events(&s, &name, Some("CREATE"), poll, None).await
            })?
            .map_err(heat_error)?;
            if status == "CREATE_FAILED" {
                return Err(CliError::Message(msg));
            }
        }
        show_stack(ctx, &id, true, true)
    }
}

/// The record of `stack create --dry-run`: every field, sorted, text wrapped at 55 columns.
fn preview_record(stack: &Value) -> Record {
    crate::commands::orchestration::sorted_record(stack, |k, v| match k {
        "description" | "template_description" | "stack_status_reason" => {
            let text = v.as_str().unwrap_or("");
            Cell::formatted(ostk_output::width::wrap(text, 55).join("\n"), v.clone())
        }
        "parameters" | "outputs" | "resources" => json_cell(v),
        "links" => Cell::formatted(link_lines(&v), v),
        _ => Cell::from_json(v),
    })
}

//! `stack update` (heatclient/osc/v1/stack.py UpdateStack).

use super::{base_body, template_fields};
use crate::commands::orchestration::{
    event::{last_event_id, poll_for_events},
    heat_error, json_cell, show_stack, with_session,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::orchestration as heat;
use serde_json::Value;

/// Update a stack.
#[derive(clap::Args, Debug)]
pub struct UpdateStack {
    /// Path to the template
    #[arg(short = 't', long, value_name = "<template>")]
    template: Option<String>,
    /// Swift files container name. Local files other than root template would be ignored. If other files are not found in swift, heat engine would raise an error.
    #[arg(
        short = 's',
        long = "files-container",
        value_name = "<files-container>",
        verbatim_doc_comment
    )]
    files_container: Option<String>,
    /// Path to the environment. Can be specified multiple times
    #[arg(short = 'e', long, value_name = "<environment>")]
    environment: Vec<String>,
    /// Name of a resource to set a pre-update hook to. Resources in nested stacks can be set using slash as a separator: ``nested_stack/another/my_resource``. You can use wildcards to match multiple stacks or resources: ``nested_stack/an*/*_resource``. This can be specified multiple times
    #[arg(long = "pre-update", value_name = "<resource>")]
    pre_update: Vec<String>,
    /// Stack update timeout in minutes
    #[arg(long, value_name = "<timeout>")]
    timeout: Option<i64>,
    /// Set rollback on update failure. Value "enabled" sets rollback to enabled. Value "disabled" sets rollback to disabled. Value "keep" uses the value of existing stack to be updated.
    #[arg(long, value_name = "<value>", default_value = "keep",
          value_parser = ["enabled", "disabled", "keep"], verbatim_doc_comment)]
    rollback: String,
    /// Do not actually perform the stack update, but show what would be changed
    #[arg(long = "dry-run")]
    dry_run: bool,
    /// Show nested stacks when performing --dry-run
    #[arg(long = "show-nested")]
    show_nested: bool,
    /// Parameter values used to create the stack. This can be specified multiple times
    #[arg(long, value_name = "<key=value>")]
    parameter: Vec<String>,
    /// Parameter values from file used to create the stack. This can be specified multiple times. Parameter value would be the content of the file
    #[arg(long = "parameter-file", value_name = "<key=file>")]
    parameter_file: Vec<String>,
    /// Re-use the template, parameters and environment of the current stack. If the template argument is omitted then the existing template is used. If no --environment is specified then the existing environment is used. Parameters specified in --parameter will patch over the existing values in the current stack. Parameters omitted will keep the existing values
    #[arg(long)]
    existing: bool,
    /// Remove the parameters from the set of parameters of current stack for the stack-update. The default value in the template will be used. This can be specified multiple times
    #[arg(long = "clear-parameter", value_name = "<parameter>")]
    clear_parameter: Vec<String>,
    /// Name or ID of stack to update
    #[arg(value_name = "<stack>")]
    stack: String,
    /// An updated list of tags to associate with the stack
    #[arg(long, value_name = "<tag1,tag2...>")]
    tags: Option<String>,
    /// Wait until stack goes to UPDATE_COMPLETE or UPDATE_FAILED
    #[arg(long)]
    wait: bool,
    /// Stack update with observe on reality.
    #[arg(long, verbatim_doc_comment)]
    converge: bool,
}

impl Command for UpdateStack {
    const WORDS: &'static str = "stack update";
    const ABOUT: &'static str = "Update a stack.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.template.is_none() && !self.existing {
            return Err(CliError::Message(
                "Need to specify exactly one of [--template-file, --template-url or --template-object] or --existing".into(),
            ));
        }
        let mut f = template_fields(
            ctx,
            self.template.as_deref(),
            &self.environment,
            &self.parameter,
            &self.parameter_file,
            self.files_container.is_none(),
        )?;
        if !self.pre_update.is_empty() {
            crate::commands::orchestration::files::hooks_to_env(
                &mut f.env.env,
                &self.pre_update,
                "pre-update",
            );
        }
        let mut body = base_body(&f);
        if let Some(c) = &self.files_container {
            body.insert("files_container".into(), Value::String(c.clone()));
        }
        if let Some(t) = self.tags.as_ref().filter(|t| !t.is_empty()) {
            body.insert("tags".into(), Value::String(t.clone()));
        }
        if let Some(t) = self.timeout.filter(|t| *t != 0) {
            body.insert("timeout_mins".into(), Value::from(t));
        }
        if !self.clear_parameter.is_empty() {
            body.insert(
                "clear_parameters".into(),
                Value::Array(
                    self.clear_parameter
                        .iter()
                        .cloned()
                        .map(Value::String)
                        .collect(),
                ),
            );
        }
        if self.rollback != "keep" {
            body.insert(
                "disable_rollback".into(),
                Value::Bool(self.rollback == "disabled"),
            );
        }
        let method = if self.existing {
            Method::PATCH
        } else {
            Method::PUT
        };
        let stack = self.stack.clone();
        if self.dry_run {
            let nested = self.show_nested;
            let changes = with_session(ctx, |s| async move {
                let ident = heat::stack_identifier(&s, &stack).await?;
                let mut path = format!("stacks/{}/preview", heat::stack_path(&ident));
                if nested {
                    path.push_str("?show_nested=True");
                }
                heat::call(&s, method, &path, Some(Value::Object(body))).await
            })?
            .map_err(heat_error)?;
            let rc = changes
                .get("resource_changes")
                .cloned()
                .unwrap_or(Value::Null);
            return Ok(Output::One(crate::commands::orchestration::sorted_record(
                &rc,
                |_, v| json_cell(v),
            )));
        }
        let (wait, converge) = (self.wait, self.converge);
        if converge {
            body.insert("converge".into(), Value::Bool(true));
        }
        let name = with_session(ctx, |s| async move {
            let marker = if wait {
                last_event_id(&s, &stack).await?
            } else {
                None
            };
            let ident = heat::stack_identifier(&s, &stack).await?;
            heat::call(
                &s,
                method,
                &format!("stacks/{}", heat::stack_path(&ident)),
                Some(Value::Object(body)),
            )
            .await?;
            let name = ident.split('/').next().unwrap_or("").to_string();
            Ok((name, marker))
        })?
        .map_err(heat_error)?;
        if wait {
            let (n, marker) = name;
            let (status, msg) = with_session(ctx, |s| async move {
                poll_for_events(&s, &n, Some("UPDATE"), 5, marker).await
            })?
            .map_err(heat_error)?;
            if status == "UPDATE_FAILED" {
                return Err(CliError::Message(msg));
            }
        }
        show_stack(ctx, &self.stack, true, true)
    }
}

//! `stack adopt` (heatclient/osc/v1/stack.py AdoptStack): a stack made from the data
//! `stack abandon` wrote, its resources taken over as they are.

use super::remote;
use crate::commands::orchestration::{
    event::poll_for_events, files, format_parameters, heat_error, show_stack, with_session,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::orchestration as heat;
use serde_json::{Map, Value};

/// Adopt a stack.
#[derive(clap::Args, Debug)]
pub struct AdoptStack {
    /// Name of the stack to adopt
    #[arg(value_name = "<stack-name>")]
    name: String,
    /// Path to the environment. Can be specified multiple times
    #[arg(short = 'e', long, value_name = "<environment>")]
    environment: Vec<String>,
    /// Stack creation timeout in minutes
    #[arg(long, value_name = "<timeout>")]
    timeout: Option<i64>,
    /// Enable rollback on create/update failure
    #[arg(long = "enable-rollback")]
    enable_rollback: bool,
    /// Parameter values used to create the stack. Can be specified multiple times
    #[arg(long, value_name = "<key=value>")]
    parameter: Vec<String>,
    /// Wait until stack adopt completes
    #[arg(long)]
    wait: bool,
    /// Path to adopt stack data file
    #[arg(long = "adopt-file", value_name = "<adopt-file>", required = true)]
    adopt_file: String,
}

impl Command for AdoptStack {
    const WORDS: &'static str = "stack adopt";
    const ABOUT: &'static str = "Adopt a stack.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (env, adopt_data) = {
            let mut fetch = files::fetcher(|u: &url::Url| remote(ctx, u));
            let env = files::environments(&self.environment, &mut fetch, true, false)?;
            let url = files::to_url(&self.adopt_file)?;
            let raw = fetch(&url).map_err(CliError::Message)?;
            (env, String::from_utf8_lossy(&raw).into_owned())
        };
        let parsed = ostk_sdk::config::yaml::parse_yaml(&adopt_data)
            .map_err(|e| CliError::Message(e.to_string()))?;
        let mut all_files = match parsed.get("files") {
            Some(Value::Object(m)) => m.clone(),
            _ => Map::new(),
        };
        all_files.extend(env.files.clone());
        let mut body = Map::new();
        body.insert("stack_name".into(), Value::String(self.name.clone()));
        body.insert(
            "disable_rollback".into(),
            Value::Bool(!self.enable_rollback),
        );
        body.insert("adopt_stack_data".into(), Value::String(adopt_data));
        body.insert(
            "parameters".into(),
            Value::Object(format_parameters(&self.parameter, true)?),
        );
        body.insert("files".into(), Value::Object(all_files));
        body.insert("environment".into(), env.env.clone());
        // heatclient sends `timeout` (which heat does not read), null without --timeout
        body.insert(
            "timeout".into(),
            self.timeout.map_or(Value::Null, Value::from),
        );
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
            let name = self.name.clone();
            let (status, msg) = with_session(ctx, |s| async move {
                poll_for_events(&s, &name, Some("ADOPT"), 5, None).await
            })?
            .map_err(heat_error)?;
            if status == "ADOPT_FAILED" {
                return Err(CliError::Message(msg));
            }
        }
        show_stack(ctx, &id, true, true)
    }
}

//! `stack …` commands (heatclient/osc/v1/stack.py), and the request fields that create,
//! update, adopt and template validation build alike from `-t`, `-e` and `--parameter…`.

pub mod action;
pub mod adopt;
pub mod create;
pub mod delete;
pub mod list;
pub mod misc;
pub mod show;
pub mod update;

use super::files::{self, Environments};
use crate::{context::Context, error::CliError};
use serde_json::{Map, Value};

/// Fetches a template or environment URL that is not a local file, with the session's
/// HTTP client.
pub fn remote(ctx: &mut Context, u: &url::Url) -> Result<Vec<u8>, String> {
    let session = ctx.session().map_err(|e| e.to_string())?;
    let url = u.to_string();
    let r = ctx
        .block_on(async move {
            let resp = session.http().client().get(&url).send().await?;
            let resp = resp.error_for_status()?;
            resp.bytes().await
        })
        .map_err(|e| e.to_string())?;
    r.map(|b| b.to_vec())
        .map_err(|e| format!("<urlopen error {e}>"))
}

/// What `-t`, `-e`, `--parameter` and `--parameter-file` make of a request.
pub struct TemplateFields {
    /// The parsed template (`None` with `--existing` and no `-t`).
    pub template: Option<Value>,
    /// Heat's `files`: what the template and the environments reference.
    pub files: Map<String, Value>,
    /// The environments.
    pub env: Environments,
    /// Parameters (`--parameter` then `--parameter-file`).
    pub parameters: Map<String, Value>,
}

/// heatclient's `process_template_path` + `process_multiple_environments_and_files` +
/// `format_all_parameters`.
pub fn template_fields(
    ctx: &mut Context,
    template: Option<&str>,
    environments: &[String],
    parameters: &[String],
    parameter_files: &[String],
    fetch_child: bool,
) -> Result<TemplateFields, CliError> {
    let mut fetch = files::fetcher(|u: &url::Url| remote(ctx, u));
    let mut tpl_files = Map::new();
    let template_arg = template;
    let template = match template {
        Some(t) => {
            let url = files::to_url(t)?;
            Some(files::template_contents(
                &url,
                &mut tpl_files,
                &mut fetch,
                fetch_child,
            )?)
        }
        None => None,
    };
    let env = files::environments(environments, &mut fetch, fetch_child, true)?;
    let mut params = super::format_parameters(parameters, true)?;
    params.extend(files::parameter_files(
        parameter_files,
        template_arg,
        &mut fetch,
    )?);
    let mut all = tpl_files;
    all.extend(env.files.clone());
    Ok(TemplateFields {
        template,
        files: all,
        env,
        parameters: params,
    })
}

/// The body fields shared by create, update and preview.
pub fn base_body(f: &TemplateFields) -> Map<String, Value> {
    let mut body = Map::new();
    body.insert("parameters".into(), Value::Object(f.parameters.clone()));
    body.insert("template".into(), f.template.clone().unwrap_or(Value::Null));
    body.insert("files".into(), Value::Object(f.files.clone()));
    body.insert("environment".into(), f.env.env.clone());
    if !f.env.urls.is_empty() {
        body.insert(
            "environment_files".into(),
            Value::Array(f.env.urls.iter().cloned().map(Value::String).collect()),
        );
    }
    body
}

//! `stack failures list` (heatclient/osc/v1/stack_failures.py): the failed resources of a
//! failed stack, nested stacks followed down to the resources that failed in them, with the
//! logs of failed software deployments.

use super::{PLUGIN_EPILOG, heat_error, with_session};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::{ClientError, Session};
use ostk_sdk::orchestration as heat;
use serde_json::Value;

/// Show information about failed stack resources.
#[derive(clap::Args, Debug)]
pub struct ListStackFailures {
    /// Stack to display (name or ID)
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Show full deployment logs in output
    #[arg(long)]
    long: bool,
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

async fn resources(sess: &Session, stack: &str) -> Result<Vec<Value>, ClientError> {
    let mut v = heat::get(
        sess,
        &format!("stacks/{}/resources", heat::stack_path(stack)),
    )
    .await?;
    Ok(heat::take_list(&mut v, "resources"))
}

/// heatclient's `_append_failed_resources`.
async fn append_failed(
    sess: &Session,
    out: &mut Vec<(String, Value)>,
    rs: Vec<Value>,
    path: Vec<String>,
) -> Result<bool, ClientError> {
    let mut appended = false;
    for r in rs {
        if !s(&r, "resource_status").ends_with("FAILED") {
            continue;
        }
        let nested = r
            .get("links")
            .and_then(Value::as_array)
            .is_some_and(|ls| ls.iter().any(|l| s(l, "rel") == "nested"));
        let mut next = path.clone();
        next.push(s(&r, "resource_name").to_string());
        let mut nested_appended = false;
        if nested {
            match resources(sess, s(&r, "physical_resource_id")).await {
                Ok(inner) => {
                    nested_appended =
                        Box::pin(append_failed(sess, out, inner, next.clone())).await?;
                }
                Err(e) if e.status() == Some(404) => {}
                Err(e) => return Err(e),
            }
        }
        if !nested_appended {
            let key = next.join(".");
            match out.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = r,
                None => out.push((key, r)),
            }
        }
        appended = true;
    }
    Ok(appended)
}

/// heatclient's `format_utils.indent_and_truncate` (with a prefix line and a postfix line
/// when truncated).
pub fn indent_and_truncate(
    txt: &str,
    spaces: usize,
    truncate: bool,
    prefix: Option<&str>,
    postfix: Option<&str>,
) -> String {
    let mut lines: Vec<String> = txt.lines().map(str::to_string).collect();
    if truncate && lines.len() > 10 {
        lines = lines.split_off(lines.len() - 10);
        if let Some(p) = prefix {
            lines.insert(0, p.to_string());
        }
        if let Some(p) = postfix {
            lines.push(p.to_string());
        }
    }
    let pad = " ".repeat(spaces);
    lines
        .iter()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `str()` of a JSON value as Python prints it (`None` for null).
fn py(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => ostk_output::py_str_of_json(other),
    }
}

impl Command for ListStackFailures {
    const WORDS: &'static str = "stack failures list";
    const ABOUT: &'static str = "Show information about failed stack resources.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let stack = self.stack.clone();
        let (failures, deployments) = with_session(ctx, |sess| async move {
            let st = heat::get_stack(&sess, &stack, true).await?;
            let status = s(&st, "stack_status");
            if status.split_once('_').map(|(_, b)| b) != Some("FAILED") {
                return Ok((Vec::new(), Vec::new()));
            }
            let rs = resources(&sess, s(&st, "id")).await?;
            let mut out = Vec::new();
            append_failed(&sess, &mut out, rs, vec![s(&st, "stack_name").to_string()]).await?;
            let mut deployments = Vec::new();
            for (_, r) in &out {
                let t = s(r, "resource_type");
                if t != "OS::Heat::StructuredDeployment" && t != "OS::Heat::SoftwareDeployment" {
                    continue;
                }
                let id = s(r, "physical_resource_id").to_string();
                match heat::get(&sess, &format!("software_deployments/{}", heat::enc(&id))).await {
                    Ok(mut v) => {
                        let d = v
                            .get_mut("software_deployment")
                            .map(Value::take)
                            .unwrap_or(Value::Null);
                        deployments.push((id, d));
                    }
                    Err(e) if e.status() == Some(404) => {}
                    Err(e) => return Err(e),
                }
            }
            Ok((out, deployments))
        })?
        .map_err(heat_error)?;
        let mut text = String::new();
        for (k, f) in &failures {
            text.push_str(&format!("{k}:\n"));
            text.push_str(&format!(
                "  resource_type: {}\n",
                py(f.get("resource_type"))
            ));
            text.push_str(&format!(
                "  physical_resource_id: {}\n",
                py(f.get("physical_resource_id"))
            ));
            text.push_str(&format!("  status: {}\n", py(f.get("resource_status"))));
            let reason = match f.get("resource_status_reason") {
                None | Some(Value::Null) => "None".to_string(),
                Some(v) => indent_and_truncate(&py(Some(v)), 4, !self.long, Some("...\n"), None),
            };
            text.push_str(&format!("  status_reason: |\n{reason}\n"));
            let pid = s(f, "physical_resource_id");
            if let Some((_, d)) = deployments.iter().find(|(id, _)| id == pid) {
                let data = d.get("output_values").cloned().unwrap_or(Value::Null);
                for name in ["deploy_stdout", "deploy_stderr"] {
                    let out = match data.get(name) {
                        None | Some(Value::Null) => "None".to_string(),
                        Some(v) => indent_and_truncate(
                            &py(Some(v)),
                            4,
                            !self.long,
                            Some("..."),
                            Some("(truncated, view all with --long)"),
                        ),
                    };
                    text.push_str(&format!("  {name}: |\n{out}\n"));
                }
            }
        }
        Ok(if text.is_empty() {
            Output::None
        } else {
            Output::Text(text)
        })
    }
}

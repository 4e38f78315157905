//! `stack output list` / `stack output show` (heatclient/osc/v1/stack.py OutputListStack,
//! OutputShowStack).

use super::{dict_record, heat_error, json_cell, stack_not_found, with_session};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::ClientError;
use ostk_sdk::orchestration as heat;
use serde_json::Value;

/// The stack's outputs from the stack itself (servers without the outputs API, or a 404 on
/// one output).
async fn stack_outputs(
    s: &ostk_sdk::client::Session,
    stack: &str,
) -> Result<Vec<Value>, ClientError> {
    let st = heat::get_stack(s, stack, true).await?;
    Ok(st
        .get("outputs")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default())
}

/// List stack outputs.
#[derive(clap::Args, Debug)]
pub struct OutputListStack {
    /// Name or ID of stack to query
    #[arg(value_name = "<stack>")]
    stack: String,
}

impl Command for OutputListStack {
    const WORDS: &'static str = "stack output list";
    const ABOUT: &'static str = "List stack outputs.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let stack = self.stack.clone();
        let outputs = with_session(ctx, |s| async move {
            let listed = async {
                let ident = heat::stack_identifier(&s, &stack).await?;
                let mut v =
                    heat::get(&s, &format!("stacks/{}/outputs", heat::stack_path(&ident))).await?;
                Ok::<_, ClientError>(heat::take_list(&mut v, "outputs"))
            }
            .await;
            match listed {
                Err(e) if e.status() == Some(404) => stack_outputs(&s, &stack).await,
                other => other,
            }
        })?
        .map_err(|e| stack_not_found(e, &self.stack))?;
        let columns = ["output_key", "description"];
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: outputs
                .iter()
                .map(|o| {
                    columns
                        .iter()
                        .map(|c| {
                            ostk_output::Cell::from_json(
                                o.get(*c).cloned().unwrap_or(Value::String(String::new())),
                            )
                        })
                        .collect()
                })
                .collect(),
        }))
    }
}

/// Show stack output.
#[derive(clap::Args, Debug)]
pub struct OutputShowStack {
    /// Name or ID of stack to query
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Name of an output to display
    #[arg(value_name = "<output>")]
    output: Option<String>,
    /// Display all stack outputs
    #[arg(long)]
    all: bool,
}

impl Command for OutputShowStack {
    const WORDS: &'static str = "stack output show";
    const ABOUT: &'static str = "Show stack output.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(super::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if !self.all && self.output.is_none() {
            return Err(CliError::Message(
                "Either <OUTPUT NAME> or --all must be specified.".into(),
            ));
        }
        if self.all && self.output.is_some() {
            return Err(CliError::Message(
                "Cannot specify both <OUTPUT NAME> and --all.".into(),
            ));
        }
        let stack = self.stack.clone();
        if self.all {
            let outputs = with_session(ctx, |s| async move { stack_outputs(&s, &stack).await })?
                .map_err(|e| stack_not_found(e, &self.stack))?;
            return Ok(Output::One(Record {
                fields: outputs
                    .into_iter()
                    .map(|o| {
                        let key = o
                            .get("output_key")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string();
                        (key, json_cell(o))
                    })
                    .collect(),
            }));
        }
        let key = self.output.clone().unwrap_or_default();
        let k = key.clone();
        let not_found = format!("Stack {} or output {key} not found.", self.stack);
        let output = with_session(ctx, |s| async move {
            let one = async {
                let ident = heat::stack_identifier(&s, &stack).await?;
                let mut v = heat::get(
                    &s,
                    &format!(
                        "stacks/{}/outputs/{}",
                        heat::stack_path(&ident),
                        heat::enc(&k)
                    ),
                )
                .await?;
                Ok::<_, ClientError>(Some(
                    v.get_mut("output").map(Value::take).unwrap_or(Value::Null),
                ))
            }
            .await;
            match one {
                Err(e) if e.status() == Some(404) => {
                    let all = stack_outputs(&s, &stack).await?;
                    Ok(all
                        .into_iter()
                        .find(|o| o.get("output_key").and_then(Value::as_str) == Some(k.as_str())))
                }
                other => other,
            }
        })?
        .map_err(|e| {
            if e.status() == Some(404) {
                CliError::Message(not_found.clone())
            } else {
                heat_error(e)
            }
        })?
        .ok_or_else(|| CliError::Message(not_found.clone()))?;
        if let Some(err) = output.get("output_error") {
            let text = match err {
                Value::String(s) => s.clone(),
                other => ostk_output::py_str_of_json(other),
            };
            return Err(CliError::Message(format!("Output error: {text}")));
        }
        Ok(Output::One(dict_record(&output)))
    }
}

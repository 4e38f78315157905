//! `stack suspend|resume|check|cancel` (heatclient/osc/v1/stack.py StackActionBase and its
//! subclasses): the action on each stack, optionally waited for, then the stacks' rows.

use crate::commands::orchestration::event::{last_event_id, poll_for_events};
use crate::commands::orchestration::{heat_error, item_row, stack_not_found, with_session};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::orchestration as heat;
use serde_json::Value;

const COLUMNS: [&str; 5] = [
    "ID",
    "Stack Name",
    "Stack Status",
    "Creation Time",
    "Updated Time",
];

/// heatclient's `_stack_action`: `action` on `stack`, waited for with `action_name`'s
/// statuses (any `_COMPLETE`/`_FAILED` without one); the stack afterwards.
fn stack_action(
    ctx: &mut Context,
    stack: &str,
    wait: bool,
    action: &str,
    action_name: Option<&str>,
) -> Result<Value, CliError> {
    let marker = if wait {
        let s = stack.to_string();
        with_session(ctx, |x| async move { last_event_id(&x, &s).await })?.map_err(heat_error)?
    } else {
        None
    };
    let (s, a) = (stack.to_string(), action.to_string());
    with_session(ctx, |x| async move { heat::stack_action(&x, &s, &a).await })?
        .map_err(|e| stack_not_found(e, stack))?;
    if wait {
        let s = stack.to_string();
        let name = with_session(ctx, |x| async move { heat::get_stack(&x, &s, true).await })?
            .map_err(heat_error)?
            .get("stack_name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let an = action_name.map(str::to_string);
        let (status, msg) = with_session(ctx, |x| async move {
            poll_for_events(&x, &name, an.as_deref(), 5, marker).await
        })?
        .map_err(heat_error)?;
        let failed = match action_name {
            Some(a) => status == format!("{a}_FAILED"),
            None => status.ends_with("_FAILED"),
        };
        if failed {
            return Err(CliError::Message(msg));
        }
    }
    let s = stack.to_string();
    with_session(ctx, |x| async move { heat::get_stack(&x, &s, true).await })?.map_err(heat_error)
}

fn rows(stacks: &[Value]) -> Output {
    let columns: Vec<&str> = COLUMNS.to_vec();
    Output::List(Listing {
        columns: COLUMNS.iter().map(|c| c.to_string()).collect(),
        rows: stacks.iter().map(|s| item_row(s, &columns)).collect(),
    })
}

macro_rules! action_command {
    ($name:ident, $words:literal, $about:literal, $stack_help:literal, $wait_help:literal, $action:literal, $action_name:literal) => {
        #[doc = $about]
        #[derive(clap::Args, Debug)]
        pub struct $name {
            #[doc = $stack_help]
            #[arg(value_name = "<stack>", required = true, num_args = 1..)]
            stack: Vec<String>,
            #[doc = $wait_help]
            #[arg(long)]
            wait: bool,
        }

        impl Command for $name {
            const WORDS: &'static str = $words;
            const ABOUT: &'static str = $about;
            const KIND: Kind = Kind::List;
            const EPILOG: Option<&'static str> =
                Some(crate::commands::orchestration::PLUGIN_EPILOG);

            fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
                let mut out = Vec::new();
                for s in &self.stack {
                    out.push(stack_action(
                        ctx,
                        s,
                        self.wait,
                        $action,
                        Some($action_name),
                    )?);
                }
                Ok(rows(&out))
            }
        }
    };
}

action_command!(
    SuspendStack,
    "stack suspend",
    "Suspend a stack.",
    "Stack(s) to suspend (name or ID)",
    "Wait for suspend to complete",
    "suspend",
    "SUSPEND"
);
action_command!(
    ResumeStack,
    "stack resume",
    "Resume a stack.",
    "Stack(s) to resume (name or ID)",
    "Wait for resume to complete",
    "resume",
    "RESUME"
);
action_command!(
    CheckStack,
    "stack check",
    "Check a stack.",
    "Stack(s) to check update (name or ID)",
    "Wait for check to complete",
    "check",
    "CHECK"
);

/// Cancel current task for a stack.
///
/// Supported tasks for cancellation:
///
/// * update
/// * create
#[derive(clap::Args, Debug)]
pub struct CancelStack {
    /// Stack(s) to cancel (name or ID)
    #[arg(value_name = "<stack>", required = true, num_args = 1..)]
    stack: Vec<String>,
    /// Wait for cancel to complete
    #[arg(long)]
    wait: bool,
    /// Cancel without rollback
    #[arg(long = "no-rollback")]
    no_rollback: bool,
}

impl Command for CancelStack {
    const WORDS: &'static str = "stack cancel";
    const ABOUT: &'static str = "Cancel current task for a stack.\n\nSupported tasks for cancellation:\n\n* update\n* create";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (action, allowed): (&str, &[&str]) = if self.no_rollback {
            (
                "cancel_without_rollback",
                &["create_in_progress", "update_in_progress"],
            )
        } else {
            ("cancel_update", &["update_in_progress"])
        };
        let mut out = Vec::new();
        for stack in &self.stack {
            let s = stack.clone();
            let data = with_session(ctx, |x| async move { heat::get_stack(&x, &s, true).await })?
                .map_err(|e| stack_not_found(e, stack))?;
            let status = data
                .get("stack_status")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_lowercase();
            if !allowed.contains(&status.as_str()) {
                return Err(CliError::Message(format!(
                    "Stack {stack} with status '{status}' not in cancelable state"
                )));
            }
            out.push(stack_action(ctx, stack, self.wait, action, None)?);
        }
        Ok(rows(&out))
    }
}

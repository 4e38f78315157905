//! `stack delete` (heatclient/osc/v1/stack.py DeleteStack): one by one, as heatclient, with
//! its confirmation prompt on a terminal and its per-stack lines on stdout.

use crate::commands::orchestration::event::{last_event_id, poll_for_events};
use crate::commands::orchestration::{heat_error, with_session};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::orchestration as heat;
use std::io::{BufRead, IsTerminal, Write};

/// Delete stack(s).
#[derive(clap::Args, Debug)]
pub struct DeleteStack {
    /// Stack(s) to delete (name or ID)
    #[arg(value_name = "<stack>", required = true, num_args = 1..)]
    stack: Vec<String>,
    /// Skip yes/no prompt (assume yes)
    #[arg(short = 'y', long)]
    yes: bool,
    /// Wait for stack delete to complete
    #[arg(long)]
    wait: bool,
}

/// heatclient's prompt; `false` unless the answer starts with `y` (end of input and errors
/// count as no).
fn confirmed() -> bool {
    let mut out = std::io::stdout();
    let _ = write!(out, "Are you sure you want to delete this stack(s) [y/N]? ");
    let _ = out.flush();
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => false,
        Ok(_) => line
            .trim_end_matches(['\n', '\r'])
            .to_lowercase()
            .starts_with('y'),
    }
}

impl Command for DeleteStack {
    const WORDS: &'static str = "stack delete";
    const ABOUT: &'static str = "Delete stack(s).";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if !self.yes && std::io::stdin().is_terminal() && !confirmed() {
            tracing::info!("User did not confirm stack delete so taking no action.");
            return Ok(Output::None);
        }
        let mut failures = 0;
        let mut waiting = Vec::new();
        let say = |line: String| {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        };
        for sid in &self.stack {
            let mut marker = None;
            if self.wait {
                let id = sid.clone();
                match with_session(ctx, |s| async move { last_event_id(&s, &id).await })? {
                    Ok(m) => marker = m,
                    Err(e) if e.status() == Some(404) => {
                        failures += 1;
                        say(heat_error(e).to_string());
                        continue;
                    }
                    Err(e) => return Err(heat_error(e)),
                }
            }
            let id = sid.clone();
            let r = with_session(ctx, |s| async move {
                let ident = heat::stack_identifier(&s, &id).await?;
                heat::call(
                    &s,
                    Method::DELETE,
                    &format!("stacks/{}", heat::stack_path(&ident)),
                    None,
                )
                .await
            })?;
            match r {
                Ok(_) => waiting.push((sid.clone(), marker)),
                Err(e) if e.status() == Some(404) => {
                    failures += 1;
                    say(format!("Stack not found: {sid}"));
                }
                Err(e) if e.status() == Some(403) => {
                    failures += 1;
                    say(format!("Forbidden: {sid}"));
                }
                Err(e) => return Err(heat_error(e)),
            }
        }
        if self.wait {
            for (sid, marker) in waiting {
                let id = sid.clone();
                let r = with_session(ctx, |s| async move {
                    poll_for_events(&s, &id, Some("DELETE"), 5, marker).await
                })?;
                match r {
                    Ok((status, msg)) if status == "DELETE_FAILED" => {
                        failures += 1;
                        say(msg);
                    }
                    Ok(_) => {}
                    // the stack is gone: heatclient's event listing fails, and it moves on
                    Err(e) if e.status() == Some(404) => {}
                    Err(e) => return Err(heat_error(e)),
                }
            }
        }
        if failures > 0 {
            return Err(CliError::Message(format!(
                "Unable to delete {failures} of the {} stacks.",
                self.stack.len()
            )));
        }
        Ok(Output::None)
    }
}

//! `stack snapshot create|delete|list|restore|show` (heatclient/osc/v1/snapshot.py).

use super::{
    PLUGIN_EPILOG, dict_record, format_default, item_row, or_not_found, stack_not_found,
    with_session,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::{ClientError, Method, Session};
use ostk_sdk::orchestration as heat;
use serde_json::Value;
use std::io::{BufRead, IsTerminal, Write};

/// `method stacks/{identifier}/snapshots[/{id}][suffix]`.
async fn snapshot_call(
    s: &Session,
    stack: &str,
    snapshot: Option<&str>,
    suffix: &str,
    method: Method,
    body: Option<Value>,
) -> Result<Value, ClientError> {
    let ident = heat::stack_identifier(s, stack).await?;
    let mut path = format!("stacks/{}/snapshots", heat::stack_path(&ident));
    if let Some(id) = snapshot {
        path.push('/');
        path.push_str(&heat::enc(id));
    }
    path.push_str(suffix);
    heat::call(s, method, &path, body).await
}

/// List stack snapshots.
#[derive(clap::Args, Debug)]
pub struct ListSnapshot {
    /// Name or ID of stack containing the snapshots
    #[arg(value_name = "<stack>")]
    stack: String,
}

impl Command for ListSnapshot {
    const WORDS: &'static str = "stack snapshot list";
    const ABOUT: &'static str = "List stack snapshots.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let stack = self.stack.clone();
        let mut v = with_session(ctx, |s| async move {
            snapshot_call(&s, &stack, None, "", Method::GET, None).await
        })?
        .map_err(|e| stack_not_found(e, &self.stack))?;
        let snapshots = heat::take_list(&mut v, "snapshots");
        let columns = [
            "id",
            "name",
            "action",
            "status",
            "status_reason",
            "creation_time",
        ];
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: snapshots.iter().map(|s| item_row(s, &columns)).collect(),
        }))
    }
}

/// A stack and one of its snapshots.
#[derive(clap::Args, Debug)]
pub struct ShowSnapshotArgs {
    /// Name or ID of stack containing the snapshot
    #[arg(value_name = "<stack>")]
    stack: String,
    /// ID of the snapshot to show
    #[arg(value_name = "<snapshot>")]
    snapshot: String,
}

format_default!(
    ShowSnapshot,
    ShowSnapshotArgs,
    "yaml",
    ["json", "shell", "table", "value", "yaml"]
);

fn snapshot_not_found(e: ClientError, snapshot: &str, stack: &str) -> CliError {
    or_not_found(e, || {
        format!("Snapshot ID <{snapshot}> not found for stack <{stack}>")
    })
}

impl Command for ShowSnapshot {
    const WORDS: &'static str = "stack snapshot show";
    const ABOUT: &'static str = "Show stack snapshot.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = self.0;
        let (stack, snap) = (a.stack.clone(), a.snapshot.clone());
        let v = with_session(ctx, |s| async move {
            snapshot_call(&s, &stack, Some(&snap), "", Method::GET, None).await
        })?
        .map_err(|e| snapshot_not_found(e, &a.snapshot, &a.stack))?;
        Ok(Output::One(dict_record(&v)))
    }
}

/// Restore stack snapshot
#[derive(clap::Args, Debug)]
pub struct RestoreSnapshot {
    /// Name or ID of stack containing the snapshot
    #[arg(value_name = "<stack>")]
    stack: String,
    /// ID of the snapshot to restore
    #[arg(value_name = "<snapshot>")]
    snapshot: String,
}

impl Command for RestoreSnapshot {
    const WORDS: &'static str = "stack snapshot restore";
    const ABOUT: &'static str = "Restore stack snapshot";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (stack, snap) = (self.stack.clone(), self.snapshot.clone());
        with_session(ctx, |s| async move {
            snapshot_call(&s, &stack, Some(&snap), "/restore", Method::POST, None).await
        })?
        .map_err(|e| {
            or_not_found(e, || {
                format!(
                    "Stack {} or snapshot {} not found.",
                    self.stack, self.snapshot
                )
            })
        })?;
        Ok(Output::None)
    }
}

/// Create stack snapshot.
#[derive(clap::Args, Debug)]
pub struct CreateSnapshot {
    /// Name or ID of stack
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Name of snapshot
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
}

impl Command for CreateSnapshot {
    const WORDS: &'static str = "stack snapshot create";
    const ABOUT: &'static str = "Create stack snapshot.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let stack = self.stack.clone();
        let mut body = serde_json::Map::new();
        if let Some(n) = self.name.as_ref().filter(|n| !n.is_empty()) {
            body.insert("name".into(), Value::String(n.clone()));
        }
        let data = with_session(ctx, |s| async move {
            snapshot_call(
                &s,
                &stack,
                None,
                "",
                Method::POST,
                Some(Value::Object(body)),
            )
            .await
        })?
        .map_err(|e| stack_not_found(e, &self.stack))?;
        let columns = [
            "ID",
            "name",
            "action",
            "status",
            "status_reason",
            "data",
            "creation_time",
        ];
        let cells = item_row(&data, &columns);
        Ok(Output::One(Record {
            fields: columns.iter().map(|c| c.to_string()).zip(cells).collect(),
        }))
    }
}

/// Delete stack snapshot.
#[derive(clap::Args, Debug)]
pub struct DeleteSnapshot {
    /// Name or ID of stack
    #[arg(value_name = "<stack>")]
    stack: String,
    /// ID of stack snapshot
    #[arg(value_name = "<snapshot>")]
    snapshot: String,
    /// Skip yes/no prompt (assume yes)
    #[arg(short = 'y', long)]
    yes: bool,
}

impl Command for DeleteSnapshot {
    const WORDS: &'static str = "stack snapshot delete";
    const ABOUT: &'static str = "Delete stack snapshot.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if !self.yes && std::io::stdin().is_terminal() {
            let mut out = std::io::stdout();
            let _ = write!(
                out,
                "Are you sure you want to delete the snapshot of this stack [Y/N]?"
            );
            let _ = out.flush();
            let mut line = String::new();
            let _ = std::io::stdin().lock().read_line(&mut line);
            if !line.to_lowercase().starts_with('y') {
                tracing::info!("User did not confirm snapshot delete so taking no action.");
                return Ok(Output::None);
            }
        }
        let (stack, snap) = (self.stack.clone(), self.snapshot.clone());
        with_session(ctx, |s| async move {
            snapshot_call(&s, &stack, Some(&snap), "", Method::DELETE, None).await
        })?
        .map_err(|e| snapshot_not_found(e, &self.snapshot, &self.stack))?;
        Ok(Output::None)
    }
}

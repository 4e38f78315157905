//! `stack hook poll` / `stack hook clear` (heatclient/osc/v1/stack.py StackHookPoll,
//! StackHookClear; common/hook_utils.py and event_utils.get_hook_events).

use super::event::get_events;
use super::{PLUGIN_EPILOG, heat_error, item_row, stack_not_found, with_session};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::client::{ClientError, Method, Session};
use ostk_sdk::orchestration as heat;
use serde_json::Value;

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

/// Python's `fnmatch.fnmatchcase`: `*`, `?`, `[seq]` and `[!seq]`.
pub fn fnmatch(name: &str, pat: &str) -> bool {
    fn class(p: &[char], c: char) -> Option<(bool, usize)> {
        // p starts after '['; returns (matched, length consumed including ']')
        let mut i = 0;
        let negate = p.first() == Some(&'!');
        if negate {
            i += 1;
        }
        let start = i;
        let mut hit = false;
        while i < p.len() && (p[i] != ']' || i == start) {
            if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
                hit |= p[i] <= c && c <= p[i + 2];
                i += 3;
            } else {
                hit |= p[i] == c;
                i += 1;
            }
        }
        (i < p.len()).then_some((hit != negate, i + 1))
    }
    fn rec(n: &[char], p: &[char]) -> bool {
        match p.first() {
            None => n.is_empty(),
            Some('*') => (0..=n.len()).any(|k| rec(&n[k..], &p[1..])),
            Some('?') => !n.is_empty() && rec(&n[1..], &p[1..]),
            Some('[') => match (n.first(), class(&p[1..], *n.first().unwrap_or(&'\0'))) {
                (Some(_), Some((true, len))) => rec(&n[1..], &p[1 + len..]),
                (Some(_), Some((false, _))) => false,
                (None, _) => false,
                (Some(c), None) => *c == '[' && rec(&n[1..], &p[1..]),
            },
            Some(c) => n.first() == Some(c) && rec(&n[1..], &p[1..]),
        }
    }
    let n: Vec<char> = name.chars().collect();
    let p: Vec<char> = pat.chars().collect();
    rec(&n, &p)
}

/// heatclient's `get_hook_type_via_status`.
async fn hook_type(sess: &Session, stack: &str) -> Result<Result<String, String>, ClientError> {
    let st = match heat::get_stack(sess, stack, true).await {
        Ok(st) => st,
        Err(e) if e.status() == Some(404) => return Ok(Err(format!("Stack not found: {stack}"))),
        Err(e) => return Err(e),
    };
    let status = s(&st, "stack_status");
    if !status.contains("IN_PROGRESS") {
        return Ok(Err(format!("Stack status {status} not IN_PROGRESS")));
    }
    Ok(if status.contains("CREATE") {
        Ok("pre-create".into())
    } else if status.contains("UPDATE") {
        Ok("pre-update".into())
    } else if status.contains("DELETE") {
        Ok("pre-delete".into())
    } else {
        Err(format!(
            "Unexpected stack status {status}, only create, update and delete supported"
        ))
    })
}

/// List resources with pending hook for a stack.
#[derive(clap::Args, Debug)]
pub struct StackHookPoll {
    /// Stack to display (name or ID)
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Depth of nested stacks from which to display hooks
    #[arg(long = "nested-depth", value_name = "<nested-depth>")]
    nested_depth: Option<String>,
}

impl Command for StackHookPoll {
    const WORDS: &'static str = "stack hook poll";
    const ABOUT: &'static str = "List resources with pending hook for a stack.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut columns = vec![
            "ID",
            "Resource Status Reason",
            "Resource Status",
            "Event Time",
        ];
        let depth = match self.nested_depth.as_deref().filter(|d| !d.is_empty()) {
            Some(d) => {
                let n: u32 = d
                    .parse()
                    .map_err(|_| CliError::Message(format!("--nested-depth invalid value {d}")))?;
                columns.push("Stack Name");
                n
            }
            None => 0,
        };
        let stack = self.stack.clone();
        let found = with_session(ctx, |sess| async move {
            let hook = match hook_type(&sess, &stack).await? {
                Ok(h) => h,
                Err(msg) => return Ok(Err(msg)),
            };
            let q = [("sort_dir".to_string(), "asc".to_string())];
            let events = get_events(&sess, &stack, None, &q, depth, None, None).await?;
            Ok(Ok((hook, events)))
        })?
        .map_err(heat_error)?;
        let (hook, events) = found.map_err(CliError::Message)?;
        let verb = hook.trim_start_matches("pre-").to_uppercase();
        let start_reason = format!("Stack {verb} started");
        let hook_reason = format!("{verb} paused until Hook {hook} is cleared");
        let clear_reason = format!("Hook {hook} is cleared");
        let stack_name = self.stack.split('/').next().unwrap_or("");
        let start = events
            .iter()
            .rposition(|e| {
                s(e, "resource_status_reason") == start_reason && s(e, "stack_name") == stack_name
            })
            .ok_or_else(|| CliError::Message("list index out of range".into()))?;
        let mut pending: Vec<((String, String), Value)> = Vec::new();
        for e in &events[start..] {
            let key = (
                s(e, "stack_name").to_string(),
                s(e, "resource_name").to_string(),
            );
            let reason = s(e, "resource_status_reason");
            if reason == hook_reason {
                match pending.iter_mut().find(|(k, _)| *k == key) {
                    Some(slot) => slot.1 = e.clone(),
                    None => pending.push((key, e.clone())),
                }
            } else if reason == clear_reason {
                pending.retain(|(k, _)| *k != key);
            }
        }
        if let Some((_, first)) = pending.first() {
            if first.get("resource_name").is_some() {
                columns.insert(0, "Resource Name");
            } else {
                columns.insert(0, "Logical Resource ID");
            }
        }
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: pending.iter().map(|(_, e)| item_row(e, &columns)).collect(),
        }))
    }
}

/// Clear resource hooks on a given stack.
#[derive(clap::Args, Debug)]
pub struct StackHookClear {
    /// Stack to display (name or ID)
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Clear the pre-create hooks
    #[arg(long = "pre-create")]
    pre_create: bool,
    /// Clear the pre-update hooks
    #[arg(long = "pre-update")]
    pre_update: bool,
    /// Clear the pre-delete hooks
    #[arg(long = "pre-delete")]
    pre_delete: bool,
    /// Resource names with hooks to clear. Resources in nested stacks can be set using slash as a separator: ``nested_stack/another/my_resource``. You can use wildcards to match multiple stacks or resources: ``nested_stack/an*/*_resource``
    #[arg(value_name = "<resource>", required = true, num_args = 1..)]
    hook: Vec<String>,
}

async fn list_resources(sess: &Session, stack: &str) -> Result<Vec<Value>, ClientError> {
    let mut v = heat::get(
        sess,
        &format!("stacks/{}/resources", heat::stack_path(stack)),
    )
    .await?;
    Ok(heat::take_list(&mut v, "resources"))
}

/// heatclient's `clear_wildcard_hooks`.
async fn clear_wildcard(
    sess: &Session,
    stack: &str,
    stack_patterns: &[String],
    hook: &str,
    resource_pattern: &str,
) -> Result<(), ClientError> {
    for r in list_resources(sess, stack).await? {
        let name = s(&r, "resource_name");
        if let Some(first) = stack_patterns.first() {
            if fnmatch(name, first) {
                let ident = heat::stack_identifier(sess, stack).await?;
                let nested = heat::get(
                    sess,
                    &format!(
                        "stacks/{}/resources/{}",
                        heat::stack_path(&ident),
                        heat::enc(name)
                    ),
                )
                .await?;
                let pid = nested
                    .get("resource")
                    .map(|r| s(r, "physical_resource_id").to_string())
                    .unwrap_or_default();
                Box::pin(clear_wildcard(
                    sess,
                    &pid,
                    &stack_patterns[1..],
                    hook,
                    resource_pattern,
                ))
                .await?;
            }
        } else if fnmatch(name, resource_pattern) {
            let ident = heat::stack_identifier(sess, stack).await?;
            let path = format!(
                "stacks/{}/resources/{}/signal",
                heat::stack_path(&ident),
                heat::enc(name)
            );
            let body = serde_json::json!({ "unset_hook": hook });
            match heat::call(sess, Method::POST, &path, Some(body)).await {
                Ok(_) => {}
                Err(e) if e.status() == Some(404) => {
                    tracing::error!("Stack {stack} or resource {name} not found for hook {hook}")
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

impl Command for StackHookClear {
    const WORDS: &'static str = "stack hook clear";
    const ABOUT: &'static str = "Clear resource hooks on a given stack.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let stack = self.stack.clone();
        let fixed = if self.pre_create {
            Some("pre-create")
        } else if self.pre_update {
            Some("pre-update")
        } else if self.pre_delete {
            Some("pre-delete")
        } else {
            None
        };
        let hooks = self.hook.clone();
        with_session(ctx, |sess| async move {
            let hook = match fixed {
                Some(h) => h.to_string(),
                None => match hook_type(&sess, &stack).await? {
                    Ok(h) => h,
                    Err(msg) => return Ok(Err(msg)),
                },
            };
            for h in &hooks {
                let parts: Vec<String> = h
                    .split('/')
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect();
                let Some((last, nested)) = parts.split_last() else {
                    continue;
                };
                clear_wildcard(&sess, &stack, nested, &hook, last).await?;
            }
            Ok(Ok(()))
        })?
        .map_err(|e| stack_not_found(e, &self.stack))?
        .map_err(CliError::Message)?;
        Ok(Output::None)
    }
}

#[cfg(test)]
mod tests {
    use super::fnmatch;

    #[test]
    fn fnmatch_as_python() {
        assert!(fnmatch("my_resource", "*_resource"));
        assert!(fnmatch("another", "an*"));
        assert!(!fnmatch("other", "an*"));
        assert!(fnmatch("r1", "r?"));
        assert!(fnmatch("r1", "r[0-9]"));
        assert!(!fnmatch("r1", "r[!0-9]"));
        assert!(fnmatch("x", "x"));
        assert!(!fnmatch("xy", "x"));
    }
}

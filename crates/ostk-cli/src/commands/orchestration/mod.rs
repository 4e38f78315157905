//! Orchestration (heat) commands, as python-heatclient's OSC plugin (heatclient/osc/v1/*.py)
//! defines them: `stack …`, `orchestration …`. Shared here: heatclient's error wording, its
//! column formatters (JSON and YAML fields), `--parameter` parsing, the stack record of
//! `_show_stack`, and the formatter defaults some commands change (`-f log`, `-f yaml`).

pub mod dot;
pub mod event;
pub mod failures;
pub mod files;
pub mod hook;
pub mod output;
pub mod resource;
pub mod snapshot;
pub mod software;
pub mod stack;
pub mod template;
pub mod types;

use crate::registry::{Entry, entry};
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::client::{ClientError, Session};
use ostk_sdk::orchestration as heat;
use serde_json::{Map, Value};

/// This area's commands (registered through `commands::all`).
pub static COMMANDS: &[Entry] = &[
    entry::<stack::create::CreateStack>(),
    entry::<stack::adopt::AdoptStack>(),
    entry::<stack::update::UpdateStack>(),
    entry::<stack::show::ShowStack>(),
    entry::<stack::list::ListStack>(),
    entry::<stack::delete::DeleteStack>(),
    entry::<stack::action::SuspendStack>(),
    entry::<stack::action::ResumeStack>(),
    entry::<stack::action::CheckStack>(),
    entry::<stack::action::CancelStack>(),
    entry::<stack::misc::TemplateShowStack>(),
    entry::<stack::misc::EnvironmentShowStack>(),
    entry::<stack::misc::ListFileStack>(),
    entry::<stack::misc::AbandonStack>(),
    entry::<stack::misc::ExportStack>(),
    entry::<output::OutputListStack>(),
    entry::<output::OutputShowStack>(),
    entry::<resource::ResourceList>(),
    entry::<resource::ResourceShow>(),
    entry::<resource::ResourceMetadata>(),
    entry::<resource::ResourceSignal>(),
    entry::<resource::ResourceMarkUnhealthy>(),
    entry::<snapshot::ListSnapshot>(),
    entry::<snapshot::ShowSnapshot>(),
    entry::<snapshot::RestoreSnapshot>(),
    entry::<snapshot::CreateSnapshot>(),
    entry::<snapshot::DeleteSnapshot>(),
    entry::<failures::ListStackFailures>(),
    entry::<hook::StackHookPoll>(),
    entry::<hook::StackHookClear>(),
    entry::<software::DeleteConfig>(),
    entry::<software::ListConfig>(),
    entry::<software::CreateConfig>(),
    entry::<software::ShowConfig>(),
    entry::<software::CreateDeployment>(),
    entry::<software::DeleteDeployment>(),
    entry::<software::ListDeployment>(),
    entry::<software::ShowDeployment>(),
    entry::<software::ShowMetadataDeployment>(),
    entry::<software::ShowOutputDeployment>(),
    entry::<event::ListEvent>(),
    entry::<event::ShowEvent>(),
    entry::<template::Validate>(),
    entry::<template::VersionList>(),
    entry::<template::FunctionList>(),
    entry::<types::ListService>(),
    entry::<types::ResourceTypeList>(),
    entry::<types::ResourceTypeShow>(),
    entry::<types::BuildInfo>(),
];

/// The help epilog cliff gives the plugin's commands.
pub const PLUGIN_EPILOG: &str = "This command is provided by the python-heatclient plugin.";

/// heatclient's `HTTPException` text: `ERROR: <message of the error body>`.
pub fn heat_error(e: ClientError) -> CliError {
    match e {
        ClientError::Api(api) => {
            let msg = api
                .message
                .clone()
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| api.reason().to_string());
            CliError::Message(format!("ERROR: {msg}"))
        }
        other => CliError::from(other),
    }
}

/// `msg` for a 404 (heatclient's `except HTTPNotFound: raise CommandError(msg)`), else
/// [`heat_error`].
pub fn or_not_found(e: ClientError, msg: impl FnOnce() -> String) -> CliError {
    if e.status() == Some(404) {
        CliError::Message(msg())
    } else {
        heat_error(e)
    }
}

/// `Stack not found: x` on 404.
pub fn stack_not_found(e: ClientError, stack: &str) -> CliError {
    or_not_found(e, || format!("Stack not found: {stack}"))
}

/// Runs a heat call on the invocation's session.
pub fn with_session<T, F, Fut>(ctx: &mut Context, f: F) -> Result<Result<T, ClientError>, CliError>
where
    F: FnOnce(std::sync::Arc<Session>) -> Fut,
    Fut: std::future::Future<Output = Result<T, ClientError>>,
{
    let session = ctx.session()?;
    ctx.block_on(f(session))
}

/// The `-f` value the command was given (cliff's `parsed_args.formatter`).
pub fn formatter(ctx: &Context) -> String {
    ctx.matches
        .as_ref()
        .and_then(|m| m.try_get_one::<String>("format").ok().flatten().cloned())
        .unwrap_or_default()
}

/// Python `json.dumps(v, indent=indent, separators=(', ', ': '), ensure_ascii=ascii)`.
pub fn py_json(v: &Value, indent: Option<usize>, ascii: bool) -> String {
    ostk_output::json_dumps(v, indent, ", ", ascii)
}

/// heatclient's `JsonColumn`: indented JSON for the table, the value itself otherwise.
pub fn json_cell(v: Value) -> Cell {
    Cell::formatted(py_json(&v, Some(2), false), v)
}

/// heatclient's `YamlColumn`: `yaml.safe_dump` for the table, the value itself otherwise.
pub fn yaml_cell(v: Value) -> Cell {
    Cell::formatted(ostk_output::yaml_dump(&v), v)
}

/// heatclient's `format_parameters`: `key=value` pairs (one argument may hold several
/// separated by `;` when `parse_semicolon`); a repeated key collects a list.
pub fn format_parameters(
    params: &[String],
    parse_semicolon: bool,
) -> Result<Map<String, Value>, CliError> {
    let split: Vec<String> = if parse_semicolon && params.len() == 1 {
        params[0].split(';').map(str::to_string).collect()
    } else {
        params.to_vec()
    };
    let mut out = Map::new();
    for p in &split {
        let Some((k, v)) = p.split_once('=') else {
            return Err(CliError::Message(format!(
                "Malformed parameter({p}). Use the key=value format."
            )));
        };
        let v = Value::String(v.to_string());
        match out.get_mut(k) {
            None => {
                out.insert(k.to_string(), v);
            }
            Some(Value::Array(a)) => a.push(v),
            Some(old) => *old = Value::Array(vec![old.take(), v]),
        }
    }
    Ok(out)
}

/// `format_parameters` of `--filter key=value` as query pairs (lists repeat the key).
pub fn filter_query(filters: &[String]) -> Result<Vec<(String, String)>, CliError> {
    let mut q = Vec::new();
    for (k, v) in format_parameters(filters, true)? {
        match v {
            Value::Array(a) => q.extend(
                a.into_iter()
                    .map(|x| (k.clone(), x.as_str().unwrap_or("").to_string())),
            ),
            other => q.push((k, other.as_str().unwrap_or("").to_string())),
        }
    }
    Ok(q)
}

/// Python's `str(OSError)`: `[Errno 2] No such file or directory: 'path'`.
pub fn os_error(e: &std::io::Error, path: &str) -> String {
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    format!(
        "[Errno {}] {text}: {}",
        e.raw_os_error().unwrap_or(0),
        ostk_output::py_repr_str(path)
    )
}

/// Columns `_show_stack` always shows first.
const STACK_SHORT: [&str; 7] = [
    "id",
    "stack_name",
    "description",
    "creation_time",
    "updated_time",
    "stack_status",
    "stack_status_reason",
];

/// heatclient's `_show_stack`: the short record after create/update, else every field
/// (parameters, outputs when resolved, links, then the rest in the server's order).
pub fn show_stack(
    ctx: &mut Context,
    stack: &str,
    short: bool,
    resolve_outputs: bool,
) -> Result<Output, CliError> {
    let resolve = !short && resolve_outputs;
    let data = with_session(
        ctx,
        |s| async move { heat::get_stack(&s, stack, resolve).await },
    )?
    .map_err(|e| {
        if e.status() == Some(404) {
            CliError::Message(format!("Stack not found: {stack}"))
        } else {
            heat_error(e)
        }
    })?;
    Ok(Output::One(stack_record(&data, short, resolve)))
}

use crate::registry::Output;

/// The record of [`show_stack`] from the stack as heat sent it.
pub fn stack_record(data: &Value, short: bool, resolve_outputs: bool) -> Record {
    let mut columns: Vec<String> = STACK_SHORT.iter().map(|s| s.to_string()).collect();
    if !short {
        columns.push("parameters".into());
        if resolve_outputs {
            columns.push("outputs".into());
        }
        columns.push("links".into());
        if let Some(m) = data.as_object() {
            for k in m.keys() {
                if !columns.contains(k) && k != "template_description" {
                    columns.push(k.clone());
                }
            }
        }
    }
    let fields = columns
        .into_iter()
        .map(|c| {
            let v = data
                .get(&c)
                .cloned()
                .unwrap_or(Value::String(String::new()));
            let cell = match c.as_str() {
                "parameters" | "outputs" | "links" | "tags" => yaml_cell(v),
                _ => Cell::from_json(v),
            };
            (c, cell)
        })
        .collect();
    Record { fields }
}

/// osc-lib `get_item_properties`: the attribute of each column (`Stack Name` → `stack_name`),
/// `''` when missing.
pub fn item_row(item: &Value, columns: &[&str]) -> Vec<Cell> {
    columns
        .iter()
        .map(|c| {
            let key = c.to_lowercase().replace(' ', "_");
            Cell::from_json(
                item.get(&key)
                    .cloned()
                    .unwrap_or(Value::String(String::new())),
            )
        })
        .collect()
}

/// Every field of an object, sorted by name, each made a cell by `cell(name, value)`.
pub fn sorted_record(v: &Value, cell: impl Fn(&str, Value) -> Cell) -> Record {
    let mut keys: Vec<&String> = v
        .as_object()
        .map(|m| m.keys().collect())
        .unwrap_or_default();
    keys.sort();
    Record {
        fields: keys
            .into_iter()
            .map(|k| (k.clone(), cell(k, v[k].clone())))
            .collect(),
    }
}

/// Every field of an object, in the server's order (cliff's `dict2columns`, whose record
/// keeps the dict's order).
pub fn dict_record(v: &Value) -> Record {
    Record {
        fields: v
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), Cell::from_json(v.clone())))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Changes the formatter's `-f` default and choices of a command (heatclient's
/// `formatter_default` / formatter namespaces): wraps the derived arguments `$inner` in
/// `$outer`.
macro_rules! format_default {
    ($outer:ident, $inner:ty, $default:literal, [$($choice:literal),+]) => {
        #[doc = concat!("`", stringify!($inner), "` with `-f` defaulting to ", $default, ".")]
        #[derive(Debug)]
        pub struct $outer(pub $inner);
        impl clap::FromArgMatches for $outer {
            fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
                <$inner as clap::FromArgMatches>::from_arg_matches(m).map($outer)
            }
            fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
                self.0.update_from_arg_matches(m)
            }
        }
        impl clap::Args for $outer {
            fn augment_args(cmd: clap::Command) -> clap::Command {
                // mut_args keeps the option's place (mut_arg would move it last in help)
                <$inner as clap::Args>::augment_args(cmd).mut_args(|a| {
                    if a.get_id() != "format" {
                        return a;
                    }
                    a.default_value($default)
                        .value_parser([$($choice),+])
                        .value_name(concat!("{", $crate::commands::orchestration::join_choices!($($choice),+), "}"))
                        .help(concat!("the output format, defaults to ", $default))
                })
            }
            fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
                Self::augment_args(cmd)
            }
        }
    };
}
pub(crate) use format_default;

/// `"a", "b"` → `"a,b"` at compile time.
macro_rules! join_choices {
    ($first:literal $(, $rest:literal)*) => { concat!($first $(, ",", $rest)*) };
}
pub(crate) use join_choices;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn python_json_keeps_the_space_before_newlines() {
        let v = json!({"a": 1, "b": [true, null], "c": "é"});
        assert_eq!(
            py_json(&v, Some(2), false),
            "{\n  \"a\": 1, \n  \"b\": [\n    true, \n    null\n  ], \n  \"c\": \"é\"\n}"
        );
        assert_eq!(
            py_json(&v, None, true),
            "{\"a\": 1, \"b\": [true, null], \"c\": \"\\u00e9\"}"
        );
    }

    #[test]
    fn parameters_split_on_semicolons_and_collect_repeats() {
        let p = format_parameters(&["a=1;b=x=y".into()], true).unwrap();
        assert_eq!(Value::Object(p), json!({"a": "1", "b": "x=y"}));
        let p = format_parameters(&["a=1".into(), "a=2".into(), "a=3".into()], true).unwrap();
        assert_eq!(Value::Object(p), json!({"a": ["1", "2", "3"]}));
        let e = format_parameters(&["nope".into()], true).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Malformed parameter(nope). Use the key=value format."
        );
    }
}

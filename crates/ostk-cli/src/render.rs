//! Turning results and errors into what python-openstackclient prints.

use crate::{
    Terminal,
    context::Context,
    error::CliError,
    output_args::{ListFormatArgs, ShowFormatArgs},
    registry::{Entry, Kind, Output},
};
use clap::FromArgMatches;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::io::Write;

/// cliff reads these two variables for its table formatter defaults.
fn cliff_env(ctx: &Context) -> (i64, bool) {
    // cliff: int(os.environ.get('CLIFF_MAX_TERM_WIDTH', 0)), bool(int(os.environ.get('CLIFF_FIT_WIDTH', 0)))
    let max = ctx
        .env
        .get("CLIFF_MAX_TERM_WIDTH")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let fit = ctx
        .env
        .get("CLIFF_FIT_WIDTH")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or(0)
        != 0;
    (max, fit)
}

fn positive(w: i64) -> Option<usize> {
    usize::try_from(w).ok().filter(|w| *w > 0)
}

fn bad(what: &str, value: &str) -> CliError {
    CliError::Message(format!("unknown {what} {value}"))
}

/// Renders a command's result on `out` with the formatter options it was given.
#[allow(clippy::too_many_arguments)]
pub fn output(
    entry: &Entry,
    matches: &clap::ArgMatches,
    output: Output,
    ctx: &mut Context,
    term: &Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let parse_err = |e: clap::Error| CliError::Message(e.to_string());
    let (env_max, env_fit) = cliff_env(ctx);
    let (output, then_fail) = match output {
        Output::ThenFail(rest, e) => (*rest, Some(*e)),
        other => (other, None),
    };
    let output = match output {
        Output::TextThen(t, rest) => match out.write_all(t.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(ostk_output::OutputError::from(e).into()),
            Ok(()) => *rest,
        },
        Output::ForTable {
            note,
            table_error,
            rest,
        } => {
            let format = match entry.kind {
                Kind::List => ListFormatArgs::from_arg_matches(matches).map(|a| a.format),
                Kind::Show => ShowFormatArgs::from_arg_matches(matches).map(|a| a.format),
                Kind::Plain => Ok(String::new()),
            }
            .map_err(parse_err)?;
            if format != "table" {
                *rest
            } else {
                match out.write_all(note.as_bytes()) {
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                    Err(e) => return Err(ostk_output::OutputError::from(e).into()),
                    Ok(()) => {}
                }
                if let Some(e) = table_error {
                    return Err(CliError::Message(e));
                }
                *rest
            }
        }
        other => other,
    };
    let res = match (output, entry.kind) {
        (Output::None, _) => Ok(()),
        (Output::Text(t), _) => out
            .write_all(t.as_bytes())
            .map_err(ostk_output::OutputError::from),
        (Output::Stderr(t), _) => err
            .write_all(t.as_bytes())
            .map_err(ostk_output::OutputError::from),
        (Output::List(listing), Kind::List) => {
            let opts = list_options(matches, ctx, term)?;
            ostk_output::write_list(&listing, &opts, out).map(log_warnings)
        }
        (Output::Stream(stream), Kind::List) => {
            let opts = list_options(matches, ctx, term)?;
            return write_stream(stream, &opts, ctx, out)
                .and_then(|()| then_fail.map_or(Ok(()), Err));
        }
        (Output::One(record), Kind::Show) => {
            let a = ShowFormatArgs::from_arg_matches(matches).map_err(parse_err)?;
            let opts = ostk_output::ShowOptions {
                format: ostk_output::ShowFormat::from_name(&a.format)
                    .ok_or_else(|| bad("format", &a.format))?,
                columns: a.columns,
                noindent: a.noindent,
                prefix: a.prefix,
                max_width: positive(a.max_width.unwrap_or(env_max)),
                fit_width: a.fit_width || env_fit,
                print_empty: a.print_empty,
                terminal_width: term.stdout_width,
                escape_controls: term.stdout_tty,
            };
            ostk_output::write_one(&record, &opts, out)
        }
        (_, kind) => {
            return Err(CliError::Message(format!(
                "internal error: {kind:?} command returned the wrong kind of output"
            )));
        }
    };
    match res {
        Err(ostk_output::OutputError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            return Ok(());
        }
        other => other.map_err(CliError::from)?,
    }
    then_fail.map_or(Ok(()), Err)
}

/// cliff logs these (e.g. unsortable columns) as warnings.
fn log_warnings(report: ostk_output::ListReport) {
    for w in report.warnings {
        tracing::warn!("{w}");
    }
}

/// The Lister formatter options a command was given.
fn list_options(
    matches: &clap::ArgMatches,
    ctx: &Context,
    term: &Terminal,
) -> Result<ostk_output::ListOptions, CliError> {
    let (env_max, env_fit) = cliff_env(ctx);
    let a =
        ListFormatArgs::from_arg_matches(matches).map_err(|e| CliError::Message(e.to_string()))?;
    Ok(ostk_output::ListOptions {
        format: ostk_output::ListFormat::from_name(&a.format)
            .ok_or_else(|| bad("format", &a.format))?,
        columns: a.columns,
        sort_columns: a.sort_columns,
        sort_descending: a.sort_descending,
        noindent: a.noindent,
        quote: ostk_output::Quote::from_name(&a.quote).ok_or_else(|| bad("quote", &a.quote))?,
        max_width: positive(a.max_width.unwrap_or(env_max)),
        fit_width: a.fit_width || env_fit,
        print_empty: a.print_empty,
        terminal_width: term.stdout_width,
        escape_controls: term.stdout_tty,
    })
}

/// Writes rows as the command fetches them. Nothing is written before the first page has
/// arrived, so that a listing failing at its first request prints only the error, as cliff
/// (which formats once it has everything) does; a failure on a later page ends the output
/// where it is.
fn write_stream(
    stream: crate::registry::RowStream,
    opts: &ostk_output::ListOptions,
    ctx: &mut Context,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let columns = stream.columns;
    let mut writer: Option<ostk_output::ListStream> = None;
    // a closed pipe (`| head`) ends the listing quietly: the sink says so with this error
    let mut pipe_closed = false;
    let produced = (stream.produce)(ctx, &mut |rows| {
        let written = match &mut writer {
            Some(w) => w.push(rows, out),
            None => ostk_output::ListStream::start(columns.clone(), opts, out)
                .and_then(|w| writer.insert(w).push(rows, out)),
        };
        written.map_err(|e| {
            if let ostk_output::OutputError::Io(io) = &e {
                pipe_closed = io.kind() == std::io::ErrorKind::BrokenPipe;
            }
            CliError::from(e)
        })
    });
    if pipe_closed {
        return Ok(());
    }
    produced?;
    let writer = match writer {
        Some(w) => w,
        None => ostk_output::ListStream::start(columns, opts, out)?,
    };
    match writer.finish(out) {
        Err(ostk_output::OutputError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(())
        }
        other => other.map(log_warnings).map_err(CliError::from),
    }
}

/// Renders records of a ShowOne command gathered from several clouds (`--clouds`) as one
/// listing, one row per cloud, with the ShowOne formatter options it was given (`shell`, which
/// prints one variable per field, cannot hold several records).
pub fn merged_show(
    matches: &clap::ArgMatches,
    listing: &ostk_output::Listing,
    ctx: &Context,
    term: &Terminal,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let a =
        ShowFormatArgs::from_arg_matches(matches).map_err(|e| CliError::Message(e.to_string()))?;
    let (env_max, env_fit) = cliff_env(ctx);
    let format = match a.format.as_str() {
        "shell" => {
            return Err(CliError::Message(
                "the shell format shows one record; with several clouds use -f json, yaml, value or table"
                    .into(),
            ));
        }
        f => ostk_output::ListFormat::from_name(f).ok_or_else(|| bad("format", f))?,
    };
    let opts = ostk_output::ListOptions {
        format,
        columns: a.columns,
        sort_columns: Vec::new(),
        sort_descending: false,
        noindent: a.noindent,
        quote: ostk_output::Quote::NonNumeric,
        max_width: positive(a.max_width.unwrap_or(env_max)),
        fit_width: a.fit_width || env_fit,
        print_empty: false,
        terminal_width: term.stdout_width,
        escape_controls: term.stdout_tty,
    };
    match ostk_output::write_list(listing, &opts, out) {
        Err(ostk_output::OutputError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(())
        }
        other => other.map(|_| ()).map_err(CliError::from),
    }
}

/// osc-lib's `--timing` report, printed after the command's output: a table, or CSV when the
/// command used another format (osc_lib/shell.py clean_up).
pub fn timing(
    matches: &clap::ArgMatches,
    timings: &[ostk_sdk::client::http::Timing],
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use ostk_output::{Cell, ListFormat, ListOptions, Listing};
    let table = matches
        .try_get_one::<String>("format")
        .ok()
        .flatten()
        .is_none_or(|f| f == "table");
    let mut rows = Vec::new();
    let mut total = 0.0;
    for t in timings {
        // timedelta.total_seconds(): microsecond resolution
        let secs = (t.elapsed.as_micros() as f64) / 1e6;
        total += secs;
        rows.push(vec![
            Cell::Str(format!("{} {}", t.method, t.url)),
            Cell::Float(secs),
        ]);
    }
    rows.push(vec![Cell::Str("Total".into()), Cell::Float(total)]);
    let listing = Listing {
        columns: vec!["URL".into(), "Seconds".into()],
        rows,
    };
    let opts = ListOptions {
        format: if table {
            ListFormat::Table
        } else {
            ListFormat::Csv
        },
        ..ListOptions::default()
    };
    out.write_all(b"\n")
        .map_err(ostk_output::OutputError::from)?;
    ostk_output::write_list(&listing, &opts, out)?;
    Ok(())
}

/// The one stderr line for a failed command.
pub fn error_line(e: &CliError) -> String {
    e.to_string()
}

/// argparse's name for an argument in messages: `-f/--format`, or the metavar of a positional.
fn arg_name(cmd: &clap::Command, id_or_flag: &str) -> String {
    let flag = id_or_flag.split_whitespace().next().unwrap_or(id_or_flag);
    // clap names a positional `<<server>>` (or `<<server>>...`) when its value name is `<server>`
    // (and `[<host>]` when it is optional)
    let bare = flag
        .trim_end_matches("...")
        .trim_start_matches('[')
        .trim_end_matches(']');
    let found = cmd.get_arguments().find(|a| {
        a.get_id().as_str() == flag
            || a.get_long().is_some_and(|l| flag == format!("--{l}"))
            || a.get_short().is_some_and(|s| flag == format!("-{s}"))
            || short_aliases(a).any(|s| flag == format!("-{s}"))
            || a.get_value_names().is_some_and(|v| {
                v.iter()
                    .any(|n| bare == n.as_str() || bare == format!("<{n}>"))
            })
    });
    match found {
        Some(a) if a.is_positional() => a
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| a.get_id().to_string(), |v| v.to_string()),
        Some(a) => {
            let mut names = Vec::new();
            if let Some(s) = a.get_short() {
                names.push(format!("-{s}"));
            }
            if let Some(l) = a.get_long() {
                names.push(format!("--{l}"));
            }
            names.extend(short_aliases(a).map(|s| format!("-{s}")));
            names.join("/")
        }
        None => flag.to_string(),
    }
}

fn ctx_str(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(" ")),
        other => Some(other.to_string()),
    }
}

/// An argparse `ArgumentError` raised by an option's action (osc-lib's
/// `MultiKeyValueAction`…): a value parser returning it makes the error line
/// `argument --x: {message}` instead of `invalid value`.
#[derive(Debug)]
pub struct ArgumentError(pub String);

impl std::fmt::Display for ArgumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ArgumentError {}

/// Where in `argv` the positional argument shown as `name` (`<host>`) was given: the
/// positional words in order, skipping options and their values.
fn positional_index(cmd: &clap::Command, argv: &[String], name: &str) -> Option<usize> {
    let nth = cmd
        .get_positionals()
        .position(|a| arg_name(cmd, a.get_id().as_str()) == name)?;
    let takes_value = |opt: &str| {
        cmd.get_arguments().any(|a| {
            (a.get_long().is_some_and(|l| opt == format!("--{l}"))
                || a.get_short().is_some_and(|c| opt == format!("-{c}"))
                || short_aliases(a).any(|c| opt == format!("-{c}")))
                && a.get_action().takes_values()
        })
    };
    let mut words = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let x = &argv[i];
        if x == "--" {
            words.extend(i + 1..argv.len());
            break;
        }
        if x.starts_with('-') && x.len() > 1 {
            if !x.contains('=') && takes_value(x) {
                i += 1;
            }
        } else {
            words.push(i);
        }
        i += 1;
    }
    words.get(nth).copied()
}

/// Words a clap parse error the way argparse words it.
pub fn argparse_message(e: &clap::Error, cmd: &clap::Command, argv: &[String]) -> String {
    let arg = ctx_str(e, ContextKind::InvalidArg).unwrap_or_default();
    match e.kind() {
        ErrorKind::UnknownArgument => format!("unrecognized arguments: {arg}"),
        ErrorKind::InvalidValue => {
            let value = ctx_str(e, ContextKind::InvalidValue).unwrap_or_default();
            let name = arg_name(cmd, &arg);
            match e.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(valid)) if !value.is_empty() => {
                    let list = valid
                        .iter()
                        .map(|v| format!("'{v}'"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    format!("argument {name}: invalid choice: '{value}' (choose from {list})")
                }
                _ => format!("argument {name}: expected one argument"),
            }
        }
        ErrorKind::ValueValidation => {
            let value = ctx_str(e, ContextKind::InvalidValue).unwrap_or_default();
            let name = arg_name(cmd, &arg);
            // a parser of ours words its own failure (argparse's ArgumentTypeError / an
            // Action's ArgumentError); std's number parsers get argparse's generic words
            if let Some(src) = std::error::Error::source(e)
                && !src.is::<std::num::ParseIntError>()
                && !src.is::<std::num::ParseFloatError>()
                && !src.to_string().is_empty()
            {
                return format!("argument {name}: {src}");
            }
            let is_int = cmd
                .get_arguments()
                .find(|a| arg_name(cmd, a.get_id().as_str()) == name)
                .is_some_and(|a| {
                    // argparse's `type=int`: an integer field, or an integer-looking metavar
                    let t = a.get_value_parser().type_id();
                    [
                        std::any::TypeId::of::<i64>(),
                        std::any::TypeId::of::<u64>(),
                        std::any::TypeId::of::<i32>(),
                        std::any::TypeId::of::<u32>(),
                    ]
                    .iter()
                    .any(|i| t == *i)
                        || a.get_value_names()
                            .and_then(|v| v.first())
                            .is_some_and(|v| {
                                v.as_str() == "<integer>"
                                    || v.contains("size")
                                    || v.contains("count")
                            })
                });
            if is_int {
                format!("argument {name}: invalid int value: '{value}'")
            } else {
                format!("argument {name}: invalid value: '{value}'")
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = ctx_str(e, ContextKind::PriorArg).unwrap_or_default();
            let (a, b) = (arg_name(cmd, &arg), arg_name(cmd, &prior));
            // argparse blames the option that came second on the command line.
            let pos = |name: &str| {
                argv.iter()
                    .position(|x| {
                        name.split('/')
                            .any(|n| x == n || x.starts_with(&format!("{n}=")))
                    })
                    .or_else(|| positional_index(cmd, argv, name))
            };
            let (later, earlier) = if pos(&a) < pos(&b) { (b, a) } else { (a, b) };
            format!("argument {later}: not allowed with argument {earlier}")
        }
        ErrorKind::MissingRequiredArgument => {
            // A required mutually exclusive group: clap names it `<--a <a>|--b>`.
            let mut built = cmd.clone();
            built.build();
            if let Some(g) = built.get_groups().find(|g| {
                g.is_required_set()
                    && !{
                        let mut g = (*g).clone();
                        g.is_multiple()
                    }
                    && g.get_args().all(|id| {
                        !built
                            .get_arguments()
                            .any(|a| a.get_id() == id && a.is_positional())
                    })
                    && g.get_args().next().is_some_and(|id| {
                        let first = arg_name(&built, id.as_str());
                        arg.trim_start_matches('<').starts_with(first.as_str())
                    })
            }) {
                let names: Vec<String> = g
                    .get_args()
                    .map(|id| arg_name(&built, id.as_str()))
                    .collect();
                return format!("one of the arguments {} is required", names.join(" "));
            }
            let names = match e.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(v)) => {
                    // argparse lists them in the order the parser defines them
                    let order: Vec<String> = cmd
                        .get_arguments()
                        .map(|a| arg_name(cmd, a.get_id().as_str()))
                        .collect();
                    let mut names: Vec<String> = v.iter().map(|a| arg_name(cmd, a)).collect();
                    names.sort_by_key(|n| order.iter().position(|o| o == n).unwrap_or(usize::MAX));
                    names.join(", ")
                }
                _ => arg_name(cmd, &arg),
            };
            format!("the following arguments are required: {names}")
        }
        ErrorKind::NoEquals | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("argument {}: expected one argument", arg_name(cmd, &arg))
        }
        _ => e.kind().as_str().unwrap_or("invalid arguments").to_string(),
    }
}

/// The short options an argument lists after its long one (`visible_short_alias`).
fn short_aliases(a: &clap::Arg) -> impl Iterator<Item = char> {
    a.get_visible_short_aliases()
        .unwrap_or_default()
        .into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positionals_are_placed_in_argv() {
        let cmd = clap::Command::new("x")
            .arg(clap::Arg::new("host").value_name("<host>"))
            .arg(clap::Arg::new("cluster").long("cluster"))
            .arg(
                clap::Arg::new("long")
                    .long("long")
                    .action(clap::ArgAction::SetTrue),
            );
        let argv = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let at = |a: &[&str]| positional_index(&cmd, &argv(a), "<host>");
        assert_eq!(at(&["--cluster", "c", "h"]), Some(2));
        assert_eq!(at(&["--long", "h", "--cluster=c"]), Some(1));
        assert_eq!(at(&["--", "-h"]), Some(1));
        assert_eq!(at(&["--cluster", "c"]), None);
    }
}

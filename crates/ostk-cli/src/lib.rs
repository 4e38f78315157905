//! The `ostk` command line: a drop-in for python-openstackclient's `openstack`.
//!
//! Flow (as cliff's `App.run`): pull the global options out of argv wherever they are, find the
//! command from the leading words, parse the rest with the command's parser, run it, render what
//! it returned with the formatter options, and report errors once with OSC's wording.

pub mod commands;
pub mod context;
pub mod error;
mod fanout;
pub mod globals;
pub mod help;
pub mod logging;
pub mod output_args;
pub mod registry;
mod render;

use context::Context;
use registry::{Entry, Kind};
use std::io::Write;
use std::process::ExitCode;

/// Version printed by `--version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One-line description of the application (argparse description).
const DESCRIPTION: &str = "Command-line interface to the OpenStack APIs";

/// Process entry point used by the `ostk` binary.
pub fn main() -> ExitCode {
    let mut args = std::env::args_os();
    let argv0 = args.next().unwrap_or_default();
    let prog = std::path::Path::new(&argv0)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "ostk".to_string());
    let argv: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let env = ostk_sdk::config::Env::from_process();
    // Buffered: a listing of 100,000 rows is not 100,000 writes. Neither stream stays locked:
    // `--clouds` runs commands on other threads, whose log lines go to stderr meanwhile.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let mut err = std::io::stderr();
    let term = Terminal::detect(&env);
    let code = run(&prog, argv, env, &term, &mut out, &mut err);
    let _ = out.flush();
    ExitCode::from(code)
}

/// What the process knows of its terminal.
#[derive(Clone, Debug, Default)]
pub struct Terminal {
    /// Width of stdout's terminal, when stdout is one.
    pub stdout_width: Option<usize>,
    /// Columns for help text (argparse: `COLUMNS`, else the terminal, else 80).
    pub help_columns: Option<usize>,
    /// Whether stdout is a terminal: table cells then show control characters escaped.
    pub stdout_tty: bool,
    /// Whether stderr is a terminal: the error line then shows control characters escaped
    /// (a service's message is not trusted to drive the terminal).
    pub stderr_tty: bool,
}

impl Terminal {
    fn detect(env: &ostk_sdk::config::Env) -> Self {
        use std::io::IsTerminal;
        let tty = std::io::stdout().is_terminal();
        let size = if tty {
            terminal_size::terminal_size().map(|(w, _)| w.0 as usize)
        } else {
            None
        };
        let columns = env.get("COLUMNS").and_then(|c| c.parse().ok()).or(size);
        Terminal {
            stdout_width: size,
            help_columns: columns,
            stdout_tty: tty,
            stderr_tty: std::io::stderr().is_terminal(),
        }
    }
}

/// Runs one invocation; returns the exit code. Everything the user sees goes through `out`/`err`.
pub fn run(
    prog: &str,
    argv: Vec<String>,
    env: ostk_sdk::config::Env,
    term: &Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let width = help::width_from(term.help_columns);
    let split = match globals::split(&argv) {
        Ok(s) => s,
        Err(globals::ArgError(msg)) => {
            let usage = help::format_usage(prog, &globals::help_actions(), width);
            let _ = writeln!(err, "{usage}\n{prog}: error: {msg}");
            return 2;
        }
    };
    if split.flag("version") {
        let _ = writeln!(out, "{prog} {VERSION}");
        return 0;
    }
    if let Err(e) = logging::init(&split) {
        let _ = writeln!(err, "{e}");
        return 1;
    }
    let want_help = split.flag("help");
    let commands = commands::all();
    let found = registry::find(commands, &split.rest);
    let Some(found) = found else {
        if want_help || split.rest.is_empty() {
            return emit(out, &app_help(prog, width));
        }
        let first = split.rest.first().cloned().unwrap_or_default();
        let suggestions = registry::fuzzy_matches(commands, &first);
        let article = if prog.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        // cliff writes this to stdout, not stderr.
        let _ = writeln!(
            out,
            "{prog}: '{}' is not {article} {prog} command. See '{prog} --help'.",
            split.rest.join(" ")
        );
        let _ = writeln!(out, "Did you mean one of these?");
        for s in suggestions {
            let _ = writeln!(out, "  {s}");
        }
        return 2;
    };
    let entry = found.entry;
    let cmd_prog = format!("{prog} {}", entry.words);
    let cmd = clap_command(entry, &cmd_prog);
    if want_help {
        return emit(out, &command_help(entry, &cmd_prog, &cmd, width));
    }
    let matches = match cmd
        .clone()
        .try_get_matches_from(&split.rest[found.consumed..])
    {
        Ok(m) => m,
        Err(e) => {
            let usage = help::format_usage(&cmd_prog, &help::actions_from_clap(&cmd), width);
            let _ = writeln!(
                err,
                "{usage}\n{cmd_prog}: error: {}",
                render::argparse_message(&e, &cmd, &split.rest[found.consumed..])
            );
            return 2;
        }
    };
    if split.get("clouds").is_some() || split.flag("all-clouds") {
        // `-c` selects columns: the Cloud column stays, or rows could not be told apart
        let keep_cloud = matches
            .try_get_many::<String>("columns")
            .ok()
            .flatten()
            .is_some_and(|mut c| !c.any(|c| c == "Cloud"));
        let matches = if keep_cloud {
            let mut args = split.rest[found.consumed..].to_vec();
            args.extend(["-c".to_string(), "Cloud".to_string()]);
            cmd.try_get_matches_from(&args).unwrap_or(matches)
        } else {
            matches
        };
        return fanout::run(prog, entry, &matches, split, env, width, term, out, err);
    }
    let mut ctx = Context::new(prog.to_string(), split, env, width);
    let result = (entry.run)(&matches, &mut ctx)
        .and_then(|output| render::output(entry, &matches, output, &mut ctx, term, out, err));
    let code = match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = out.flush();
            let line = render::error_line(&e);
            let line = if term.stderr_tty {
                ostk_output::table::escape_controls(&line)
            } else {
                line.as_str().into()
            };
            let _ = writeln!(err, "{line}");
            e.exit_code()
        }
    };
    if let Some(timings) = ctx.timings().filter(|_| ctx.globals.flag("timing")) {
        let _ = render::timing(&matches, &timings, out);
    }
    code
}

fn emit(out: &mut dyn Write, text: &str) -> u8 {
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        // A closed pipe (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(_) => 1,
    }
}

/// The clap parser of one command, with cliff's `-h` and formatter options first.
pub fn clap_command(entry: &Entry, prog: &str) -> clap::Command {
    use clap::{Arg, ArgAction, ArgGroup, Args};
    let mut cmd = clap::Command::new(prog.to_string())
        .no_binary_name(true)
        // argparse: a repeated option takes its last value rather than failing.
        .args_override_self(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::SetTrue)
                .help("show this help message and exit"),
        );
    cmd = match entry.kind {
        Kind::Plain => cmd,
        Kind::List => output_args::ListFormatArgs::augment_args(cmd).group(
            ArgGroup::new("sort_direction")
                .args(["sort_ascending", "sort_descending"])
                .multiple(false),
        ),
        Kind::Show => output_args::ShowFormatArgs::augment_args(cmd),
    };
    (entry.augment)(cmd)
}

/// `openstack help <command>` / `openstack <command> -h`.
pub fn command_help(entry: &Entry, prog: &str, cmd: &clap::Command, width: usize) -> String {
    help::format_help(
        prog,
        Some(entry.about),
        &help::actions_from_clap(cmd),
        &output_args::group_description,
        entry.epilog,
        width,
    )
}

/// `openstack --help` / `openstack help`: global options, then every command with its one-liner.
pub fn app_help(prog: &str, width: usize) -> String {
    let mut text = help::format_help(
        prog,
        Some(DESCRIPTION),
        &globals::help_actions(),
        &|_| None,
        None,
        width,
    );
    text.push_str("\nCommands:\n");
    let mut entries: Vec<&Entry> = commands::all().iter().collect();
    entries.sort_by_key(|e| e.words);
    for e in entries {
        let one_liner = e.about.lines().next().unwrap_or("").trim_end_matches('.');
        // cliff names the distribution of commands that come from another package.
        let origin = if matches!(e.words, "complete" | "help") {
            " (cliff)"
        } else {
            ""
        };
        text.push_str(&format!("  {:<13}  {one_liner}{origin}\n", e.words));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A failing invocation whose error line carries what the user typed (here an ESC
    /// sequence in a cloud name, as a service's message could carry one).
    fn error_line(stderr_tty: bool) -> String {
        let term = Terminal {
            stderr_tty,
            ..Terminal::default()
        };
        let env = ostk_sdk::config::Env::new()
            .with("OS_CLIENT_CONFIG_FILE", "/nonexistent/clouds.yaml")
            .with("HOME", "/nonexistent");
        let argv = ["--os-cloud", "ev\x1b]0;pwned\x07il", "token", "issue"]
            .map(String::from)
            .to_vec();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run("openstack", argv, env, &term, &mut out, &mut err), 1);
        String::from_utf8(err).unwrap()
    }

    #[test]
    fn error_line_escapes_control_characters_only_on_a_terminal() {
        assert_eq!(
            error_line(false),
            "Cloud ev\x1b]0;pwned\x07il was not found.\n"
        );
        assert_eq!(
            error_line(true),
            "Cloud ev\\x1b]0;pwned\\x07il was not found.\n"
        );
    }
}

//! `manpage` (ostk only): man pages generated from the command tree — the main page (global
//! options, every command) and one page per command, with the same options and help text as
//! `ostk help <command>`.

use crate::{
    context::Context,
    error::CliError,
    globals::{GLOBAL_OPTS, Takes},
    registry::{Command, Entry, Kind, Output},
};
use std::path::PathBuf;

/// Print the man page of a command (roff), or write every page into a directory
#[derive(clap::Args, Debug)]
pub struct Manpage {
    /// Write ostk.1 and one ostk-<command>.1 per command into this directory
    #[arg(long, value_name = "<dir>")]
    output_dir: Option<PathBuf>,
    /// Command whose page to print (default: the main page), e.g. `server list`
    #[arg(value_name = "<command>")]
    command: Vec<String>,
}

/// `ostk-server-list`: the page name of a command.
fn page_name(words: &str) -> String {
    format!("ostk-{}", words.replace(' ', "-"))
}

fn roff(cmd: clap::Command) -> Result<String, CliError> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .section("1")
        .manual("ostk manual")
        .source(format!("ostk {}", crate::VERSION))
        .render(&mut buf)
        .map_err(|e| CliError::Message(format!("cannot render the man page: {e}")))?;
    let page = String::from_utf8(buf).map_err(|e| CliError::Message(e.to_string()))?;
    // the value names are argparse metavars, `<name>` already: clap_mangen brackets them again
    Ok(page.replace("\\fI<<", "\\fI<").replace(">>\\fR", ">\\fR"))
}

fn command_page(e: &Entry) -> Result<String, CliError> {
    let (first, rest) = e.about.split_once('\n').unwrap_or((e.about, ""));
    let mut cmd = crate::clap_command(e, &page_name(e.words))
        .bin_name(format!("ostk {}", e.words))
        .about(first.to_string())
        .no_binary_name(false);
    if !rest.trim().is_empty() {
        cmd = cmd.long_about(e.about.to_string());
    }
    if let Some(epilog) = e.epilog {
        cmd = cmd.after_help(epilog.to_string());
    }
    roff(cmd)
}

fn main_page() -> Result<String, CliError> {
    use clap::{Arg, ArgAction};
    let mut cmd = clap::Command::new("ostk")
        .about("A fast OpenStack client, a drop-in for python-openstackclient (`openstack`)")
        .long_about(
            "Command-line interface to the OpenStack APIs. Same commands, options, output \
             formats and exit codes as python-openstackclient; install it as `openstack` and \
             scripts keep working. `ostk help <command>` or `ostk manpage <command>` for one \
             command.",
        )
        .disable_help_flag(true)
        .disable_version_flag(true)
        // `help` is one of the commands listed below
        .disable_help_subcommand(true);
    for o in GLOBAL_OPTS.iter().filter(|o| !o.hidden) {
        let mut a = Arg::new(o.long).long(o.long).help(match o.env {
            Some(env) => format!("{} (Env: {env})", o.help),
            None => o.help.to_string(),
        });
        if let Some(s) = o.short {
            a = a.short(s);
        }
        a = match o.takes {
            Takes::Flag => a.action(ArgAction::SetTrue),
            Takes::Count => a.action(ArgAction::Count),
            Takes::Value => a.value_name(o.metavar.trim_matches(['<', '>'])),
        };
        cmd = cmd.arg(a);
    }
    for e in crate::commands::all() {
        let first = e.about.split('\n').next().unwrap_or_default();
        cmd =
            cmd.subcommand(clap::Command::new(e.words.replace(' ', "-")).about(first.to_string()));
    }
    roff(cmd)
}

impl Command for Manpage {
    const WORDS: &'static str = "manpage";
    const ABOUT: &'static str = "Print the man page of a command (roff), or write every page into a directory\n\n`ostk manpage server list | man -l -`; `ostk manpage --output-dir /usr/local/share/man/man1`.";
    const KIND: Kind = Kind::Plain;

    fn run(self, _ctx: &mut Context) -> Result<Output, CliError> {
        let commands = crate::commands::all();
        if let Some(dir) = self.output_dir {
            let fail = |e: std::io::Error| {
                CliError::Message(format!("cannot write man pages to {}: {e}", dir.display()))
            };
            std::fs::create_dir_all(&dir).map_err(fail)?;
            std::fs::write(dir.join("ostk.1"), main_page()?).map_err(fail)?;
            for e in commands {
                let path = dir.join(format!("{}.1", page_name(e.words)));
                std::fs::write(path, command_page(e)?).map_err(fail)?;
            }
            return Ok(Output::Stderr(format!(
                "{} man pages written to {}\n",
                commands.len() + 1,
                dir.display()
            )));
        }
        if self.command.is_empty() {
            return Ok(Output::Text(main_page()?));
        }
        let words = self.command.join(" ");
        let entry = commands.iter().find(|e| e.words == words).ok_or_else(|| {
            CliError::Message(format!("no command '{words}' (ostk command list)"))
        })?;
        Ok(Output::Text(command_page(entry)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_page_and_the_main_page_lists_them() {
        let main = main_page().unwrap();
        assert!(main.contains(".TH ostk 1"), "{main}");
        for e in crate::commands::all() {
            let page = command_page(e).unwrap();
            let name = page_name(e.words);
            assert!(page.contains(&format!(".TH {name} 1")), "{}", e.words);
            assert!(!page.contains("<<"), "{}", e.words);
            let roff_name = name.replace('-', "\\-");
            assert!(main.contains(&format!("{roff_name}(1)")), "{}", e.words);
        }
    }
}

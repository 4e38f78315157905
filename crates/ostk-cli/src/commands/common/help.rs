//! `help [command words…]` (cliff's HelpCommand).

use crate::{
    context::Context,
    error::CliError,
    registry::{self, Command, Kind, Output},
};

/// print detailed help for another command
#[derive(clap::Args, Debug)]
pub struct Help {
    /// name of the command
    #[arg(value_name = "cmd", num_args = 0..)]
    cmd: Vec<String>,
}

impl Command for Help {
    const WORDS: &'static str = "help";
    const ABOUT: &'static str = "print detailed help for another command";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some("This command is provided by the cliff plugin.");

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let width = ctx.help_width;
        if self.cmd.is_empty() {
            return Ok(Output::Text(crate::app_help(&ctx.prog, width)));
        }
        let commands = crate::commands::all();
        if let Some(found) = registry::find(commands, &self.cmd) {
            let prog = format!("{} {}", ctx.prog, found.entry.words);
            let cmd = crate::clap_command(found.entry, &prog);
            return Ok(Output::Text(crate::command_help(
                found.entry,
                &prog,
                &cmd,
                width,
            )));
        }
        let first = &self.cmd[0];
        let mut matches: Vec<&str> = commands
            .iter()
            .map(|e| e.words)
            .filter(|w| w.starts_with(first.as_str()))
            .collect();
        if matches.is_empty() {
            let quoted = self
                .cmd
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(CliError::Message(format!("Unknown command [{quoted}]")));
        }
        matches.sort_unstable();
        let mut text = format!("Command \"{first}\" matches:\n");
        for m in matches {
            text.push_str(&format!("  {m}\n"));
        }
        Ok(Output::Text(text))
    }
}

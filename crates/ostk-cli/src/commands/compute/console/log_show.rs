//! `console log show` (openstackclient/compute/v2/console.py ShowConsoleLog).

use crate::commands::compute::common::{find_server_id, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::console;
use serde_json::Value;

/// osc-lib's `NonNegativeAction` on an `int` option.
fn non_negative(s: &str) -> Result<i64, String> {
    match s.trim().parse::<i64>() {
        Ok(n) if n >= 0 => Ok(n),
        Ok(_) => Err("--lines expected a non-negative integer".into()),
        Err(_) => Err(format!(
            "invalid int value: {}",
            ostk_output::py_repr_str(s)
        )),
    }
}

/// Show server's console output
#[derive(clap::Args, Debug)]
pub struct ShowConsoleLog {
    /// Server to show console log (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Number of lines to display from the end of the log (default=all)
    #[arg(long, value_name = "<num-lines>", value_parser = non_negative, allow_negative_numbers = true)]
    lines: Option<i64>,
}

impl Command for ShowConsoleLog {
    const WORDS: &'static str = "console log show";
    const ABOUT: &'static str = "Show server's console output";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let id = find_server_id(ctx, &self.server)?;
        let session = ctx.session()?;
        let out = ctx
            .block_on(console::output(&session, &id, self.lines))?
            .map_err(sdk)?;
        let mut data = match out.get("output") {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        if data.is_empty() {
            return Ok(Output::None);
        }
        if !data.ends_with('\n') {
            data.push('\n');
        }
        Ok(Output::Text(data))
    }
}

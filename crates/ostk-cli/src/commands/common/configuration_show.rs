//! `configuration show` (openstackclient/common/configuration.py ShowConfiguration).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};

/// Display configuration details
#[derive(clap::Args, Debug)]
pub struct ShowConfiguration {
    /// Attempt to mask passwords (default)
    #[arg(long, group = "mask_group")]
    mask: bool,
    /// Show password in clear text
    #[arg(long, group = "mask_group")]
    unmask: bool,
}

impl Command for ShowConfiguration {
    const WORDS: &'static str = "configuration show";
    const ABOUT: &'static str = "Display configuration details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let config = ctx.config()?;
        let fields = config
            .configuration_show(!self.unmask)
            .into_iter()
            .map(|(k, v)| {
                let cell = if k == "additional_user_agent" {
                    user_agent_cell(v)
                } else {
                    Cell::from_json(v)
                };
                (k, cell)
            })
            .collect();
        Ok(Output::One(Record { fields }))
    }
}

/// osc-lib keeps `additional_user_agent` as a list of `(name, version)` tuples; text formats
/// print Python's `str()` of that.
fn user_agent_cell(v: serde_json::Value) -> Cell {
    let Some(items) = v.as_array() else {
        return Cell::from_json(v);
    };
    let tuples: Vec<String> = items
        .iter()
        .map(|t| {
            let parts: Vec<String> = t
                .as_array()
                .map(|p| {
                    p.iter()
                        .map(|x| ostk_output::py_repr_str(x.as_str().unwrap_or_default()))
                        .collect()
                })
                .unwrap_or_default();
            format!("({})", parts.join(", "))
        })
        .collect();
    Cell::Repr {
        text: format!("[{}]", tuples.join(", ")),
        value: v,
    }
}

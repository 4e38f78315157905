//! `stack show` (heatclient/osc/v1/stack.py ShowStack).

use crate::commands::orchestration::show_stack;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Show stack details.
#[derive(clap::Args, Debug)]
pub struct ShowStack {
    /// Stack to display (name or ID)
    #[arg(value_name = "<stack>")]
    stack: String,
    /// Do not resolve outputs of the stack.
    #[arg(long = "no-resolve-outputs", verbatim_doc_comment)]
    no_resolve_outputs: bool,
}

impl Command for ShowStack {
    const WORDS: &'static str = "stack show";
    const ABOUT: &'static str = "Show stack details.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(crate::commands::orchestration::PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        show_stack(ctx, &self.stack, false, !self.no_resolve_outputs)
    }
}

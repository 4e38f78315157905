//! `domain show` (openstackclient/identity/v3/domain.py ShowDomain).

use crate::commands::identity::common::find_domain;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display domain details
#[derive(clap::Args, Debug)]
pub struct ShowDomain {
    /// Domain to display (name or ID)
    #[arg(value_name = "<domain>")]
    domain: String,
}

impl Command for ShowDomain {
    const WORDS: &'static str = "domain show";
    const ABOUT: &'static str = "Display domain details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let d = find_domain(ctx, &self.domain)?;
        Ok(Output::One(super::domain_record(&d)))
    }
}

//! `trust show` (openstackclient/identity/v3/trust.py ShowTrust).

use super::{find_trust, trust_record};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display trust details
#[derive(clap::Args, Debug)]
pub struct ShowTrust {
    /// Trust to display
    #[arg(value_name = "<trust>")]
    trust: String,
}

impl Command for ShowTrust {
    const WORDS: &'static str = "trust show";
    const ABOUT: &'static str = "Display trust details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(Output::One(trust_record(&find_trust(ctx, &self.trust)?)))
    }
}

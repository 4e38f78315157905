//! `aggregate show` (openstackclient/compute/v2/aggregate.py ShowAggregate).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display aggregate details
#[derive(clap::Args, Debug)]
pub struct ShowAggregate {
    /// Aggregate to display (name or ID)
    #[arg(value_name = "<aggregate>")]
    aggregate: String,
}

impl Command for ShowAggregate {
    const WORDS: &'static str = "aggregate show";
    const ABOUT: &'static str = "Display aggregate details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = super::find(ctx, &self.aggregate)?;
        let mut m = super::metadata(&a);
        m.shift_remove("availability_zone");
        Ok(Output::One(super::record(&a, m)))
    }
}

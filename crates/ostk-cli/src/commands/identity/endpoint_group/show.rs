//! `endpoint group show` (openstackclient/identity/v3/endpoint_group.py ShowEndpointGroup).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display endpoint group details
#[derive(clap::Args, Debug)]
pub struct ShowEndpointGroup {
    /// Endpoint group (name or ID)
    #[arg(value_name = "<endpointgroup>")]
    endpointgroup: String,
}

impl Command for ShowEndpointGroup {
    const WORDS: &'static str = "endpoint group show";
    const ABOUT: &'static str = "Display endpoint group details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let g = super::find_group(ctx, &self.endpointgroup)?;
        Ok(Output::One(super::group_record(&g)))
    }
}

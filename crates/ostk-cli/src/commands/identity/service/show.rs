//! `service show` (openstackclient/identity/v3/service.py ShowService).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display service details
#[derive(clap::Args, Debug)]
pub struct ShowService {
    /// Service to display (type, name or ID)
    #[arg(value_name = "<service>")]
    service: String,
}

impl Command for ShowService {
    const WORDS: &'static str = "service show";
    const ABOUT: &'static str = "Display service details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = super::find_service(ctx, &self.service)?;
        Ok(Output::One(super::service_record(&s)))
    }
}

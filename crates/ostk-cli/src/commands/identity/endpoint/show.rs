//! `endpoint show` (openstackclient/identity/v3/endpoint.py ShowEndpoint).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display endpoint details
#[derive(clap::Args, Debug)]
pub struct ShowEndpoint {
    /// Endpoint to display (endpoint ID, service ID, service name, service type)
    #[arg(value_name = "<endpoint>")]
    endpoint: String,
}

impl Command for ShowEndpoint {
    const WORDS: &'static str = "endpoint show";
    const ABOUT: &'static str = "Display endpoint details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let e = super::find_endpoint(ctx, &self.endpoint)?;
        let service_id = e.service_id.clone().unwrap_or_default();
        let s = crate::commands::identity::service::find_service(ctx, &service_id)?;
        Ok(Output::One(super::endpoint_record(&e, &s)))
    }
}

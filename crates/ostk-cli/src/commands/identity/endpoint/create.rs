//! `endpoint create` (openstackclient/identity/v3/endpoint.py CreateEndpoint).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Create new endpoint
#[derive(clap::Args, Debug)]
pub struct CreateEndpoint {
    /// Service to be associated with new endpoint (name or ID)
    #[arg(value_name = "<service>")]
    service: String,
    /// New endpoint interface type (admin, public or internal)
    #[arg(value_name = "<interface>", value_parser = ["admin", "public", "internal"], hide_possible_values = true)]
    interface: String,
    /// New endpoint URL
    #[arg(value_name = "<url>")]
    url: String,
    /// New endpoint region ID
    #[arg(long, value_name = "<region-id>")]
    region: Option<String>,
    /// Enable endpoint (default)
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable endpoint
    #[arg(long, group = "enabled")]
    disable: bool,
}

impl Command for CreateEndpoint {
    const WORDS: &'static str = "endpoint create";
    const ABOUT: &'static str = "Create new endpoint";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let service = crate::commands::identity::service::find_service(ctx, &self.service)?;
        let mut attrs = Map::from_iter([
            ("service_id".to_string(), Value::String(service.id.clone())),
            ("url".to_string(), Value::String(self.url)),
            ("interface".to_string(), Value::String(self.interface)),
            ("enabled".to_string(), Value::Bool(!self.disable)),
        ]);
        if let Some(r) = self.region.filter(|r| !r.is_empty()) {
            attrs.insert(
                "region_id".into(),
                Value::String(super::region_id(ctx, &r)?),
            );
        }
        let session = ctx.session()?;
        let e = ctx
            .block_on(Identity::new(&session).create_endpoint(attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::endpoint_record(&e, &service)))
    }
}

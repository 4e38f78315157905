//! `endpoint set` (openstackclient/identity/v3/endpoint.py SetEndpoint).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Set endpoint properties
#[derive(clap::Args, Debug)]
pub struct SetEndpoint {
    /// Endpoint to modify (ID only)
    #[arg(value_name = "<endpoint-id>")]
    endpoint: String,
    /// New endpoint region ID
    #[arg(long, value_name = "<region-id>")]
    region: Option<String>,
    /// New endpoint interface type (admin, public or internal)
    #[arg(long, value_name = "<interface>", value_parser = ["admin", "public", "internal"], hide_possible_values = true)]
    interface: Option<String>,
    /// New endpoint URL
    #[arg(long, value_name = "<url>")]
    url: Option<String>,
    /// New endpoint service (name or ID)
    #[arg(long, value_name = "<service>")]
    service: Option<String>,
    /// Enable endpoint
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable endpoint
    #[arg(long, group = "enabled")]
    disable: bool,
}

impl Command for SetEndpoint {
    const WORDS: &'static str = "endpoint set";
    const ABOUT: &'static str = "Set endpoint properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let ep = super::find_endpoint(ctx, &self.endpoint)?;
        let mut attrs = Map::new();
        if let Some(s) = self.service.as_deref().filter(|s| !s.is_empty()) {
            let s = crate::commands::identity::service::find_service(ctx, s)?;
            attrs.insert("service_id".into(), Value::String(s.id));
        }
        if self.enable {
            attrs.insert("enabled".into(), Value::Bool(true));
        }
        if self.disable {
            attrs.insert("enabled".into(), Value::Bool(false));
        }
        for (k, v) in [
            ("url", self.url),
            ("interface", self.interface),
            ("region_id", self.region),
        ] {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                attrs.insert(k.into(), Value::String(v));
            }
        }
        if attrs.is_empty() {
            // openstacksdk commits nothing when nothing changed.
            return Ok(Output::None);
        }
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).update_endpoint(&ep.id, attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

//! `service set` (openstackclient/identity/v3/service.py SetService).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Set service properties
#[derive(clap::Args, Debug)]
pub struct SetService {
    /// Service to modify (type, name or ID)
    #[arg(value_name = "<service>")]
    service: String,
    /// New service type (compute, image, identity, volume, etc)
    #[arg(long = "type", value_name = "<type>")]
    service_type: Option<String>,
    /// New service name
    #[arg(long, value_name = "<service-name>")]
    name: Option<String>,
    /// New service description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable service
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable service
    #[arg(long, group = "enabled")]
    disable: bool,
}

impl Command for SetService {
    const WORDS: &'static str = "service set";
    const ABOUT: &'static str = "Set service properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = super::find_service(ctx, &self.service)?;
        let mut attrs = Map::new();
        let mut put = |k: &str, v: &Option<String>| {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                attrs.insert(k.to_string(), Value::String(v.clone()));
            }
        };
        put("type", &self.service_type);
        put("name", &self.name);
        put("description", &self.description);
        if self.enable || self.disable {
            attrs.insert("enabled".into(), Value::Bool(self.enable));
        }
        if attrs.is_empty() {
            // openstacksdk commits nothing when nothing changed.
            return Ok(Output::None);
        }
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).update_service(&s.id, attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

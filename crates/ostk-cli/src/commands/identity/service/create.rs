//! `service create` (openstackclient/identity/v3/service.py CreateService).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value, json};

/// Create new service
#[derive(clap::Args, Debug)]
pub struct CreateService {
    /// New service type (compute, image, identity, volume, etc)
    #[arg(value_name = "<type>")]
    service_type: String,
    /// New service name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// New service description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable service (default)
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable service
    #[arg(long, group = "enabled")]
    disable: bool,
}

impl Command for CreateService {
    const WORDS: &'static str = "service create";
    const ABOUT: &'static str = "Create new service";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        // openstacksdk leaves out attributes that are None.
        let mut attrs: Map<String, Value> = Map::from_iter([
            ("type".to_string(), json!(self.service_type)),
            ("enabled".to_string(), json!(!self.disable)),
        ]);
        if let Some(n) = self.name {
            attrs.insert("name".into(), json!(n));
        }
        if let Some(d) = self.description {
            attrs.insert("description".into(), json!(d));
        }
        let s = ctx
            .block_on(Identity::new(&session).create_service(attrs))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::service_record(&s)))
    }
}

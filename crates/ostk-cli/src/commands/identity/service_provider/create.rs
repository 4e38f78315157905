//! `service provider create` (openstackclient/identity/v3/service_provider.py
//! CreateServiceProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Create new service provider
#[derive(clap::Args, Debug)]
pub struct CreateServiceProvider {
    /// New service provider name (must be unique)
    #[arg(value_name = "<name>")]
    service_provider_id: String,
    /// Authentication URL of remote federated service provider (required)
    #[arg(long, value_name = "<auth-url>", required = true)]
    auth_url: String,
    /// New service provider description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// A service URL where SAML assertions are being sent (required)
    #[arg(long, value_name = "<sp-url>", required = true)]
    service_provider_url: String,
    /// Enable the service provider (default)
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable the service provider
    #[arg(long, group = "enabled")]
    disable: bool,
}

impl Command for CreateServiceProvider {
    const WORDS: &'static str = "service provider create";
    const ABOUT: &'static str = "Create new service provider";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::from_iter([("enabled".to_string(), Value::Bool(!self.disable))]);
        if let Some(d) = self.description.filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), Value::String(d));
        }
        if !self.auth_url.is_empty() {
            attrs.insert("auth_url".into(), Value::String(self.auth_url));
        }
        if !self.service_provider_url.is_empty() {
            attrs.insert("sp_url".into(), Value::String(self.service_provider_url));
        }
        let session = ctx.session()?;
        let sp = ctx
            .block_on(
                Identity::new(&session).create_service_provider(&self.service_provider_id, attrs),
            )?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::sp_record(&sp)))
    }
}

//! `service provider set` (openstackclient/identity/v3/service_provider.py
//! SetServiceProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{Identity, federation::ServiceProvider};
use serde_json::{Map, Value};

/// Set service provider properties
#[derive(clap::Args, Debug)]
pub struct SetServiceProvider {
    /// Service provider to modify
    #[arg(value_name = "<service-provider>")]
    service_provider: String,
    /// New Authentication URL of remote federated service provider
    #[arg(long, value_name = "<auth-url>")]
    auth_url: Option<String>,
    /// New service provider description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// New service provider URL, where SAML assertions are sent
    #[arg(long, value_name = "<sp-url>")]
    service_provider_url: Option<String>,
    /// Enable the service provider
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable the service provider
    #[arg(long, group = "enabled")]
    disable: bool,
}

impl Command for SetServiceProvider {
    const WORDS: &'static str = "service provider set";
    const ABOUT: &'static str = "Set service provider properties";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if self.enable || self.disable {
            attrs.insert("enabled".into(), Value::Bool(self.enable));
        }
        for (k, v) in [
            ("description", self.description),
            ("auth_url", self.auth_url),
            ("sp_url", self.service_provider_url),
        ] {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                attrs.insert(k.into(), Value::String(v));
            }
        }
        if attrs.is_empty() {
            // openstacksdk commits nothing and shows the bare resource it built.
            let sp = ServiceProvider {
                id: self.service_provider,
                ..Default::default()
            };
            return Ok(Output::One(super::sp_record(&sp)));
        }
        let session = ctx.session()?;
        let sp = ctx
            .block_on(
                Identity::new(&session).update_service_provider(&self.service_provider, attrs),
            )?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::sp_record(&sp)))
    }
}

//! `federation protocol set` (openstackclient/identity/v3/federation_protocol.py
//! SetProtocol).

use super::IDP_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Set federation protocol properties
#[derive(clap::Args, Debug)]
pub struct SetProtocol {
    /// Federation protocol to modify (name or ID)
    #[arg(value_name = "<name>")]
    federation_protocol: String,
    #[arg(long, value_name = "<identity-provider>", required = true, help = IDP_HELP)]
    identity_provider: String,
    /// Mapping that is to be used (name or ID)
    #[arg(long, value_name = "<mapping>")]
    mapping: Option<String>,
}

impl Command for SetProtocol {
    const WORDS: &'static str = "federation protocol set";
    const ABOUT: &'static str = "Set federation protocol properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // SetProtocol is a cliff Command: the record it builds is never shown.
        let Some(mapping) = self.mapping.filter(|m| !m.is_empty()) else {
            return Ok(Output::None);
        };
        let attrs = Map::from_iter([("mapping_id".to_string(), Value::String(mapping))]);
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).update_federation_protocol(
            &self.identity_provider,
            &self.federation_protocol,
            attrs,
        ))?
        .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

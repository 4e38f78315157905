//! `federation protocol create` (openstackclient/identity/v3/federation_protocol.py
//! CreateProtocol).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value};

/// Create new federation protocol
#[derive(clap::Args, Debug)]
pub struct CreateProtocol {
    /// New federation protocol name (must be unique per identity provider)
    #[arg(value_name = "<name>")]
    federation_protocol: String,
    /// Identity provider that will support the new federation  protocol (name or ID) (required)
    #[arg(long, value_name = "<identity-provider>", required = true)]
    identity_provider: String,
    /// Mapping that is to be used (name or ID) (required)
    #[arg(long, value_name = "<mapping>", required = true)]
    mapping: String,
}

impl Command for CreateProtocol {
    const WORDS: &'static str = "federation protocol create";
    const ABOUT: &'static str = "Create new federation protocol";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let attrs = Map::from_iter([("mapping_id".to_string(), Value::String(self.mapping))]);
        let session = ctx.session()?;
        let p = ctx
            .block_on(Identity::new(&session).create_federation_protocol(
                &self.identity_provider,
                &self.federation_protocol,
                attrs,
            ))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::protocol_record(&p)))
    }
}

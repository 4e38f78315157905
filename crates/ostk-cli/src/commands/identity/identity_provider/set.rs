//! `identity provider set` (openstackclient/identity/v3/identity_provider.py
//! SetIdentityProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value, json};

/// Set identity provider properties
#[derive(clap::Args, Debug)]
pub struct SetIdentityProvider {
    /// Identity provider to modify
    #[arg(value_name = "<identity-provider>")]
    identity_provider: String,
    /// Set identity provider description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Remote IDs to associate with the Identity Provider (repeat option to provide multiple values)
    #[arg(long = "remote-id", value_name = "<remote-id>", action = ArgAction::Append, group = "remote")]
    remote_ids: Vec<String>,
    /// Name of a file that contains many remote IDs to associate with the identity provider, one per line
    #[arg(long, value_name = "<file-name>", group = "remote")]
    remote_id_file: Option<String>,
    /// Time to keep the role assignments for users authenticating via this identity provider. Available since Identity API version 3.14 (Ussuri).
    #[arg(
        long,
        value_name = "<authorization-ttl>",
        verbatim_doc_comment,
        allow_negative_numbers = true
    )]
    authorization_ttl: Option<i64>,
    /// Enable the identity provider
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable the identity provider
    #[arg(long, group = "enabled")]
    disable: bool,
}

impl Command for SetIdentityProvider {
    const WORDS: &'static str = "identity provider set";
    const ABOUT: &'static str = "Set identity provider properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let remote = super::remote_ids(self.remote_id_file.as_deref(), &self.remote_ids)?;
        let mut attrs = Map::new();
        if let Some(d) = self.description.filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), Value::String(d));
        }
        if self.enable {
            attrs.insert("enabled".into(), Value::Bool(true));
        }
        if self.disable {
            attrs.insert("enabled".into(), Value::Bool(false));
        }
        if let Some(ids) = remote {
            attrs.insert("remote_ids".into(), Value::Array(ids));
        }
        super::check_ttl(self.authorization_ttl)?;
        if let Some(t) = self.authorization_ttl {
            attrs.insert("authorization_ttl".into(), json!(t));
        }
        if attrs.is_empty() {
            // openstacksdk commits nothing when nothing changed.
            return Ok(Output::None);
        }
        let session = ctx.session()?;
        ctx.block_on(
            Identity::new(&session).update_identity_provider(&self.identity_provider, attrs),
        )?
        .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

//! `identity provider create` (openstackclient/identity/v3/identity_provider.py
//! CreateIdentityProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value, json};

/// Create new identity provider
#[derive(clap::Args, Debug)]
pub struct CreateIdentityProvider {
    /// New identity provider name (must be unique)
    #[arg(value_name = "<name>")]
    identity_provider_id: String,
    /// Remote IDs to associate with the Identity Provider (repeat option to provide multiple values)
    #[arg(long = "remote-id", value_name = "<remote-id>", action = ArgAction::Append, group = "remote")]
    remote_ids: Vec<String>,
    /// Name of a file that contains many remote IDs to associate with the identity provider, one per line
    #[arg(long, value_name = "<file-name>", group = "remote")]
    remote_id_file: Option<String>,
    /// New identity provider description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Domain to associate with the identity provider. If not specified, a domain will be created automatically. (Name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Time to keep the role assignments for users authenticating via this identity provider. When not provided, global default configured in the Identity service will be used. Available since Identity API version 3.14 (Ussuri).
    #[arg(
        long,
        value_name = "<authorization-ttl>",
        verbatim_doc_comment,
        allow_negative_numbers = true
    )]
    authorization_ttl: Option<i64>,
    /// Enable identity provider (default)
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable the identity provider
    #[arg(long, group = "enabled")]
    disable: bool,
}

impl Command for CreateIdentityProvider {
    const WORDS: &'static str = "identity provider create";
    const ABOUT: &'static str = "Create new identity provider";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::from_iter([("enabled".to_string(), Value::Bool(!self.disable))]);
        if let Some(d) = self.description.filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), Value::String(d));
        }
        if let Some(ids) = super::remote_ids(self.remote_id_file.as_deref(), &self.remote_ids)? {
            attrs.insert("remote_ids".into(), Value::Array(ids));
        }
        if let Some(d) = self.domain.as_deref().filter(|d| !d.is_empty()) {
            let id = crate::commands::identity::common::find_domain_id(ctx, d, false)?;
            attrs.insert("domain_id".into(), Value::String(id));
        }
        super::check_ttl(self.authorization_ttl)?;
        if let Some(t) = self.authorization_ttl {
            attrs.insert("authorization_ttl".into(), json!(t));
        }
        let session = ctx.session()?;
        let idp = ctx
            .block_on(
                Identity::new(&session).create_identity_provider(&self.identity_provider_id, attrs),
            )?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::One(super::idp_record(&idp)))
    }
}

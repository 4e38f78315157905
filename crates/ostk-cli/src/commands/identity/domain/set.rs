//! `domain set` (openstackclient/identity/v3/domain.py SetDomain).

use crate::commands::identity::common::{find_domain, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::domain::DOMAINS;
use serde_json::{Map, json};

/// Set domain properties
#[derive(clap::Args, Debug)]
pub struct SetDomain {
    /// Domain to modify (name or ID)
    #[arg(value_name = "<domain>")]
    domain: String,
    /// New domain name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// New domain description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable domain
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable domain
    #[arg(long, group = "enabled")]
    disable: bool,
    /// Make resource immutable. An immutable project may not be deleted or modified except to remove the immutable flag
    #[arg(long, group = "immutability")]
    immutable: bool,
    /// Make resource mutable (default)
    #[arg(long, group = "immutability")]
    no_immutable: bool,
}

impl Command for SetDomain {
    const WORDS: &'static str = "domain set";
    const ABOUT: &'static str = "Set domain properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let d = find_domain(ctx, &self.domain)?;
        let mut attrs = Map::new();
        if let Some(n) = self.name.filter(|s| !s.is_empty()) {
            attrs.insert("name".into(), json!(n));
        }
        if let Some(s) = self.description.filter(|s| !s.is_empty()) {
            attrs.insert("description".into(), json!(s));
        }
        if self.enable || self.disable {
            attrs.insert("enabled".into(), json!(self.enable));
        }
        if let Some(i) = super::create::immutable_option(self.immutable, self.no_immutable) {
            attrs.insert("options".into(), json!({ "immutable": i }));
        }
        let session = ctx.session()?;
        ctx.block_on(DOMAINS.update(&session, &id_of(&d), attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

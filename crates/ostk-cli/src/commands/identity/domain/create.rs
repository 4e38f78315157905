//! `domain create` (openstackclient/identity/v3/domain.py CreateDomain).

use crate::commands::identity::common::{find_domain, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::domain::DOMAINS;
use serde_json::{Map, Value, json};

/// Create new domain
#[derive(clap::Args, Debug)]
pub struct CreateDomain {
    /// New domain name
    #[arg(value_name = "<domain-name>")]
    name: String,
    /// New domain description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable domain (default)
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable domain
    #[arg(long, group = "enabled")]
    disable: bool,
    /// Return existing domain
    #[arg(long)]
    or_show: bool,
    /// Make resource immutable. An immutable project may not be deleted or modified except to remove the immutable flag
    #[arg(long, group = "immutability")]
    immutable: bool,
    /// Make resource mutable (default)
    #[arg(long, group = "immutability")]
    no_immutable: bool,
}

/// `common.add_resource_option_to_parser`: `Some(true)` for `--immutable`, `Some(false)` for
/// `--no-immutable`.
pub fn immutable_option(immutable: bool, no_immutable: bool) -> Option<bool> {
    if immutable {
        Some(true)
    } else if no_immutable {
        Some(false)
    } else {
        None
    }
}

impl Command for CreateDomain {
    const WORDS: &'static str = "domain create";
    const ABOUT: &'static str = "Create new domain";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut options = Map::new();
        if let Some(i) = immutable_option(self.immutable, self.no_immutable) {
            options.insert("immutable".into(), json!(i));
        }
        // openstacksdk sends every attribute it was given, None included.
        let attrs: Map<String, Value> = Map::from_iter([
            ("name".to_string(), json!(self.name)),
            ("description".to_string(), json!(self.description)),
            ("options".to_string(), Value::Object(options)),
            ("enabled".to_string(), json!(!self.disable)),
        ]);
        let session = ctx.session()?;
        let domain = match ctx.block_on(DOMAINS.create(&session, attrs))? {
            Ok(d) => d,
            Err(e) if e.status() == Some(409) && self.or_show => {
                let d = find_domain(ctx, &self.name)?;
                tracing::info!(
                    "Returning existing domain {}",
                    d.get("name")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or_default()
                );
                d
            }
            Err(e) => return Err(sdk_error(e, None)),
        };
        Ok(Output::One(super::domain_record(&domain)))
    }
}

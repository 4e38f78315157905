//! `role set` (openstackclient/identity/v3/role.py SetRole).

use crate::commands::identity::common::{find_domain_id, find_sdk_id, sdk_error};
use crate::commands::identity::domain::create::immutable_option;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{Identity, role::ROLES};
use serde_json::{Map, json};

/// Set role properties
#[derive(clap::Args, Debug)]
pub struct SetRole {
    /// Role to modify (name or ID)
    #[arg(value_name = "<role>")]
    role: String,
    /// Add description about the role
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Domain the role belongs to (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Set role name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Make resource immutable. An immutable project may not be deleted or modified except to remove the immutable flag
    #[arg(long, group = "immutability")]
    immutable: bool,
    /// Make resource mutable (default)
    #[arg(long, group = "immutability")]
    no_immutable: bool,
}

impl Command for SetRole {
    const WORDS: &'static str = "role set";
    const ABOUT: &'static str = "Set role properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if let Some(d) = self.description.as_deref().filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), json!(d));
        }
        if let Some(n) = self.name.as_deref().filter(|n| !n.is_empty()) {
            attrs.insert("name".into(), json!(n));
        }
        let mut filters = Vec::new();
        if let Some(d) = &self.domain {
            let id = find_domain_id(ctx, d, true)?;
            attrs.insert("domain_id".into(), json!(id));
            filters.push(("domain_id", id));
        }
        if let Some(i) = immutable_option(self.immutable, self.no_immutable) {
            attrs.insert("options".into(), json!({ "immutable": i }));
        }
        let id = find_sdk_id(ctx, &ROLES, "Role", &self.role, true, &filters)?;
        if attrs.is_empty() {
            // openstacksdk commits nothing when no attribute changed.
            return Ok(Output::None);
        }
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).update_role(&id, attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

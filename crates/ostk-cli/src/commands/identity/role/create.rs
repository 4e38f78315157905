//! `role create` (openstackclient/identity/v3/role.py CreateRole).

use super::role_record;
use crate::commands::identity::common::{find_domain_id, find_sdk, sdk_error};
use crate::commands::identity::domain::create::immutable_option;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{
    Identity,
    role::{ROLES, Role},
};
use serde_json::{Map, Value, json};

/// Create new role
#[derive(clap::Args, Debug)]
pub struct CreateRole {
    /// New role name
    #[arg(value_name = "<role-name>")]
    name: String,
    /// Add description about the role
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Domain the role belongs to (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Return existing role
    #[arg(long)]
    or_show: bool,
    /// Make resource immutable. An immutable project may not be deleted or modified except to remove the immutable flag
    #[arg(long, group = "immutability")]
    immutable: bool,
    /// Make resource mutable (default)
    #[arg(long, group = "immutability")]
    no_immutable: bool,
}

impl Command for CreateRole {
    const WORDS: &'static str = "role create";
    const ABOUT: &'static str = "Create new role";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if let Some(d) = &self.domain {
            attrs.insert("domain_id".into(), json!(find_domain_id(ctx, d, true)?));
        }
        if !self.name.is_empty() {
            attrs.insert("name".into(), json!(self.name));
        }
        if let Some(d) = self.description.as_deref().filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), json!(d));
        }
        if let Some(i) = immutable_option(self.immutable, self.no_immutable) {
            attrs.insert("options".into(), json!({ "immutable": i }));
        }
        let session = ctx.session()?;
        let role = match ctx.block_on(Identity::new(&session).create_role(attrs))? {
            Ok(r) => r,
            Err(e) if e.status() == Some(409) && self.or_show => {
                // OSC passes the --domain value as given (name or ID) as the filter.
                let filters: Vec<(&str, String)> = self
                    .domain
                    .iter()
                    .map(|d| ("domain_id", d.clone()))
                    .collect();
                let v: Value = find_sdk(ctx, &ROLES, "Role", &self.name, &filters)?;
                serde_json::from_value::<Role>(v)
                    .map_err(|e| CliError::Message(format!("invalid role: {e}")))?
            }
            Err(e) => return Err(sdk_error(e, None)),
        };
        Ok(Output::One(role_record(&role)))
    }
}

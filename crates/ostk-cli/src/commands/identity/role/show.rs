//! `role show` (openstackclient/identity/v3/role.py ShowRole).

use super::role_record;
use crate::commands::identity::common::{find_domain_id, find_sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::role::{ROLES, Role};

/// Display role details
#[derive(clap::Args, Debug)]
pub struct ShowRole {
    /// Role to display (name or ID)
    #[arg(value_name = "<role>")]
    role: String,
    /// Domain the role belongs to (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
}

impl Command for ShowRole {
    const WORDS: &'static str = "role show";
    const ABOUT: &'static str = "Display role details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut filters = Vec::new();
        if let Some(d) = &self.domain {
            filters.push(("domain_id", find_domain_id(ctx, d, true)?));
        }
        let v = find_sdk(ctx, &ROLES, "Role", &self.role, &filters)?;
        let role: Role = serde_json::from_value(v)
            .map_err(|e| CliError::Message(format!("invalid role: {e}")))?;
        Ok(Output::One(role_record(&role)))
    }
}

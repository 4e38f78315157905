//! `group create` (openstackclient/identity/v3/group.py CreateGroup).

use crate::commands::identity::common::{find_domain_id, find_group, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::group::GROUPS;
use serde_json::{Map, json};

/// Create new group
#[derive(clap::Args, Debug)]
pub struct CreateGroup {
    /// New group name
    #[arg(value_name = "<group-name>")]
    name: String,
    /// Domain to contain new group (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// New group description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Return existing group
    #[arg(long)]
    or_show: bool,
}

impl Command for CreateGroup {
    const WORDS: &'static str = "group create";
    const ABOUT: &'static str = "Create new group";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if !self.name.is_empty() {
            attrs.insert("name".into(), json!(self.name));
        }
        if let Some(d) = self.description.as_ref().filter(|s| !s.is_empty()) {
            attrs.insert("description".into(), json!(d));
        }
        if let Some(d) = &self.domain {
            attrs.insert("domain_id".into(), json!(find_domain_id(ctx, d, true)?));
        }
        let session = ctx.session()?;
        let g = match ctx.block_on(GROUPS.create(&session, attrs))? {
            Ok(g) => g,
            Err(e) if e.status() == Some(409) && self.or_show => {
                // sic: OSC filters by the domain as given (name or ID), not its ID.
                let g = find_group(ctx, &self.name, self.domain.as_deref())?;
                tracing::info!(
                    "Returning existing group {}",
                    g.get("name")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or_default()
                );
                g
            }
            Err(e) => return Err(sdk_error(e, None)),
        };
        Ok(Output::One(super::group_record(&g)))
    }
}

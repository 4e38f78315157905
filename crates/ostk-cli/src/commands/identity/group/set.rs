//! `group set` (openstackclient/identity/v3/group.py SetGroup).

use crate::commands::identity::common::{find_group_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::group::GROUPS;
use serde_json::{Map, json};

/// Set group properties
#[derive(clap::Args, Debug)]
pub struct SetGroup {
    /// Group to modify (name or ID)
    #[arg(value_name = "<group>")]
    group: String,
    /// Domain containing <group> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// New group name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// New group description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
}

impl Command for SetGroup {
    const WORDS: &'static str = "group set";
    const ABOUT: &'static str = "Set group properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let id = find_group_id(ctx, &self.group, self.domain.as_deref(), true)?;
        let mut attrs = Map::new();
        if let Some(n) = self.name.filter(|s| !s.is_empty()) {
            attrs.insert("name".into(), json!(n));
        }
        if let Some(d) = self.description.filter(|s| !s.is_empty()) {
            attrs.insert("description".into(), json!(d));
        }
        let session = ctx.session()?;
        ctx.block_on(GROUPS.update(&session, &id, attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

//! `group show` (openstackclient/identity/v3/group.py ShowGroup).

use crate::commands::identity::common::{find_domain_id, find_group};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display group details
#[derive(clap::Args, Debug)]
pub struct ShowGroup {
    /// Group to display (name or ID)
    #[arg(value_name = "<group>")]
    group: String,
    /// Domain containing <group> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
}

impl Command for ShowGroup {
    const WORDS: &'static str = "group show";
    const ABOUT: &'static str = "Display group details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let domain = match &self.domain {
            Some(d) => Some(find_domain_id(ctx, d, true)?),
            None => None,
        };
        let g = find_group(ctx, &self.group, domain.as_deref())?;
        Ok(Output::One(super::group_record(&g)))
    }
}

//! `server group show` (openstackclient/compute/v2/server_group.py ShowServerGroup).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display server group details.
#[derive(clap::Args, Debug)]
pub struct ShowServerGroup {
    /// server group to display (name or ID)
    #[arg(value_name = "<server-group>")]
    server_group: String,
}

impl Command for ShowServerGroup {
    const WORDS: &'static str = "server group show";
    const ABOUT: &'static str = "Display server group details.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let g = super::find(ctx, &self.server_group)?;
        Ok(Output::One(super::record(ctx, &g)?))
    }
}

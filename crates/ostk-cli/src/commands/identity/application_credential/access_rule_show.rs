//! `access rule show` (openstackclient/identity/v3/access_rule.py ShowAccessRule).

use super::{get_access_rule, session_user};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};

/// Display access rule details
#[derive(clap::Args, Debug)]
pub struct ShowAccessRule {
    /// Access rule ID to display
    #[arg(value_name = "<access-rule>")]
    access_rule: String,
}

impl Command for ShowAccessRule {
    const WORDS: &'static str = "access rule show";
    const ABOUT: &'static str = "Display access rule details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = session_user(ctx)?;
        let r = get_access_rule(ctx, &user, &self.access_rule)?;
        Ok(Output::One(Record {
            fields: vec![
                ("ID".into(), Cell::Str(r.id)),
                ("Method".into(), Cell::from(r.method)),
                ("Path".into(), Cell::from(r.path)),
                ("Service".into(), Cell::from(r.service)),
            ],
        }))
    }
}

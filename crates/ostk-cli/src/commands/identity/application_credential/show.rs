//! `application credential show` (openstackclient/identity/v3/application_credential.py
//! ShowApplicationCredential).

use super::{find, record, session_user};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Display application credential details
#[derive(clap::Args, Debug)]
pub struct ShowApplicationCredential {
    /// Application credential to display (name or ID)
    #[arg(value_name = "<application-credential>")]
    application_credential: String,
}

impl Command for ShowApplicationCredential {
    const WORDS: &'static str = "application credential show";
    const ABOUT: &'static str = "Display application credential details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = session_user(ctx)?;
        let a = find(ctx, &user, &self.application_credential)?;
        Ok(Output::One(record(&a, false)))
    }
}

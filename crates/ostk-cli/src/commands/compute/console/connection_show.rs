//! `console connection show` (openstackclient/compute/v2/console_connection.py).

use crate::commands::compute::common::keyed_record;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::console;

/// Show server's remote console connection information
#[derive(clap::Args, Debug)]
pub struct ShowConsoleConnectionInformation {
    /// Nova console token to lookup
    #[arg(value_name = "<token>")]
    token: String,
}

impl Command for ShowConsoleConnectionInformation {
    const WORDS: &'static str = "console connection show";
    const ABOUT: &'static str = "Show server's remote console connection information";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let c = ctx
            .block_on(console::auth_token(&session, &self.token))?
            .map_err(|e| {
                let msg = format!("No ConsoleAuthToken found for {}", self.token);
                sdk_error(e, Some(&msg))
            })?;
        Ok(Output::One(keyed_record(
            &c,
            &[
                "host",
                "instance_uuid",
                "internal_access_path",
                "port",
                "tls_port",
            ],
        )))
    }
}

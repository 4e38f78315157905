//! `console url show` (openstackclient/compute/v2/console.py ShowConsoleURL).

use crate::commands::compute::common::{find_server_id, keyed_record, sdk, supports};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::console;

/// Show server's remote console URL
#[derive(clap::Args, Debug)]
pub struct ShowConsoleURL {
    /// Server to show URL (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Show noVNC console URL (default)
    #[arg(long, group = "url_type")]
    novnc: bool,
    /// Show xvpvnc console URL
    #[arg(long, group = "url_type")]
    xvpvnc: bool,
    /// Show SPICE console URL
    #[arg(long, group = "url_type")]
    spice: bool,
    /// Show SPICE direct protocol native console URL
    #[arg(long, group = "url_type")]
    spice_direct: bool,
    /// Show RDP console URL
    #[arg(long, group = "url_type")]
    rdp: bool,
    /// Show serial console URL
    #[arg(long, group = "url_type")]
    serial: bool,
    /// Show WebMKS console URL
    #[arg(long, group = "url_type")]
    mks: bool,
}

impl ShowConsoleURL {
    fn console_type(&self) -> &'static str {
        [
            (self.xvpvnc, "xvpvnc"),
            (self.spice, "spice-html5"),
            (self.spice_direct, "spice-direct"),
            (self.rdp, "rdp-html5"),
            (self.serial, "serial"),
            (self.mks, "webmks"),
        ]
        .into_iter()
        .find_map(|(on, t)| on.then_some(t))
        .unwrap_or("novnc")
    }
}

impl Command for ShowConsoleURL {
    const WORDS: &'static str = "console url show";
    const ABOUT: &'static str = "Show server's remote console URL";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let id = find_server_id(ctx, &self.server)?;
        let t = self.console_type();
        let remote = supports(ctx, "2.6")?;
        if t == "webmks" && remote && !supports(ctx, "2.8")? {
            return Err(CliError::Message(
                "Console type webmks is not supported on server side".into(),
            ));
        }
        if t == "spice-direct" && remote && !supports(ctx, "2.99")? {
            return Err(CliError::Message(
                "Console type spice-direct is not supported on server side".into(),
            ));
        }
        let session = ctx.session()?;
        let c = if remote {
            ctx.block_on(console::remote_console(&session, &id, t))?
        } else {
            let action = console::legacy_action(t)
                .ok_or_else(|| CliError::Message(format!("Unsupported console type {t}")))?;
            ctx.block_on(console::legacy_console(&session, &id, action, t))?
        }
        .map_err(sdk)?;
        let keys: &[&str] = if remote {
            &["protocol", "type", "url"]
        } else {
            &["type", "url"]
        };
        Ok(Output::One(keyed_record(&c, keys)))
    }
}

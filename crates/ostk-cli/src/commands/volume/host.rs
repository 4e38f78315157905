//! `volume host set` / `volume host failover` (openstackclient/volume/v3/volume_host.py):
//! freeze, thaw and fail over a cinder-volume host.

use super::call;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume as cinder;
use serde_json::json;

/// Failover volume host to different backend
#[derive(clap::Args, Debug)]
pub struct FailoverVolumeHost {
    /// Name of volume host
    #[arg(value_name = "<host-name>")]
    host: String,
    /// The ID of the volume backend replication target where the host will failover to
    /// (required)
    #[arg(long, value_name = "<backend-id>", required = true)]
    volume_backend: String,
}

impl Command for FailoverVolumeHost {
    const WORDS: &'static str = "volume host failover";
    const ABOUT: &'static str = "Failover volume host to different backend";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let mut body = json!({ "host": self.host });
        if !self.volume_backend.is_empty() {
            body["backend_id"] = json!(self.volume_backend);
        }
        // openstacksdk picks `failover` (3.26+) over the older `failover_host` but then sends
        // no microversion, which cinder 404s; ostk sends the one the action needs
        let action = if call(ctx, cinder::supports(&s, "3.26"))? {
            "failover"
        } else {
            "failover_host"
        };
        let f = cinder::admin::service_action(&s, action, body, Some("3.26"));
        call(ctx, f)?;
        Ok(Output::None)
    }
}

/// Set volume host properties
#[derive(clap::Args, Debug)]
pub struct SetVolumeHost {
    /// Name of volume host
    #[arg(value_name = "<host-name>")]
    host: String,
    /// Freeze and disable the specified volume host
    #[arg(long, group = "enabled")]
    disable: bool,
    /// Thaw and enable the specified volume host
    #[arg(long, group = "enabled")]
    enable: bool,
}

impl Command for SetVolumeHost {
    const WORDS: &'static str = "volume host set";
    const ABOUT: &'static str = "Set volume host properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let action = match (self.enable, self.disable) {
            (true, _) => "thaw",
            (_, true) => "freeze",
            _ => return Ok(Output::None),
        };
        let body = json!({ "host": self.host });
        call(ctx, cinder::admin::service_action(&s, action, body, None))?;
        Ok(Output::None)
    }
}

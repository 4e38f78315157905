//! `host set` (openstackclient/compute/v2/host.py SetHost).

use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::host;
use serde_json::{Map, Value, json};

/// DEPRECATED: Set host properties
#[derive(clap::Args, Debug)]
pub struct SetHost {
    /// Host to modify (name only)
    #[arg(value_name = "<host>")]
    host: String,
    /// Enable the host
    #[arg(long, group = "status")]
    enable: bool,
    /// Disable the host
    #[arg(long, group = "status")]
    disable: bool,
    /// Enable maintenance mode for the host
    #[arg(long, group = "maintenance")]
    enable_maintenance: bool,
    /// Disable maintenance mode for the host
    #[arg(long, group = "maintenance")]
    disable_maintenance: bool,
}

impl Command for SetHost {
    const WORDS: &'static str = "host set";
    const ABOUT: &'static str = "DEPRECATED: Set host properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        tracing::warn!("API has been deprecated; consider using 'compute service set' instead.");
        let mut data = Map::new();
        if self.enable {
            data.insert("status".into(), json!("enable"));
        }
        if self.disable {
            data.insert("status".into(), json!("disable"));
        }
        if self.enable_maintenance {
            data.insert("maintenance_mode".into(), json!("enable"));
        }
        if self.disable_maintenance {
            data.insert("maintenance_mode".into(), json!("disable"));
        }
        if data.is_empty() {
            return Ok(Output::None);
        }
        let session = ctx.session()?;
        ctx.block_on(host::set(&session, &self.host, Value::Object(data)))?
            .map_err(sdk)?;
        Ok(Output::None)
    }
}

//! `volume service set` (service.py SetService).

use crate::commands::volume::call;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::volume as cinder;
use serde_json::{Value, json};

/// Set volume service properties
#[derive(clap::Args, Debug)]
pub struct SetService {
    /// Name of host
    #[arg(value_name = "<host>")]
    host: String,
    /// Name of service (Binary name)
    #[arg(value_name = "<service>")]
    service: String,
    /// Enable volume service
    #[arg(long, group = "enabled_group")]
    enable: bool,
    /// Disable volume service
    #[arg(long, group = "enabled_group")]
    disable: bool,
    /// Reason for disabling the service (should be used with --disable option)
    #[arg(long, value_name = "<reason>")]
    disable_reason: Option<String>,
}

impl Command for SetService {
    const WORDS: &'static str = "volume service set";
    const ABOUT: &'static str = "Set volume service properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.disable_reason.is_some() && !self.disable {
            return Err(CliError::Message(
                "Cannot specify option --disable-reason without --disable specified.".into(),
            ));
        }
        let s = ctx.session()?;
        // openstacksdk Service.find: no GET by ID, the listing matched by binary and host
        let q = [("host", self.host.clone())];
        let all = call(ctx, cinder::SERVICES.list(&s, &q))?;
        let hits: Vec<&Value> = all
            .iter()
            .filter(|v| v["binary"] == self.service.as_str() && v["host"] == self.host.as_str())
            .collect();
        let svc = match hits.as_slice() {
            [one] => *one,
            [] => {
                return Err(CliError::Message(format!(
                    "No Service found for {}",
                    self.service
                )));
            }
            _ => {
                return Err(CliError::Message(format!(
                    "More than one Service exists with the name '{}'.",
                    self.service
                )));
            }
        };
        let mut body = json!({ "binary": svc["binary"], "host": svc["host"] });
        let action = if self.enable {
            Some("enable")
        } else if self.disable {
            match self.disable_reason.as_deref().filter(|r| !r.is_empty()) {
                Some(r) => {
                    body["disabled_reason"] = json!(r);
                    Some("disable-log-reason")
                }
                None => Some("disable"),
            }
        } else {
            None
        };
        if let Some(a) = action {
            let path = format!("os-services/{a}");
            call(ctx, cinder::call(&s, Method::PUT, &path, Some(body), None))?;
        }
        Ok(Output::None)
    }
}

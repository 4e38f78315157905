//! `compute service set` (openstackclient/compute/v2/service.py SetService).

use crate::commands::compute::common::{sdk, supports};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::{api, service};
use serde_json::{Map, Value, json};

/// Set compute service properties
#[derive(clap::Args, Debug)]
pub struct SetService {
    /// Name of host
    #[arg(value_name = "<host>")]
    host: String,
    /// Name of service (Binary name), for example ``nova-compute``
    #[arg(value_name = "<service>")]
    service: String,
    /// Enable service
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable service
    #[arg(long, group = "enabled")]
    disable: bool,
    /// Reason for disabling the service (in quotes). Should be used with --disable option.
    #[arg(long, value_name = "<reason>", verbatim_doc_comment)]
    disable_reason: Option<String>,
    /// Force up service. Requires ``--os-compute-api-version`` 2.11 or greater.
    #[arg(long, group = "updown", verbatim_doc_comment)]
    up: bool,
    /// Force down service. Requires ``--os-compute-api-version`` 2.11 or greater.
    #[arg(long, group = "updown", verbatim_doc_comment)]
    down: bool,
}

impl SetService {
    /// One change: `PUT /os-services/{id}` (2.53+) or the older host/binary action.
    fn change(
        &self,
        ctx: &mut Context,
        id: Option<&str>,
        attrs: Map<String, Value>,
        legacy: (&str, Map<String, Value>, Option<String>),
    ) -> Result<(), CliError> {
        let session = ctx.session()?;
        let r = match id {
            Some(id) => ctx.block_on(service::update(&session, id, attrs))?,
            None => {
                let (action, mut body, mv) = legacy;
                body.insert("host".into(), json!(self.host));
                body.insert("binary".into(), json!(self.service));
                // host and binary first, as openstacksdk builds the body
                let mut ordered = Map::new();
                for k in ["host", "binary"] {
                    if let Some(v) = body.remove(k) {
                        ordered.insert(k.into(), v);
                    }
                }
                ordered.extend(body);
                ctx.block_on(service::action(&session, action, ordered, mv.as_deref()))?
            }
        };
        r.map(drop).map_err(sdk)
    }
}

impl Command for SetService {
    const WORDS: &'static str = "compute service set";
    const ABOUT: &'static str = "Set compute service properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if (self.enable || !self.disable) && self.disable_reason.is_some() {
            return Err(CliError::Message(
                "Cannot specify option --disable-reason without --disable specified.".into(),
            ));
        }
        let session = ctx.session()?;
        let user_mv = api::user_microversion(&session);
        let id = if supports(ctx, "2.53")? {
            let found = ctx
                .block_on(service::list(
                    &session,
                    Some(&self.host),
                    Some(&self.service),
                ))?
                .map_err(sdk)?;
            match found.as_slice() {
                [] => {
                    return Err(CliError::Message(format!(
                        "Compute service for host \"{}\" and binary \"{}\" not found.",
                        self.host, self.service
                    )));
                }
                [one] => Some(crate::commands::identity::common::id_of(one)),
                _ => {
                    return Err(CliError::Message(format!(
                        "Multiple compute services found for host \"{}\" and binary \"{}\". Unable to proceed.",
                        self.host, self.service
                    )));
                }
            }
        } else {
            None
        };
        let mut result = 0;
        let enabled = if self.enable {
            Some(true)
        } else if self.disable {
            Some(false)
        } else {
            None
        };
        if let Some(en) = enabled {
            let mut attrs = Map::new();
            let mut body = Map::new();
            let action = if en {
                attrs.insert("status".into(), json!("enabled"));
                "enable"
            } else {
                attrs.insert("status".into(), json!("disabled"));
                match self.disable_reason.as_ref().filter(|r| !r.is_empty()) {
                    Some(r) => {
                        attrs.insert("disabled_reason".into(), json!(r));
                        body.insert("disabled_reason".into(), json!(r));
                        "disable-log-reason"
                    }
                    None => "disable",
                }
            };
            if self
                .change(ctx, id.as_deref(), attrs, (action, body, user_mv.clone()))
                .is_err()
            {
                tracing::error!(
                    "Failed to set service status to {}",
                    if en { "enabled" } else { "disabled" }
                );
                result += 1;
            }
        }
        let force_down = if self.down {
            Some(true)
        } else if self.up {
            Some(false)
        } else {
            None
        };
        if let Some(down) = force_down {
            if !supports(ctx, "2.11")? {
                return Err(CliError::Message(
                    "--os-compute-api-version 2.11 or later is required".into(),
                ));
            }
            let mut attrs = Map::new();
            attrs.insert("forced_down".into(), json!(down));
            // 2.11–2.52: `forced_down` in the body, microversion pinned to 2.11.
            let legacy = ("force-down", attrs.clone(), Some("2.11".to_string()));
            if self.change(ctx, id.as_deref(), attrs, legacy).is_err() {
                tracing::error!(
                    "Failed to set service state to {}",
                    if down { "down" } else { "up" }
                );
                result += 1;
            }
        }
        if result > 0 {
            return Err(CliError::Message(format!(
                "Compute service {} of host {} failed to set.",
                self.service, self.host
            )));
        }
        Ok(Output::None)
    }
}

//! `catalog show` (openstackclient/identity/v3/catalog.py ShowCatalog).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::Identity;

/// Display service catalog details
#[derive(clap::Args, Debug)]
pub struct ShowCatalog {
    /// Service to display (type or name)
    #[arg(value_name = "<service>")]
    service: String,
}

impl Command for ShowCatalog {
    const WORDS: &'static str = "catalog show";
    const ABOUT: &'static str = "Display service catalog details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let catalog = ctx.block_on(Identity::new(&session).catalog())??;
        let found = catalog.services.iter().find(|svc| {
            let is = |k: &str| svc.get(k).and_then(|v| v.as_str()) == Some(self.service.as_str());
            is("name") || is("type")
        });
        let Some(svc) = found.and_then(|s| s.as_object()) else {
            // OSC logs this (with its trailing newline) and shows an empty record, exit 0.
            tracing::error!("service {} not found\n", self.service);
            return Ok(Output::One(Record::default()));
        };
        let mut fields: Vec<(String, Cell)> = svc
            .iter()
            .filter(|(k, _)| k.as_str() != "links")
            .map(|(k, v)| {
                let cell = if k == "endpoints" {
                    super::endpoints_cell(&serde_json::Value::Object(svc.clone()))
                } else {
                    match v {
                        serde_json::Value::String(s) => Cell::Str(s.clone()),
                        other => Cell::from_json(other.clone()),
                    }
                };
                (k.clone(), cell)
            })
            .collect();
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::One(Record { fields }))
    }
}

//! `volume type unset` (volume_type.py UnsetVolumeType).

use crate::commands::identity::common::find_project_id;
use crate::commands::volume::set::step;
use crate::commands::volume::{TYPE, call, find, id};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume::types;
use serde_json::Value;

/// Unset volume type properties
#[derive(clap::Args, Debug)]
pub struct UnsetVolumeType {
    /// Volume type to modify (name or ID)
    #[arg(value_name = "<volume-type>")]
    volume_type: String,
    /// Remove a property from this volume type (repeat option to remove multiple properties)
    #[arg(long, value_name = "<key>", action = clap::ArgAction::Append)]
    property: Vec<String>,
    /// Removes volume type access to project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions
    /// between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Remove the encryption type for this volume type (admin only)
    #[arg(long)]
    encryption_type: bool,
}

impl Command for UnsetVolumeType {
    const WORDS: &'static str = "volume type unset";
    const ABOUT: &'static str = "Unset volume type properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let tid = id(&find(ctx, TYPE, &self.volume_type)?);
        let s = ctx.session()?;
        let mut failed = 0;
        if !self.property.is_empty() {
            let r = self
                .property
                .iter()
                .try_for_each(|k| call(ctx, types::delete_extra_spec(&s, &tid, k)));
            step(&mut failed, "Failed to unset volume type properties", r);
        }
        if let Some(p) = &self.project {
            let r = find_project_id(ctx, p, self.project_domain.as_deref(), true)
                .and_then(|pid| call(ctx, types::set_access(&s, &tid, &pid, false)));
            step(
                &mut failed,
                "Failed to remove volume type access from project",
                r,
            );
        }
        if self.encryption_type {
            let r = call(ctx, types::encryption(&s, &tid)).and_then(|e| {
                let eid = e
                    .get("encryption_id")
                    .and_then(Value::as_str)
                    .unwrap_or("None");
                call(ctx, types::delete_encryption(&s, &tid, eid))
            });
            step(
                &mut failed,
                "Failed to remove the encryption type for this volume type",
                r,
            );
        }
        if failed > 0 {
            return Err(CliError::Message(
                "Command Failed: One or more of the operations failed".into(),
            ));
        }
        Ok(Output::None)
    }
}

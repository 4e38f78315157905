//! `volume type show` (volume_type.py ShowVolumeType).

use super::{format_encryption, type_fields};
use crate::commands::volume::{TYPE, call, find, id, sorted_record};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::volume::types;
use serde_json::Value;

/// Display volume type details
#[derive(clap::Args, Debug)]
pub struct ShowVolumeType {
    /// Volume type to display (name or ID)
    #[arg(value_name = "<volume-type>")]
    volume_type: String,
    /// Display encryption information of this volume type (admin only)
    #[arg(long)]
    encryption_type: bool,
}

impl Command for ShowVolumeType {
    const WORDS: &'static str = "volume type show";
    const ABOUT: &'static str = "Display volume type details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let t = find(ctx, TYPE, &self.volume_type)?;
        let tid = id(&t);
        let mut fields = type_fields(&t);
        let s = ctx.session()?;
        let public = t
            .get("os-volume-type-access:is_public")
            .or_else(|| t.get("is_public"))
            .is_some_and(|v| v.as_bool().unwrap_or(false));
        let mut access = Cell::None;
        if !public {
            match call(ctx, types::access(&s, &tid)) {
                Ok(list) => {
                    let ids: Vec<Value> = list
                        .iter()
                        .map(|a| a.get("project_id").cloned().unwrap_or(Value::Null))
                        .collect();
                    access = Cell::list(Some(ids));
                }
                Err(e) => {
                    tracing::error!("Failed to get access project list for volume type {tid}: {e}")
                }
            }
        }
        fields.push(("access_project_ids".into(), access));
        if self.encryption_type {
            match call(ctx, types::encryption(&s, &tid)) {
                Ok(e) => {
                    fields.push(("encryption".into(), Cell::dict(Some(format_encryption(&e)))))
                }
                Err(e) => tracing::error!(
                    "Failed to display the encryption information of this volume type: {e}"
                ),
            }
        }
        Ok(Output::One(sorted_record(fields)))
    }
}

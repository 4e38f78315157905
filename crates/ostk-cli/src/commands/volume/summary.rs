//! `volume summary` (openstackclient/volume/v3/volume.py VolumeSummary).

use super::{call, cell, dict_cell};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Record;
use ostk_sdk::volume as cinder;

/// Show a summary of all volumes in this deployment.
#[derive(clap::Args, Debug)]
pub struct VolumeSummary {
    /// Include all projects (admin only)
    #[arg(long)]
    all_projects: bool,
}

impl Command for VolumeSummary {
    const WORDS: &'static str = "volume summary";
    const ABOUT: &'static str = "Show a summary of all volumes in this deployment.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        if !call(ctx, cinder::supports(&s, "3.12"))? {
            return Err(CliError::Message(
                "--os-volume-api-version 3.12 or greater is required to support the 'volume \
                 summary' command"
                    .into(),
            ));
        }
        let with_metadata = call(ctx, cinder::supports(&s, "3.36"))?;
        let sum = call(ctx, cinder::volumes::summary(&s, self.all_projects))?;
        let mut fields = vec![
            ("Total Count".to_string(), cell(sum.get("total_count"))),
            ("Total Size".to_string(), cell(sum.get("total_size"))),
        ];
        if with_metadata {
            fields.push(("Metadata".to_string(), dict_cell(sum.get("metadata"))));
        }
        Ok(Output::One(Record { fields }))
    }
}

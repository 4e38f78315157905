//! `usage show` (openstackclient/compute/v2/usage.py ShowUsage).

use super::Range;
use crate::commands::compute::common::sdk;
use crate::commands::identity::common::find_project_id;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Record;
use ostk_sdk::compute::usage;

/// Show resource usage for a single project
#[derive(clap::Args, Debug)]
pub struct ShowUsage {
    /// Name or ID of project to show usage for
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Usage range start date, ex 2012-01-20 (default: 4 weeks ago)
    #[arg(long, value_name = "<start>")]
    start: Option<String>,
    /// Usage range end date, ex 2012-01-20 (default: tomorrow)
    #[arg(long, value_name = "<end>")]
    end: Option<String>,
}

impl Command for ShowUsage {
    const WORDS: &'static str = "usage show";
    const ABOUT: &'static str = "Show resource usage for a single project";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let range = Range::new(self.start.as_deref(), self.end.as_deref())?;
        let project = match &self.project {
            Some(p) => find_project_id(ctx, p, self.project_domain.as_deref(), true)?,
            None => crate::commands::compute::quota::project(ctx, None)?.0,
        };
        let session = ctx.session()?;
        let u = ctx
            .block_on(usage::get(&session, &project, &range.start, &range.end))?
            .map_err(sdk)?;
        let (cells, missing) = super::cells(&u, str::to_string);
        let record = Record {
            fields: super::COLUMNS
                .iter()
                .map(|c| (*c).to_string())
                .zip(cells)
                .collect(),
        };
        Ok(Output::ForTable {
            note: format!(
                "Usage from {} to {} on project {}: \n",
                range.start_day, range.end_day, project
            ),
            table_error: missing.then(|| super::NONE_FORMAT.to_string()),
            rest: Box::new(Output::One(record)),
        })
    }
}

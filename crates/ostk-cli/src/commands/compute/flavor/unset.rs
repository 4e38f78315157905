//! `flavor unset` (openstackclient/compute/v2/flavor.py UnsetFlavor).

use crate::commands::compute::common::sdk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::compute::flavor;

/// Unset flavor properties
#[derive(clap::Args, Debug)]
pub struct UnsetFlavor {
    /// Flavor to modify (name or ID)
    #[arg(value_name = "<flavor>")]
    flavor: String,
    /// Property to remove from flavor (repeat option to unset multiple properties)
    #[arg(long = "property", value_name = "<key>", action = ArgAction::Append)]
    properties: Vec<String>,
    /// Remove flavor access from project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for UnsetFlavor {
    const WORDS: &'static str = "flavor unset";
    const ABOUT: &'static str = "Unset flavor properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let f = super::find(ctx, &self.flavor)?;
        let id = super::id(&f);
        let session = ctx.session()?;
        let mut result = 0;
        for key in &self.properties {
            if let Err(e) = ctx.block_on(flavor::delete_extra_spec(&session, &id, key))? {
                tracing::error!("Failed to unset flavor property: {}", sdk(e));
                result += 1;
            }
        }
        if let Some(p) = &self.project {
            let r = super::change_access(ctx, &f, p, self.project_domain.as_deref(), false);
            if let Err(e) = r {
                tracing::error!("Failed to remove flavor access from project: {e}");
                result += 1;
            }
        }
        if result > 0 {
            return Err(CliError::Message(super::set::FAILED.into()));
        }
        Ok(Output::None)
    }
}

//! `flavor set` (openstackclient/compute/v2/flavor.py SetFlavor).

use crate::commands::compute::common::{sdk, supports};
use crate::commands::identity::project::properties;
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::client::Method;
use ostk_sdk::compute::{api, flavor};
use serde_json::json;

/// Set flavor properties
#[derive(clap::Args, Debug)]
pub struct SetFlavor {
    /// Flavor to modify (name or ID)
    #[arg(value_name = "<flavor>")]
    flavor: String,
    /// Remove all properties from this flavor (specify both --no-property and --property to remove the current properties before setting new properties.)
    #[arg(long, verbatim_doc_comment)]
    no_property: bool,
    /// Property to add or modify for this flavor (repeat option to set multiple properties)
    #[arg(long = "property", value_name = "<key=value>", action = ArgAction::Append, value_parser = parse_key_value)]
    properties: Vec<(String, String)>,
    /// Set flavor access to project (name or ID) (admin only)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Set description for the flavor.(Supported by API versions '2.55' - '2.latest'
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
}

/// OSC's ending when any step failed.
pub const FAILED: &str = "Command Failed: One or more of the operations failed";

impl Command for SetFlavor {
    const WORDS: &'static str = "flavor set";
    const ABOUT: &'static str = "Set flavor properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let f = super::find(ctx, &self.flavor)?;
        let id = super::id(&f);
        let session = ctx.session()?;
        if let Some(d) = self.description.as_ref().filter(|d| !d.is_empty()) {
            if !supports(ctx, "2.55")? {
                return Err(CliError::Message(
                    "The --description parameter requires server support for API microversion 2.55"
                        .into(),
                ));
            }
            ctx.block_on(api::call(
                &session,
                Method::PUT,
                &format!("flavors/{}", api::seg(&id)),
                Some(json!({"flavor": {"description": d}})),
                Some(flavor::CAP),
            ))?
            .map_err(sdk)?;
        }
        let mut result = 0;
        if self.no_property {
            for key in super::specs(&f).keys() {
                if let Err(e) = ctx.block_on(flavor::delete_extra_spec(&session, &id, key))? {
                    tracing::error!("Failed to clear flavor properties: {}", sdk(e));
                    result += 1;
                    break;
                }
            }
        }
        if !self.properties.is_empty() {
            let specs = properties(&self.properties);
            if let Err(e) = ctx.block_on(flavor::create_extra_specs(&session, &id, specs))? {
                tracing::error!("Failed to set flavor properties: {}", sdk(e));
                result += 1;
            }
        }
        if let Some(p) = &self.project {
            let r = super::change_access(ctx, &f, p, self.project_domain.as_deref(), true);
            if let Err(e) = r {
                tracing::error!("Failed to set flavor access to project: {e}");
                result += 1;
            }
        }
        if result > 0 {
            return Err(CliError::Message(FAILED.into()));
        }
        Ok(Output::None)
    }
}

//! `project set` (openstackclient/identity/v3/project.py SetProject).

use crate::commands::identity::common::{find_domain_id, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::identity::project::PROJECTS;
use ostk_sdk::rest::Lookup;
use serde_json::{Value, json};

/// Set project properties
#[derive(clap::Args, Debug)]
pub struct SetProject {
    /// Project to modify (name or ID)
    #[arg(value_name = "<project>")]
    project: String,
    /// Set project name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Domain owning <project> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Set project description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable project
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable project
    #[arg(long, group = "enabled")]
    disable: bool,
    /// Set a property on <project> (repeat option to set multiple properties)
    #[arg(long = "property", value_name = "<key=value>", action = ArgAction::Append, value_parser = super::key_value)]
    properties: Vec<(String, String)>,
    /// Make resource immutable. An immutable project may not be deleted or modified except to remove the immutable flag
    #[arg(long, group = "immutability")]
    immutable: bool,
    /// Make resource mutable (default)
    #[arg(long, group = "immutability")]
    no_immutable: bool,
    /// Tag to be added to the project (repeat option to set multiple tags)
    #[arg(long = "tag", value_name = "<tag>", action = ArgAction::Append)]
    tags: Vec<String>,
    /// Clear tags associated with the project. Specify both --tag and --clear-tags to overwrite current tags
    #[arg(long)]
    clear_tags: bool,
    /// Tag to be deleted from the project (repeat option to delete multiple tags)
    #[arg(long = "remove-tag", value_name = "<tag>", action = ArgAction::Append)]
    remove_tags: Vec<String>,
}

impl Command for SetProject {
    const WORDS: &'static str = "project set";
    const ABOUT: &'static str = "Set project properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = serde_json::Map::new();
        if let Some(n) = self.name.as_ref().filter(|s| !s.is_empty()) {
            attrs.insert("name".into(), json!(n));
        }
        if let Some(d) = self.description.as_ref().filter(|s| !s.is_empty()) {
            attrs.insert("description".into(), json!(d));
        }
        if self.enable || self.disable {
            attrs.insert("enabled".into(), json!(self.enable));
        }
        if let Some(i) = crate::commands::identity::domain::create::immutable_option(
            self.immutable,
            self.no_immutable,
        ) {
            attrs.insert("options".into(), json!({ "immutable": i }));
        }
        attrs.extend(super::properties(&self.properties));
        let filters = match &self.domain {
            Some(d) => vec![("domain_id", find_domain_id(ctx, d, false)?)],
            None => Vec::new(),
        };
        let session = ctx.session()?;
        // find_project(ignore_missing=True): a missing project is updated by the name given.
        let project = match ctx.block_on(PROJECTS.find(&session, &self.project, &filters))? {
            Ok(Lookup::Found(p)) => Some(p),
            Ok(Lookup::NotFound) => None,
            Ok(Lookup::Ambiguous(_)) => {
                return Err(CliError::Message(format!(
                    "More than one Project exists with the name '{}'.",
                    self.project
                )));
            }
            Err(e) => return Err(sdk_error(e, None)),
        };
        if !self.tags.is_empty() || !self.remove_tags.is_empty() || self.clear_tags {
            if self.clear_tags {
                attrs.insert("tags".into(), json!([]));
            } else {
                let existing: Vec<String> = project
                    .as_ref()
                    .and_then(|p| p.get("tags"))
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|t| t.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                let mut tags: Vec<String> = existing.clone();
                if !self.remove_tags.is_empty() {
                    tags = existing
                        .iter()
                        .filter(|t| !self.remove_tags.contains(t))
                        .cloned()
                        .collect();
                }
                if !self.tags.is_empty() {
                    // sic: OSC unions with the existing tags, not with the removal's result.
                    tags = existing.clone();
                    tags.extend(self.tags.iter().cloned());
                }
                tags.sort();
                tags.dedup();
                attrs.insert("tags".into(), json!(tags));
            }
        }
        let id = project
            .as_ref()
            .map(id_of)
            .unwrap_or_else(|| self.project.clone());
        ctx.block_on(PROJECTS.update(&session, &id, attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

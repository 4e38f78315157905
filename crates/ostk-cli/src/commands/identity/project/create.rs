//! `project create` (openstackclient/identity/v3/project.py CreateProject).

use crate::commands::identity::common::{find_domain_id, find_project, find_project_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use clap::ArgAction;
use ostk_sdk::identity::project::PROJECTS;
use serde_json::{Value, json};

/// Create new project
#[derive(clap::Args, Debug)]
pub struct CreateProject {
    /// New project name
    #[arg(value_name = "<project-name>")]
    name: String,
    /// Domain owning the project (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Parent of the project (name or ID)
    #[arg(long, value_name = "<project>")]
    parent: Option<String>,
    /// Project description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable project
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable project
    #[arg(long, group = "enabled")]
    disable: bool,
    /// Add a property to <name> (repeat option to set multiple properties)
    #[arg(long = "property", value_name = "<key=value>", action = ArgAction::Append, value_parser = super::key_value)]
    properties: Vec<(String, String)>,
    /// Return existing project
    #[arg(long)]
    or_show: bool,
    /// Make resource immutable. An immutable project may not be deleted or modified except to remove the immutable flag
    #[arg(long, group = "immutability")]
    immutable: bool,
    /// Make resource mutable (default)
    #[arg(long, group = "immutability")]
    no_immutable: bool,
    /// Tag to be added to the project (repeat option to set multiple tags)
    #[arg(long = "tag", value_name = "<tag>", action = ArgAction::Append)]
    tags: Vec<String>,
}

impl Command for CreateProject {
    const WORDS: &'static str = "project create";
    const ABOUT: &'static str = "Create new project";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = super::properties(&self.properties);
        if let Some(Value::String(v)) = attrs.get("is_domain").cloned() {
            match v.to_lowercase().as_str() {
                "true" => attrs.insert("is_domain".into(), json!(true)),
                "false" => attrs.insert("is_domain".into(), json!(false)),
                "none" => attrs.insert("is_domain".into(), Value::Null),
                _ => None,
            };
        }
        if let Some(d) = self.description.as_ref().filter(|s| !s.is_empty()) {
            attrs.insert("description".into(), json!(d));
        }
        if !self.name.is_empty() {
            attrs.insert("name".into(), json!(self.name));
        }
        let mut domain = None;
        if let Some(d) = &self.domain {
            let id = find_domain_id(ctx, d, true)?;
            attrs.insert("domain_id".into(), json!(id));
            domain = Some(id);
        }
        if let Some(p) = &self.parent {
            let id = find_project_id(ctx, p, domain.as_deref(), true)?;
            attrs.insert("parent_id".into(), json!(id));
        }
        attrs.insert("enabled".into(), json!(!self.disable));
        if !self.tags.is_empty() {
            let mut tags: Vec<String> = Vec::new();
            for t in &self.tags {
                if !tags.contains(t) {
                    tags.push(t.clone());
                }
            }
            attrs.insert("tags".into(), json!(tags));
        }
        if let Some(i) = crate::commands::identity::domain::create::immutable_option(
            self.immutable,
            self.no_immutable,
        ) {
            attrs.insert("options".into(), json!({ "immutable": i }));
        }
        let session = ctx.session()?;
        let p = match ctx.block_on(PROJECTS.create(&session, attrs))? {
            Ok(p) => p,
            Err(e) if e.status() == Some(409) && self.or_show => {
                let p = find_project(ctx, &self.name, domain.as_deref())?;
                tracing::info!(
                    "Returning existing project {}",
                    p.get("name")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or_default()
                );
                p
            }
            Err(e) => return Err(sdk_error(e, None)),
        };
        Ok(Output::One(super::project_record(&p)))
    }
}

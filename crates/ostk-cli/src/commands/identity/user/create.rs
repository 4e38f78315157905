//! `user create` (openstackclient/identity/v3/user.py CreateUser).

use super::{NO_PASSWORD_WARNING, UserOptions, get_password, user_record};
use crate::commands::identity::common::{find_domain, find_project, find_user, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::user::USERS;
use serde_json::{Map, Value, json};

/// Create new user
#[derive(clap::Args, Debug)]
pub struct CreateUser {
    /// New user name
    #[arg(value_name = "<name>")]
    name: String,
    /// Default domain (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Default project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Set user password
    #[arg(long, value_name = "<password>")]
    password: Option<String>,
    /// Prompt interactively for password
    #[arg(long)]
    password_prompt: bool,
    /// Set user email address
    #[arg(long, value_name = "<email-address>")]
    email: Option<String>,
    /// User description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    #[command(flatten)]
    options: UserOptions,
    /// Enable user (default)
    #[arg(long, group = "enabled")]
    enable: bool,
    /// Disable user
    #[arg(long, group = "enabled")]
    disable: bool,
    /// Return existing user
    #[arg(long)]
    or_show: bool,
}

impl Command for CreateUser {
    const WORDS: &'static str = "user create";
    const ABOUT: &'static str = "Create new user";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        let mut domain_id = None;
        if let Some(d) = &self.domain {
            let id = id_of(&find_domain(ctx, d)?);
            attrs.insert("domain_id".into(), json!(id));
            domain_id = Some(id);
        }
        if let Some(p) = &self.project {
            let project_domain = match &self.project_domain {
                Some(d) => Some(id_of(&find_domain(ctx, d)?)),
                None => None,
            };
            let project = find_project(ctx, p, project_domain.as_deref())?;
            attrs.insert("default_project_id".into(), json!(id_of(&project)));
        }
        if let Some(d) = self.description.as_ref().filter(|s| !s.is_empty()) {
            attrs.insert("description".into(), json!(d));
        }
        if let Some(e) = self.email.as_ref().filter(|s| !s.is_empty()) {
            attrs.insert("email".into(), json!(e));
        }
        let password = match self.password.as_ref().filter(|s| !s.is_empty()) {
            Some(p) => Some(p.clone()),
            None if self.password_prompt => Some(get_password(None, true)?),
            None => None,
        };
        match password.filter(|p| !p.is_empty()) {
            Some(p) => {
                attrs.insert("password".into(), json!(p));
            }
            None => tracing::warn!("{NO_PASSWORD_WARNING}"),
        }
        let options = self.options.to_options();
        if !options.is_empty() {
            attrs.insert("options".into(), Value::Object(options));
        }
        attrs.insert("enabled".into(), json!(!self.disable));
        attrs.insert("name".into(), json!(self.name));
        let session = ctx.session()?;
        let user = match ctx.block_on(USERS.create(&session, attrs))? {
            Ok(u) => u,
            Err(e) if e.status() == Some(409) && self.or_show => {
                let u = find_user(ctx, &self.name, domain_id.as_deref())?;
                tracing::info!(
                    "Returning existing user {}",
                    u.get("name")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or_default()
                );
                u
            }
            Err(e) => return Err(sdk_error(e, None)),
        };
        Ok(Output::One(user_record(&user)))
    }
}

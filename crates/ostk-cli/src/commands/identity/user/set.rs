//! `user set` (openstackclient/identity/v3/user.py SetUser).

use super::{NO_PASSWORD_WARNING, UserOptions, get_password};
use crate::commands::identity::common::{find_domain, find_project, find_user, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::user::USERS;
use serde_json::{Map, Value, json};

/// Set user properties
#[derive(clap::Args, Debug)]
pub struct SetUser {
    /// User to modify (name or ID)
    #[arg(value_name = "<user>")]
    user: String,
    /// Set user name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<domain>", verbatim_doc_comment)]
    domain: Option<String>,
    /// Set default project (name or ID)
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
    /// Set user description
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
}

impl Command for SetUser {
    const WORDS: &'static str = "user set";
    const ABOUT: &'static str = "Set user properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut password = self.password.clone();
        if self.password_prompt {
            password = Some(get_password(None, true)?);
        }
        if password.as_deref() == Some("") {
            tracing::warn!("{NO_PASSWORD_WARNING}");
        }
        // `_get_token_resource` falls back to the name given on the openstacksdk client.
        let user = match &self.domain {
            Some(d) => {
                let domain = id_of(&find_domain(ctx, d)?);
                find_user(ctx, &self.user, Some(&domain))?
            }
            None => find_user(ctx, &self.user, None)?,
        };
        let mut attrs = Map::new();
        let nonempty = |o: &Option<String>| o.clone().filter(|s| !s.is_empty());
        if let Some(n) = nonempty(&self.name) {
            attrs.insert("name".into(), json!(n));
        }
        if let Some(e) = nonempty(&self.email) {
            attrs.insert("email".into(), json!(e));
        }
        if let Some(p) = password.filter(|p| !p.is_empty()) {
            attrs.insert("password".into(), json!(p));
        }
        if let Some(d) = nonempty(&self.description) {
            attrs.insert("description".into(), json!(d));
        }
        if let Some(p) = &self.project {
            let project_domain = match &self.project_domain {
                Some(d) => Some(id_of(&find_domain(ctx, d)?)),
                None => None,
            };
            let project = find_project(ctx, p, project_domain.as_deref())?;
            attrs.insert("default_project_id".into(), json!(id_of(&project)));
        }
        // OSC always sends the user's current `enabled` unless told otherwise.
        let enabled = if self.enable {
            json!(true)
        } else if self.disable {
            json!(false)
        } else {
            user.get("enabled").cloned().unwrap_or(Value::Null)
        };
        attrs.insert("enabled".into(), enabled);
        let options = self.options.to_options();
        if !options.is_empty() {
            attrs.insert("options".into(), Value::Object(options));
        }
        let session = ctx.session()?;
        ctx.block_on(USERS.update(&session, &id_of(&user), attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

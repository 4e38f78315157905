//! `trust create` (openstackclient/identity/v3/trust.py CreateTrust).

use super::{project_id, trust_record, user_id};
use crate::commands::identity::common::{find_sdk, id_of, sdk_error};
use crate::commands::identity::role::PROJECT_DOMAIN_HELP;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{Identity, role::ROLES};
use serde_json::{Map, Value, json};

/// Create new trust
#[derive(clap::Args, Debug)]
pub struct CreateTrust {
    /// User that is delegating authorization (name or ID)
    #[arg(value_name = "<trustor-user>")]
    trustor: String,
    /// User that is assuming authorization (name or ID)
    #[arg(value_name = "<trustee-user>")]
    trustee: String,
    /// Project being delegated (name or ID) (required)
    #[arg(long, value_name = "<project>", required = true)]
    project: String,
    /// Roles to authorize (name or ID) (repeat option to set multiple values, required)
    #[arg(long = "role", value_name = "<role>", required = true, action = clap::ArgAction::Append)]
    roles: Vec<String>,
    /// Tokens generated from the trust will represent <trustor> (defaults to False)
    #[arg(long)]
    impersonate: bool,
    /// Sets an expiration date for the trust (format of YYYY-mm-ddTHH:MM:SS)
    #[arg(long, value_name = "<expiration>")]
    expiration: Option<String>,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
    /// Domain that contains <trustor> (name or ID)
    #[arg(long, value_name = "<trustor-domain>")]
    trustor_domain: Option<String>,
    /// Domain that contains <trustee> (name or ID)
    #[arg(long, value_name = "<trustee-domain>")]
    trustee_domain: Option<String>,
}

impl Command for CreateTrust {
    const WORDS: &'static str = "trust create";
    const ABOUT: &'static str = "Create new trust";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        attrs.insert(
            "trustor_user_id".into(),
            json!(user_id(ctx, &self.trustor, self.trustor_domain.as_deref())?),
        );
        attrs.insert(
            "trustee_user_id".into(),
            json!(user_id(ctx, &self.trustee, self.trustee_domain.as_deref())?),
        );
        attrs.insert(
            "project_id".into(),
            json!(project_id(
                ctx,
                &self.project,
                self.project_domain.as_deref()
            )?),
        );
        let mut roles = Vec::new();
        for r in &self.roles {
            let id = match find_sdk(ctx, &ROLES, "Role", r, &[]) {
                Ok(v) => id_of(&v),
                Err(CliError::Message(m)) if m.starts_with("ForbiddenException") => r.clone(),
                Err(e) => return Err(e),
            };
            roles.push(json!({ "id": id }));
        }
        attrs.insert("roles".into(), Value::Array(roles));
        if let Some(e) = &self.expiration {
            attrs.insert("expires_at".into(), json!(iso_expiry(e)?));
        }
        attrs.insert("impersonation".into(), json!(self.impersonate));
        let session = ctx.session()?;
        let t = ctx
            .block_on(Identity::new(&session).create_trust(attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::One(trust_record(&t)))
    }
}

/// `datetime.strptime(value, '%Y-%m-%dT%H:%M:%S')`, sent as Python's `isoformat()` (the same
/// text when it parses).
pub fn iso_expiry(value: &str) -> Result<String, CliError> {
    let ok = value.len() == 19
        && value.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            10 => c == 'T',
            13 | 16 => c == ':',
            _ => c.is_ascii_digit(),
        });
    if ok {
        Ok(value.to_string())
    } else {
        Err(CliError::Message(format!(
            "time data '{value}' does not match format '%Y-%m-%dT%H:%M:%S'"
        )))
    }
}

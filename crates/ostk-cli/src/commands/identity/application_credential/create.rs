//! `application credential create` (openstackclient/identity/v3/application_credential.py
//! CreateApplicationCredential).

use super::{record, session_user};
use crate::commands::identity::common::sdk_error;
use crate::commands::identity::trust::create::iso_expiry;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value, json};

/// Create new application credential
#[derive(clap::Args, Debug)]
pub struct CreateApplicationCredential {
    /// Name of the application credential
    #[arg(value_name = "<name>")]
    name: String,
    /// Secret to use for authentication (if not provided, one will be generated)
    #[arg(long, value_name = "<secret>")]
    secret: Option<String>,
    /// Roles to authorize (name or ID) (repeat option to set multiple values)
    #[arg(long = "role", value_name = "<role>", action = clap::ArgAction::Append)]
    roles: Vec<String>,
    /// Sets an expiration date for the application credential, format of YYYY-mm-ddTHH:MM:SS (if not provided, the application credential will not expire)
    #[arg(long, value_name = "<expiration>")]
    expiration: Option<String>,
    /// Application credential description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable application credential to create and delete other application credentials and trusts (this is potentially dangerous behavior and is disabled by default)
    #[arg(long)]
    unrestricted: bool,
    /// Prohibit application credential from creating and deleting other application credentials and trusts (this is the default behavior)
    #[arg(long)]
    restricted: bool,
    /// Either a string or file path containing a JSON-formatted list of access rules, each containing a request method, path, and service, for example '[{"method": "GET", "path": "/v2.1/servers", "service": "compute"}]'
    #[arg(long, value_name = "<access-rules>")]
    access_rules: Option<String>,
}

/// OSC's `is_uuid_like`: a UUID in any of Python's accepted spellings, compared hex-only.
fn is_uuid_like(v: &str) -> bool {
    let hex: String = v
        .replace("urn:", "")
        .replace("uuid:", "")
        .trim_matches(|c| c == '{' || c == '}')
        .replace('-', "")
        .to_lowercase();
    // uuid.UUID() accepts exactly 32 hex digits once braces, dashes and the urn prefix go.
    hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit()) && !v.contains(char::is_uppercase)
}

impl Command for CreateApplicationCredential {
    const WORDS: &'static str = "application credential create";
    const ABOUT: &'static str = "Create new application credential";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user = session_user(ctx)?;
        let roles: Vec<Value> = self
            .roles
            .iter()
            .map(|r| {
                if is_uuid_like(r) {
                    json!({ "id": r })
                } else {
                    json!({ "name": r })
                }
            })
            .collect();
        let expires_at = match &self.expiration {
            Some(e) => Some(iso_expiry(e)?),
            None => None,
        };
        let unrestricted = if self.restricted {
            false
        } else {
            self.unrestricted
        };
        let access_rules = match &self.access_rules {
            Some(a) => match serde_json::from_str::<Value>(a) {
                Ok(v) => v,
                Err(_) => std::fs::read_to_string(a)
                    .ok()
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .ok_or_else(|| {
                        CliError::Message(
                            "Access rules is not valid JSON string or file does not exist.".into(),
                        )
                    })?,
            },
            None => json!([]),
        };
        let attrs = Map::from_iter([
            ("name".to_string(), json!(self.name)),
            ("roles".to_string(), Value::Array(roles)),
            ("expires_at".to_string(), json!(expires_at)),
            ("description".to_string(), json!(self.description)),
            ("secret".to_string(), json!(self.secret)),
            ("unrestricted".to_string(), json!(unrestricted)),
            ("access_rules".to_string(), access_rules),
        ]);
        let session = ctx.session()?;
        let a = ctx
            .block_on(Identity::new(&session).create_application_credential(&user, attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::One(record(&a, true)))
    }
}

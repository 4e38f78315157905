//! `credential create` (openstackclient/identity/v3/credential.py CreateCredential).

use super::credential_record;
use crate::commands::identity::common::{find_project, find_user, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, json};

/// Create new credential
#[derive(clap::Args, Debug)]
pub struct CreateCredential {
    /// user that owns the credential (name or ID)
    #[arg(value_name = "<user>")]
    user: String,
    /// New credential type: cert, ec2, totp and so on
    #[arg(long = "type", value_name = "<type>", default_value = "cert")]
    kind: String,
    /// New credential data
    #[arg(value_name = "<data>")]
    data: String,
    /// Project which limits the scope of the credential (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
}

impl Command for CreateCredential {
    const WORDS: &'static str = "credential create";
    const ABOUT: &'static str = "Create new credential";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user_id = id_of(&find_user(ctx, &self.user, None)?);
        let project = match &self.project {
            Some(p) => Some(id_of(&find_project(ctx, p, None)?)),
            None => None,
        };
        // openstacksdk sends every attribute it was given, None included.
        let attrs = Map::from_iter([
            ("user_id".to_string(), json!(user_id)),
            ("type".to_string(), json!(self.kind)),
            ("blob".to_string(), json!(self.data)),
            ("project_id".to_string(), json!(project)),
        ]);
        let session = ctx.session()?;
        let c = ctx
            .block_on(Identity::new(&session).create_credential(attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::One(credential_record(&c)))
    }
}

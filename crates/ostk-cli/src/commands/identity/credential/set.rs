//! `credential set` (openstackclient/identity/v3/credential.py SetCredential).

use crate::commands::identity::common::{find_project, find_user, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, json};

/// Set credential properties
#[derive(clap::Args, Debug)]
pub struct SetCredential {
    /// ID of credential to change
    #[arg(value_name = "<credential-id>")]
    credential: String,
    /// User that owns the credential (name or ID)
    #[arg(long, value_name = "<user>", required = true)]
    user: String,
    /// New credential type: cert, ec2, totp and so on
    #[arg(long = "type", value_name = "<type>", required = true)]
    kind: String,
    /// New credential data
    #[arg(long, value_name = "<data>", required = true)]
    data: String,
    /// Project which limits the scope of the credential (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
}

impl Command for SetCredential {
    const WORDS: &'static str = "credential set";
    const ABOUT: &'static str = "Set credential properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let user_id = id_of(&find_user(ctx, &self.user, None)?);
        let project = match &self.project {
            Some(p) => Some(id_of(&find_project(ctx, p, None)?)),
            None => None,
        };
        // OSC passes `user=`/`project=` (not attributes of openstacksdk's Credential, so not
        // sent); `type` and `blob` are.
        let _ = (user_id, project);
        let attrs = Map::from_iter([
            ("type".to_string(), json!(self.kind)),
            ("blob".to_string(), json!(self.data)),
        ]);
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).update_credential(&self.credential, attrs))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

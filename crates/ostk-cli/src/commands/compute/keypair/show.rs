//! `keypair show` (openstackclient/compute/v2/keypair.py ShowKeypair).

use crate::commands::compute::common::found;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::keypair;
use serde_json::Value;

/// Display key details
#[derive(clap::Args, Debug)]
pub struct ShowKeypair {
    /// Public or private key to display (name only)
    #[arg(value_name = "<key>")]
    name: String,
    /// Show only bare public key paired with the generated key
    #[arg(long)]
    public_key: bool,
    /// The owner of the keypair. (admin only) (name or ID). Requires ``--os-compute-api-version`` 2.10 or greater.
    #[arg(long, value_name = "<user>", verbatim_doc_comment)]
    user: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
}

impl Command for ShowKeypair {
    const WORDS: &'static str = "keypair show";
    const ABOUT: &'static str = "Display key details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query: Vec<(&str, String)> = Vec::new();
        if let Some(u) = super::user_id(ctx, self.user.as_deref(), self.user_domain.as_deref())? {
            query.push(("user_id", u));
        }
        let session = ctx.session()?;
        let k = found(
            ctx.block_on(keypair::find(&session, &self.name, &query))?,
            "Keypair",
            &self.name,
        )?;
        if self.public_key {
            let key = k
                .get("public_key")
                .and_then(Value::as_str)
                .unwrap_or_default();
            return Ok(Output::TextThen(
                key.to_string(),
                Box::new(Output::One(Default::default())),
            ));
        }
        Ok(Output::One(super::record(&k, true, false)))
    }
}

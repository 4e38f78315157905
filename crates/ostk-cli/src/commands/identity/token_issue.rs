//! `token issue` (openstackclient/identity/v3/token.py IssueToken).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::Identity;

/// Issue new token
#[derive(clap::Args, Debug)]
pub struct IssueToken {}

impl Command for IssueToken {
    const WORDS: &'static str = "token issue";
    const ABOUT: &'static str = "Issue new token";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let t = ctx.block_on(Identity::new(&session).issue_token())??;
        // OSC builds a dict of the fields that are set and sorts it by key.
        let mut fields: Vec<(String, Cell)> = vec![("id".into(), Cell::Str(t.id))];
        let optional = [
            ("expires", t.expires),
            ("project_id", t.project_id),
            ("user_id", t.user_id),
            ("domain_id", t.domain_id),
            ("system", t.system),
        ];
        for (k, v) in optional {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                fields.push((k.into(), Cell::Str(v)));
            }
        }
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::One(Record { fields }))
    }
}

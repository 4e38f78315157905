//! `keypair list` (openstackclient/compute/v2/keypair.py ListKeypair).

use crate::commands::compute::common::{MarkerPagination, require_for_option, row, sdk, supports};
use crate::commands::identity::common::{find_project_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::compute::keypair;
use ostk_sdk::identity::application_credential::ROLE_ASSIGNMENTS;
use serde_json::Value;

/// List key fingerprints
#[derive(clap::Args, Debug)]
pub struct ListKeypair {
    /// Show keypairs for another user (admin only) (name or ID). Requires ``--os-compute-api-version`` 2.10 or greater.
    #[arg(long, value_name = "<user>", group = "owner", verbatim_doc_comment)]
    user: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
    /// Show keypairs for all users associated with project (admin only) (name or ID). Requires ``--os-compute-api-version`` 2.10 or greater.
    #[arg(long, value_name = "<project>", group = "owner", verbatim_doc_comment)]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    #[command(flatten)]
    page: MarkerPagination,
}

impl Command for ListKeypair {
    const WORDS: &'static str = "keypair list";
    const ABOUT: &'static str = "List key fingerprints";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query = self.page.query(ctx, "2.35")?;
        let session = ctx.session()?;
        let mut items: Vec<Value> = if let Some(p) = &self.project {
            require_for_option(ctx, "2.10", "--project")?;
            let project = find_project_id(ctx, p, self.project_domain.as_deref(), true)?;
            let assignments = ctx
                .block_on(ROLE_ASSIGNMENTS.list(&session, &[("scope.project.id", project)]))?
                .map_err(|e| sdk_error(e, None))?;
            let mut users: Vec<String> = Vec::new();
            for a in &assignments {
                if let Some(u) = a.pointer("/user/id").and_then(Value::as_str)
                    && !users.iter().any(|x| x == u)
                {
                    users.push(u.to_string());
                }
            }
            let mut all = Vec::new();
            for u in users {
                let mut q = query.clone();
                q.push(("user_id", u));
                all.extend(ctx.block_on(keypair::list(&session, &q))?.map_err(sdk)?);
            }
            all
        } else {
            if let Some(u) = super::user_id(ctx, self.user.as_deref(), self.user_domain.as_deref())?
            {
                query.push(("user_id", u));
            }
            ctx.block_on(keypair::list(&session, &query))?
                .map_err(sdk)?
        };
        self.page.truncate(&mut items);
        let mut columns = vec!["Name", "Fingerprint"];
        let mut keys = vec!["name", "fingerprint"];
        if supports(ctx, "2.2")? {
            columns.push("Type");
            keys.push("type");
        }
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows: items.iter().map(|k| row(k, &keys)).collect(),
        }))
    }
}

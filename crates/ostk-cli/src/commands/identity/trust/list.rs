//! `trust list` (openstackclient/identity/v3/trust.py ListTrust).

use super::user_id;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;

/// List trusts
#[derive(clap::Args, Debug)]
pub struct ListTrust {
    /// Trustor user to filter (name or ID)
    #[arg(long, value_name = "<trustor-user>")]
    trustor: Option<String>,
    /// Trustee user to filter (name or ID)
    #[arg(long, value_name = "<trustee-user>")]
    trustee: Option<String>,
    /// Domain that contains <trustor> (name or ID)
    #[arg(long, value_name = "<trustor-domain>")]
    trustor_domain: Option<String>,
    /// Domain that contains <trustee> (name or ID)
    #[arg(long, value_name = "<trustee-domain>")]
    trustee_domain: Option<String>,
    /// Only list trusts related to the authenticated user
    #[arg(long)]
    auth_user: bool,
}

impl Command for ListTrust {
    const WORDS: &'static str = "trust list";
    const ABOUT: &'static str = "List trusts";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let msg = |m: &str| Err(CliError::Message(m.to_string()));
        if self.auth_user
            && (self.trustor.is_some()
                || self.trustor_domain.is_some()
                || self.trustee.is_some()
                || self.trustee_domain.is_some())
        {
            return msg("--authuser cannot be used with --trustee or --trustor");
        }
        if self.trustee_domain.is_some() && self.trustee.is_none() {
            return msg("Using --trustee-domain mandates the use of --trustee");
        }
        if self.trustor_domain.is_some() && self.trustor.is_none() {
            return msg("Using --trustor-domain mandates the use of --trustor");
        }
        let session = ctx.session()?;
        let identity = Identity::new(&session);
        let data = if self.auth_user {
            let me = ctx
                .block_on(session.access())??
                .user_id
                .clone()
                .unwrap_or_default();
            let mut all = ctx
                .block_on(identity.trusts(&[("trustor_user_id", me.clone())]))?
                .map_err(|e| sdk_error(e, None))?;
            let more = ctx
                .block_on(identity.trusts(&[("trustee_user_id", me)]))?
                .map_err(|e| sdk_error(e, None))?;
            // a dict keyed by ID: first position kept, last value wins
            for t in more {
                match all.iter_mut().find(|x| x.id == t.id) {
                    Some(x) => *x = t,
                    None => all.push(t),
                }
            }
            all
        } else {
            let mut query = Vec::new();
            if let Some(u) = &self.trustor {
                query.push((
                    "trustor_user_id",
                    user_id(ctx, u, self.trustor_domain.as_deref())?,
                ));
            }
            if let Some(u) = &self.trustee {
                query.push((
                    "trustee_user_id",
                    user_id(ctx, u, self.trustee_domain.as_deref())?,
                ));
            }
            ctx.block_on(identity.trusts(&query))?
                .map_err(|e| sdk_error(e, None))?
        };
        let rows = data
            .into_iter()
            .map(|t| {
                vec![
                    Cell::Str(t.id),
                    Cell::from(t.expires_at),
                    Cell::from(t.impersonation),
                    Cell::from(t.project_id),
                    Cell::from(t.trustee_user_id),
                    Cell::from(t.trustor_user_id),
                ]
            })
            .collect();
        Ok(Output::List(Listing {
            columns: [
                "ID",
                "Expires At",
                "Impersonation",
                "Project ID",
                "Trustee User ID",
                "Trustor User ID",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        }))
    }
}

//! `implied role list` (openstackclient/identity/v3/implied_role.py ListImpliedRole).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;
use serde_json::Value;

/// List implied roles
#[derive(clap::Args, Debug)]
pub struct ListImpliedRole {}

impl Command for ListImpliedRole {
    const WORDS: &'static str = "implied role list";
    const ABOUT: &'static str = "List implied roles";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let rules = ctx.block_on(Identity::new(&session).role_inferences())??;
        let f = |v: &Value, k: &str| Cell::from_json(v.get(k).cloned().unwrap_or(Value::Null));
        let mut rows = Vec::new();
        for rule in rules {
            let prior = Value::Object(rule.prior_role);
            for implies in rule.implies.as_array().into_iter().flatten() {
                rows.push(vec![
                    f(&prior, "id"),
                    f(&prior, "name"),
                    f(implies, "id"),
                    f(implies, "name"),
                ]);
            }
        }
        Ok(Output::List(Listing {
            columns: [
                "Prior Role ID",
                "Prior Role Name",
                "Implied Role ID",
                "Implied Role Name",
            ]
            .map(String::from)
            .to_vec(),
            rows,
        }))
    }
}

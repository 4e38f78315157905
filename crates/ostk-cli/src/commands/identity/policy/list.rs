//! `policy list` (openstackclient/identity/v3/policy.py ListPolicy).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;

/// List policies
#[derive(clap::Args, Debug)]
pub struct ListPolicy {
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ListPolicy {
    const WORDS: &'static str = "policy list";
    const ABOUT: &'static str = "List policies";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let policies = ctx
            .block_on(Identity::new(&session).policies())?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        let mut columns = vec!["ID".to_string(), "Type".into()];
        if self.long {
            columns.push("Rules".into());
        }
        let rows = policies
            .iter()
            .map(|p| {
                let mut row: Vec<Cell> =
                    vec![Cell::Str(p.id.clone()), p.policy_type.clone().into()];
                if self.long {
                    row.push(p.blob.clone().into());
                }
                row
            })
            .collect();
        Ok(Output::List(Listing { columns, rows }))
    }
}

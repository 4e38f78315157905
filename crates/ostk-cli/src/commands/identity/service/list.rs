//! `service list` (openstackclient/identity/v3/service.py ListService).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;

/// List services
#[derive(clap::Args, Debug)]
pub struct ListService {
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ListService {
    const WORDS: &'static str = "service list";
    const ABOUT: &'static str = "List services";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let services = ctx
            .block_on(Identity::new(&session).services(&[]))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        let mut columns = vec!["ID".to_string(), "Name".into(), "Type".into()];
        if self.long {
            columns.extend(["Description".to_string(), "Enabled".into()]);
        }
        let rows = services
            .iter()
            .map(|s| {
                let mut row: Vec<Cell> = vec![
                    Cell::Str(s.id.clone()),
                    s.name.clone().into(),
                    s.service_type.clone().into(),
                ];
                if self.long {
                    row.push(s.description.clone().into());
                    row.push(s.enabled.into());
                }
                row
            })
            .collect();
        Ok(Output::List(Listing { columns, rows }))
    }
}

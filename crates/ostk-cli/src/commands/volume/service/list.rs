//! `volume service list` (service.py ListService).

use crate::commands::volume::{call, cell};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Listing;
use ostk_sdk::volume as cinder;

/// List service command
#[derive(clap::Args, Debug)]
pub struct ListService {
    /// List services on specified host (name only)
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// List only specified service (name only)
    #[arg(long, value_name = "<service>")]
    service: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ListService {
    const WORDS: &'static str = "volume service list";
    const ABOUT: &'static str = "List service command";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let mut cols = vec![
            ("Binary", "binary"),
            ("Host", "host"),
            ("Zone", "zone"),
            ("Status", "status"),
            ("State", "state"),
            ("Updated At", "updated_at"),
        ];
        // OSC asks the client's microversion, while the listing itself goes at openstacksdk's
        // Service cap (3.32): the Backend State column exists but stays empty
        if call(ctx, cinder::supports(&s, "3.7"))? {
            cols.push(("Cluster", "cluster"));
        }
        if call(ctx, cinder::supports(&s, "3.49"))? {
            cols.push(("Backend State", "backend_state"));
        }
        if self.long {
            cols.push(("Disabled Reason", "disabled_reason"));
        }
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(b) = &self.service {
            q.push(("binary", b.clone()));
        }
        if let Some(h) = &self.host {
            q.push(("host", h.clone()));
        }
        let rows = call(ctx, cinder::SERVICES.list(&s, &q))?
            .iter()
            .map(|v| cols.iter().map(|(_, k)| cell(v.get(*k))).collect())
            .collect();
        Ok(Output::List(Listing {
            columns: cols.iter().map(|(h, _)| h.to_string()).collect(),
            rows,
        }))
    }
}

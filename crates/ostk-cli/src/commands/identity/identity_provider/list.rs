//! `identity provider list` (openstackclient/identity/v3/identity_provider.py
//! ListIdentityProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;

/// List identity providers
#[derive(clap::Args, Debug)]
pub struct ListIdentityProvider {
    /// Filter identity providers by ID
    #[arg(long, value_name = "<id>")]
    id: Option<String>,
    /// List only enabled identity providers
    #[arg(long)]
    enabled: bool,
}

impl Command for ListIdentityProvider {
    const WORDS: &'static str = "identity provider list";
    const ABOUT: &'static str = "List identity providers";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query: Vec<(&str, String)> = Vec::new();
        if let Some(id) = self.id.filter(|i| !i.is_empty()) {
            query.push(("id", id));
        }
        if self.enabled {
            query.push(("enabled", "True".into()));
        }
        let session = ctx.session()?;
        let idps = ctx
            .block_on(Identity::new(&session).identity_providers(&query))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: ["ID", "Enabled", "Domain ID", "Description"]
                .map(String::from)
                .to_vec(),
            rows: idps
                .iter()
                .map(|i| {
                    vec![
                        Cell::Str(i.id.clone()),
                        i.enabled.into(),
                        i.domain_id.clone().into(),
                        i.description.clone().into(),
                    ]
                })
                .collect(),
        }))
    }
}

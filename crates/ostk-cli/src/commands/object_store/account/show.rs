//! `object store account show` (openstackclient/object/v1/account.py ShowAccount).

use super::super::{header, properties, sorted_record};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::object_store::{ObjectStore, metadata};

/// Display account details
#[derive(clap::Args, Debug)]
pub struct ShowAccount {}

impl Command for ShowAccount {
    const WORDS: &'static str = "object store account show";
    const ABOUT: &'static str = "Display account details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let swift = ObjectStore::new(&session);
        let (resp, account) = ctx.block_on(async {
            let resp = swift.head_account().await?;
            Ok::<_, ostk_sdk::client::ClientError>((resp, swift.account().await?))
        })??;
        let mut fields = Vec::new();
        let props = metadata(&resp, "x-account-meta-");
        if !props.is_empty() {
            fields.push(("properties".to_string(), properties(props)));
        }
        fields.push((
            "Containers".into(),
            header(&resp, "x-account-container-count"),
        ));
        fields.push(("Objects".into(), header(&resp, "x-account-object-count")));
        fields.push(("Bytes".into(), header(&resp, "x-account-bytes-used")));
        fields.push(("Account".into(), Cell::Str(account)));
        Ok(Output::One(sorted_record(fields)))
    }
}

//! `server show` (openstackclient/compute/v2/server.py ShowServer).

use super::{find_server, require, show_server};
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::client::Method;
use serde_json::Value;

/// Show server details. Specify ``--os-compute-api-version 2.47`` or higher to see the embedded flavor information for the server.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct ShowServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Display server diagnostics information
    #[arg(long, group = "diag")]
    diagnostics: bool,
    /// Include topology information in the output (supported by --os-compute-api-version 2.78 or above)
    #[arg(long, group = "diag", verbatim_doc_comment)]
    topology: bool,
}

/// `GET /servers/{id}/<what>` as JSON.
fn server_sub(ctx: &mut Context, id: &str, what: &str) -> Result<Value, CliError> {
    let session = ctx.session()?;
    let path = format!("servers/{id}/{what}");
    ctx.block_on(async {
        session
            .request("compute", Method::GET, &path)
            .default_microversion(ostk_sdk::compute::MICROVERSION)
            .send()
            .await
            .and_then(|r| r.json())
    })?
    .map_err(|e| sdk_error(e, None))
}

impl Command for ShowServer {
    const WORDS: &'static str = "server show";
    const ABOUT: &'static str = "Show server details.\nSpecify ``--os-compute-api-version 2.47`` or higher to see the embedded flavor information for the server.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = find_server(ctx, &self.server, false)?;
        let id = super::id_of(&server);
        if self.diagnostics {
            let diag = server_sub(ctx, &id, "diagnostics")?;
            let mut fields: Vec<(String, Cell)> = diag
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), Cell::from_json(v.clone())))
                        .collect()
                })
                .unwrap_or_default();
            fields.sort_by(|a, b| a.0.cmp(&b.0));
            return Ok(Output::One(Record { fields }));
        }
        let topology = if self.topology {
            let mv = super::microversion(ctx)?;
            require(mv.as_deref(), "2.78", "--topology option")?;
            Some(server_sub(ctx, &id, "topology")?)
        } else {
            None
        };
        let mut record = show_server(ctx, &server, false)?;
        if let Some(t) = topology {
            record
                .fields
                .push(("topology".into(), Cell::dict(t.as_object().cloned())));
            record.fields.sort_by(|a, b| a.0.cmp(&b.0));
        }
        Ok(Output::One(record))
    }
}

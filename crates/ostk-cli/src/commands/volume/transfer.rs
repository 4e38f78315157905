//! `volume transfer request …` (openstackclient/volume/v3/volume_transfer_request.py): the
//! five commands in one file (they share the record shape and lookup).

use super::{TRANSFER, VOLUME, call, cell, find, find_in, id, sdk};
use crate::commands::common::bulk;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::Method;
use ostk_sdk::volume as cinder;
use serde_json::{Value, json};

fn record(v: &Value, keys: &[&str]) -> Record {
    Record {
        fields: keys
            .iter()
            .map(|k| (k.to_string(), cell(v.get(*k))))
            .collect(),
    }
}

/// Accept volume transfer request.
#[derive(clap::Args, Debug)]
pub struct AcceptTransferRequest {
    /// Volume transfer request to accept (ID only)
    #[arg(value_name = "<transfer-request-id>")]
    transfer_request: String,
    /// Volume transfer request authentication key
    #[arg(long, value_name = "<key>", required = true)]
    auth_key: String,
}

impl Command for AcceptTransferRequest {
    const WORDS: &'static str = "volume transfer request accept";
    const ABOUT: &'static str = "Accept volume transfer request.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // the recipient usually cannot see the request: OSC falls back to the ID given
        let tid = match find(ctx, TRANSFER, &self.transfer_request) {
            Ok(t) => id(&t),
            Err(CliError::Message(m)) if m.starts_with("No Transfer found") => {
                self.transfer_request.clone()
            }
            Err(e) => return Err(e),
        };
        let s = ctx.session()?;
        let path = format!("{}/accept", cinder::item_path("volume-transfers", &tid));
        let body = json!({ "accept": { "auth_key": self.auth_key } });
        let cap = cinder::TRANSFERS.microversion;
        let v = call(ctx, cinder::call(&s, Method::POST, &path, Some(body), cap))?;
        Ok(Output::One(record(
            &v["transfer"],
            &["id", "name", "volume_id"],
        )))
    }
}

/// Create volume transfer request.
#[derive(clap::Args, Debug)]
pub struct CreateTransferRequest {
    /// New transfer request name (default to None)
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Also transfer volume snapshots (default) (supported by --os-volume-api-version 3.55 or
    /// later)
    #[arg(long, overrides_with = "no_snapshots")]
    snapshots: bool,
    /// Do not transfer volume snapshots (supported by --os-volume-api-version 3.55 or later)
    #[arg(long, overrides_with = "snapshots")]
    no_snapshots: bool,
    /// Volume to transfer (name or ID)
    #[arg(value_name = "<volume>")]
    volume: String,
}

impl Command for CreateTransferRequest {
    const WORDS: &'static str = "volume transfer request create";
    const ABOUT: &'static str = "Create volume transfer request.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let mut attrs = json!({});
        if self.snapshots || self.no_snapshots {
            if !call(ctx, cinder::supports(&s, "3.55"))? {
                return Err(CliError::Message(
                    "--os-volume-api-version 3.55 or greater is required to support the \
                     '--(no-)snapshots' option"
                        .into(),
                ));
            }
            attrs["no_snapshots"] = json!(self.no_snapshots);
        }
        let vid = id(&find(ctx, VOLUME, &self.volume)?);
        attrs["volume_id"] = json!(vid);
        attrs["name"] = json!(self.name);
        let body = json!({ "transfer": attrs });
        let cap = cinder::TRANSFERS.microversion;
        let v = call(
            ctx,
            cinder::call(&s, Method::POST, "volume-transfers", Some(body), cap),
        )?;
        let keys = ["auth_key", "created_at", "id", "name", "volume_id"];
        Ok(Output::One(record(&v["transfer"], &keys)))
    }
}

/// Delete volume transfer request(s).
#[derive(clap::Args, Debug)]
pub struct DeleteTransferRequest {
    /// Volume transfer request(s) to delete (name or ID)
    #[arg(value_name = "<transfer-request>", required = true, num_args = 1..)]
    transfer_request: Vec<String>,
}

impl Command for DeleteTransferRequest {
    const WORDS: &'static str = "volume transfer request delete";
    const ABOUT: &'static str = "Delete volume transfer request(s).";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // openstacksdk's delete_transfer takes the argument as the ID (no name lookup)
        let results = bulk::each(ctx, &self.transfer_request, |s, t| async move {
            cinder::TRANSFERS.delete(&s, &t).await.map_err(sdk)
        })?;
        let total = self.transfer_request.len();
        let mut failed = 0;
        for (t, r) in self.transfer_request.iter().zip(results) {
            if let Err(e) = r {
                failed += 1;
                tracing::error!(
                    "Failed to delete volume transfer request with name or ID '{t}': {e}"
                );
            }
        }
        if failed > 0 {
            // OSC's message has no final period here
            return Err(CliError::Message(format!(
                "{failed} of {total} volume transfer requests failed to delete"
            )));
        }
        Ok(Output::None)
    }
}

/// Lists all volume transfer requests.
#[derive(clap::Args, Debug)]
pub struct ListTransferRequest {
    /// Include all projects (admin only)
    #[arg(long)]
    all_projects: bool,
}

impl Command for ListTransferRequest {
    const WORDS: &'static str = "volume transfer request list";
    const ABOUT: &'static str = "Lists all volume transfer requests.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let q: Vec<(&str, String)> = if self.all_projects {
            vec![("all_tenants", "True".into())]
        } else {
            Vec::new()
        };
        let rows = call(ctx, cinder::TRANSFERS_DETAIL.list(&s, &q))?
            .iter()
            .map(|t| {
                ["id", "name", "volume_id"]
                    .iter()
                    .map(|k| cell(t.get(*k)))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: ["ID", "Name", "Volume"].map(String::from).to_vec(),
            rows,
        }))
    }
}

/// Show volume transfer request details.
#[derive(clap::Args, Debug)]
pub struct ShowTransferRequest {
    /// Volume transfer request to display (name or ID)
    #[arg(value_name = "<transfer-request>")]
    transfer_request: String,
}

impl Command for ShowTransferRequest {
    const WORDS: &'static str = "volume transfer request show";
    const ABOUT: &'static str = "Show volume transfer request details.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let t = ctx.block_on(find_in(&s, TRANSFER, &self.transfer_request, &[]))??;
        let keys = ["created_at", "id", "name", "volume_id"];
        Ok(Output::One(record(&t, &keys)))
    }
}

//! `server share list|show|add|remove` (openstackclient/compute/v2/server_share.py): nova's
//! share attachments (microversion 2.97+), shares looked up in manila.

use super::{find_server, id_of, microversion, supports};
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::client::{ClientError, Method, Session};
use ostk_sdk::compute::Compute;
use ostk_sdk::rest::Lookup;
use serde_json::Value;

fn require_shares(ctx: &mut Context) -> Result<(), CliError> {
    if supports(microversion(ctx)?.as_deref(), "2.97") {
        return Ok(());
    }
    Err(CliError::Message(
        "--os-compute-api-version 2.97 or greater is required to support share attachments".into(),
    ))
}

/// A manila request (`shares/…`), on the API's v2 endpoint.
async fn manila_get(s: &Session, path: &str) -> Result<Value, ClientError> {
    s.request("shared-file-system", Method::GET, path)
        .api_version("2")
        .send()
        .await?
        .json()
}

/// openstacksdk `shared_file_system.find_share(name_or_id, ignore_missing=False)`.
async fn find_share_in(s: &Session, name_or_id: &str) -> Result<Lookup, ClientError> {
    let enc: String = url::form_urlencoded::byte_serialize(name_or_id.as_bytes()).collect();
    match manila_get(s, &format!("shares/{enc}")).await {
        Ok(mut v) => {
            if let Some(share) = v.get_mut("share").map(Value::take) {
                return Ok(Lookup::Found(share));
            }
        }
        Err(e) if matches!(e.status(), Some(400 | 403 | 404)) => {}
        Err(e) => return Err(e),
    }
    let list = manila_get(s, &format!("shares/detail?name={enc}")).await?;
    let hits: Vec<Value> = list
        .get("shares")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|sh| {
            sh.get("name").and_then(Value::as_str) == Some(name_or_id)
                || sh.get("id").and_then(Value::as_str) == Some(name_or_id)
        })
        .collect();
    Ok(Lookup::from_matches(hits))
}

fn find_share(ctx: &mut Context, name_or_id: &str) -> Result<String, CliError> {
    let session = ctx.session()?;
    let r = ctx
        .block_on(find_share_in(&session, name_or_id))?
        .map_err(|e| match e {
            // openstacksdk's proxy for a service missing from the catalog
            ClientError::Catalog(m) => ClientError::Catalog(format!(
                "Service 'shared-file-system' is disabled because its configuration could not be loaded. The service is not present in the service catalog: {m}"
            )),
            other => other,
        });
    crate::commands::identity::common::found(r, "Share", name_or_id).map(|v| id_of(&v))
}

/// osc's `_get_server_share_columns`: admins (who see `uuid`) also get the UUID and the
/// export location; the unmapped `server_id` (the server asked about) stays; fields sorted
/// by display name.
fn share_record(a: &Value, server_id: &str) -> Record {
    let get = |k: &str| Cell::from_json(a.get(k).cloned().unwrap_or(Value::Null));
    let admin = a.get("uuid").is_some_and(|u| !u.is_null());
    let mut fields = vec![
        ("Share ID".to_string(), get("share_id")),
        ("Status".into(), get("status")),
        ("Tag".into(), get("tag")),
    ];
    if admin {
        fields.push(("UUID".into(), get("uuid")));
        let export = a.get("export_location").cloned().unwrap_or(Value::from(""));
        fields.push(("Export Location".into(), Cell::from_json(export)));
    }
    fields.push(("server_id".into(), Cell::Str(server_id.to_string())));
    fields.sort_by(|x, y| x.0.cmp(&y.0));
    Record { fields }
}

/// List all the shares attached to a server.
/// Requires ``--os-compute-api-version 2.97`` or later.
#[derive(clap::Args, Debug)]
pub struct ListServerShare {
    /// Server to list share mapping for (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
}

impl Command for ListServerShare {
    const WORDS: &'static str = "server share list";
    const ABOUT: &'static str = "List all the shares attached to a server.\nRequires ``--os-compute-api-version 2.97`` or later.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require_shares(ctx)?;
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let session = ctx.session()?;
        let items = ctx
            .block_on(Compute::new(&session).share_attachments(&server))?
            .map_err(|e| sdk_error(e, None))?;
        let keys = ["share_id", "status", "tag"];
        Ok(Output::List(Listing {
            columns: vec!["Share ID".into(), "Status".into(), "Tag".into()],
            rows: items
                .iter()
                .map(|a| {
                    keys.iter()
                        .map(|k| Cell::from_json(a.get(*k).cloned().unwrap_or(Value::Null)))
                        .collect()
                })
                .collect(),
        }))
    }
}

/// Show detail of a share attachment to a server.
/// Requires ``--os-compute-api-version 2.97`` or later.
#[derive(clap::Args, Debug)]
pub struct ShowServerShare {
    /// Server to show share mapping for (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Share to show details for (name or ID)
    #[arg(value_name = "<share>")]
    share: String,
}

impl Command for ShowServerShare {
    const WORDS: &'static str = "server share show";
    const ABOUT: &'static str = "Show detail of a share attachment to a server.\nRequires ``--os-compute-api-version 2.97`` or later.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require_shares(ctx)?;
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let share = find_share(ctx, &self.share)?;
        let session = ctx.session()?;
        let a = ctx
            .block_on(Compute::new(&session).get_share_attachment(&server, &share))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::One(share_record(&a, &server)))
    }
}

/// Add a share to a server.
/// Requires ``--os-compute-api-version 2.97`` or later.
#[derive(clap::Args, Debug)]
pub struct AddServerShare {
    /// Server to add share to (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Share to add (name or ID)
    #[arg(value_name = "<share>")]
    share: String,
    /// Optional tag used to mount the share, if not provided the share uuid is used as tag by default
    #[arg(long, value_name = "<tag>")]
    tag: Option<String>,
}

impl Command for AddServerShare {
    const WORDS: &'static str = "server add share";
    const ABOUT: &'static str =
        "Add a share to a server.\nRequires ``--os-compute-api-version 2.97`` or later.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require_shares(ctx)?;
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let share = find_share(ctx, &self.share)?;
        let tag = self.tag.as_deref().filter(|t| !t.is_empty());
        let session = ctx.session()?;
        let a = ctx
            .block_on(Compute::new(&session).create_share_attachment(&server, &share, tag))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::One(share_record(&a, &server)))
    }
}

/// Remove a share from a server.
/// Requires ``--os-compute-api-version 2.97`` or later.
#[derive(clap::Args, Debug)]
pub struct RemoveServerShare {
    /// Server to remove share from (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Share to remove (name or ID)
    #[arg(value_name = "<share>")]
    share: String,
}

impl Command for RemoveServerShare {
    const WORDS: &'static str = "server remove share";
    const ABOUT: &'static str =
        "Remove a share from a server.\nRequires ``--os-compute-api-version 2.97`` or later.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require_shares(ctx)?;
        let server = id_of(&find_server(ctx, &self.server, false)?);
        let share = find_share(ctx, &self.share)?;
        let session = ctx.session()?;
        ctx.block_on(Compute::new(&session).delete_share_attachment(&server, &share))?
            .map_err(|e| sdk_error(e, None))?;
        Ok(Output::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn share_columns_depend_on_admin_view() {
        let member = share_record(
            &json!({"share_id": "s", "status": "active", "tag": "t"}),
            "x",
        );
        let names: Vec<&str> = member.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Share ID", "Status", "Tag", "server_id"]);
        let admin = share_record(
            &json!({"share_id": "s", "status": "active", "tag": "t",
            "uuid": "u", "export_location": "x"}),
            "x",
        );
        let names: Vec<&str> = admin.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Export Location",
                "Share ID",
                "Status",
                "Tag",
                "UUID",
                "server_id"
            ]
        );
    }
}

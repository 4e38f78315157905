//! `server set` and `server unset` (openstackclient/compute/v2/server.py SetServer, UnsetServer).

use super::{find_server, id_of, microversion, require, supports};
use crate::commands::identity::common::sdk_error;
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::Compute;
use serde_json::{Map, Value, json};

/// `--os-compute-api-version X or greater is required to support the --opt option` when the
/// option is used.
fn need(used: bool, mv: Option<&str>, version: &str, option: &str) -> Result<(), CliError> {
    if used {
        require(mv, version, &format!("{option} option"))?;
    }
    Ok(())
}

/// getpass-style yes/no question on the terminal (osc's `ask_user_yesno`).
fn ask_yes_no(question: &str) -> Result<bool, CliError> {
    loop {
        let answer = rpassword::prompt_password(format!("{question} [y/n]: "))
            .map_err(|e| CliError::Message(format!("cannot read the answer: {e}")))?;
        match answer.as_str() {
            "y" | "Y" | "yes" => return Ok(true),
            "n" | "N" | "no" => return Ok(false),
            _ => {}
        }
    }
}

/// Set server properties
#[derive(clap::Args, Debug)]
pub struct SetServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// New server name
    #[arg(long, value_name = "<new-name>")]
    name: Option<String>,
    /// Set the server password. This option requires cloud support.
    #[arg(long, value_name = "PASSWORD", group = "pw", verbatim_doc_comment)]
    password: Option<String>,
    /// Clear the admin password for the server from the metadata service; note that this action does not actually change the server password
    #[arg(long, group = "pw")]
    no_password: bool,
    #[arg(long, group = "pw", hide = true)]
    root_password: bool,
    /// Property to add/change for this server (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value)]
    property: Vec<(String, String)>,
    /// Allow server state override without asking for confirmation
    #[arg(long)]
    auto_approve: bool,
    /// New server state.**WARNING** Resetting the state is intended to work around servers stuck in an intermediate state, such as deleting. If the server is in an error state then this is almost never the correct command to run and you should prefer hard reboot where possible. In particular, if the server is in an error state due to a move operation, setting the state can result in instances that are no longer usable. Proceed with caution. (admin only)
    #[arg(long, value_name = "<state>", value_parser = ["active", "error"], verbatim_doc_comment)]
    state: Option<String>,
    /// New server description (supported by --os-compute-api-version 2.19 or above)
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Tag for the server. Specify multiple times to add multiple tags. (supported by --os-compute-api-version 2.26 or above)
    #[arg(long, value_name = "<tag>", verbatim_doc_comment)]
    tag: Vec<String>,
    /// Hostname configured for the server in the metadata service. A separate utility running in the guest is required to propagate changes to this value to the guest OS itself (hostnames supported by --os-compute-api-version 2.90 or above, FQDNs supported by --os-compute-api-version 2.94 or above)
    #[arg(long, value_name = "<hostname>")]
    hostname: Option<String>,
    /// Pin the server to the given availability zone. The server must currently be in the given zone. To unpin, use "server unset --pinned-availability-zone" (supported by --os-compute-api-version 2.104 or above)
    #[arg(long, value_name = "<availability-zone>")]
    pinned_availability_zone: Option<String>,
}

impl Command for SetServer {
    const WORDS: &'static str = "server set";
    const ABOUT: &'static str = "Set server properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = find_server(ctx, &self.server, false)?;
        let id = id_of(&server);
        let mv = microversion(ctx)?;
        let mv = mv.as_deref();
        need(
            self.description.as_deref().is_some_and(|d| !d.is_empty()),
            mv,
            "2.19",
            "--description",
        )?;
        need(!self.tag.is_empty(), mv, "2.26", "--tag")?;
        need(
            self.hostname.as_deref().is_some_and(|h| !h.is_empty()),
            mv,
            "2.90",
            "--hostname",
        )?;
        need(
            self.pinned_availability_zone.is_some(),
            mv,
            "2.104",
            "--pinned-availability-zone",
        )?;

        let mut update = Map::new();
        for (k, v) in [
            ("name", &self.name),
            ("description", &self.description),
            ("hostname", &self.hostname),
            ("pinned_availability_zone", &self.pinned_availability_zone),
        ] {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                update.insert(k.into(), v.clone().into());
            }
        }
        let session = ctx.session()?;
        let compute = Compute::new(&session);
        if !update.is_empty() {
            ctx.block_on(compute.update_server(&id, update))?
                .map_err(|e| sdk_error(e, None))?;
        }
        if !self.property.is_empty() {
            let md: Map<String, Value> = self
                .property
                .iter()
                .map(|(k, v)| (k.clone(), v.clone().into()))
                .collect();
            ctx.block_on(compute.set_server_metadata(&id, md))?
                .map_err(|e| sdk_error(e, None))?;
        }
        if let Some(state) = &self.state {
            if !self.auto_approve
                && !ask_yes_no(
                    "Resetting the server state can make it much harder to recover a server from an error state. If the server is in error status due to a failed move operation then this is likely not the correct approach to fix the problem. Do you wish to continue?",
                )?
            {
                return Ok(Output::None);
            }
            ctx.block_on(compute.act(&id, json!({"os-resetState": {"state": state}}), None))?
                .map_err(|e| sdk_error(e, None))?;
        }
        if self.root_password {
            let p1 = rpassword::prompt_password("New password: ")
                .map_err(|e| CliError::Message(format!("cannot read the password: {e}")))?;
            let p2 = rpassword::prompt_password("Retype new password: ")
                .map_err(|e| CliError::Message(format!("cannot read the password: {e}")))?;
            if p1 != p2 {
                return Err(CliError::Message(
                    "Passwords do not match, password unchanged".into(),
                ));
            }
            ctx.block_on(compute.act(&id, json!({"changePassword": {"adminPass": p1}}), None))?
                .map_err(|e| sdk_error(e, None))?;
        } else if let Some(p) = self.password.as_deref().filter(|p| !p.is_empty()) {
            ctx.block_on(compute.act(&id, json!({"changePassword": {"adminPass": p}}), None))?
                .map_err(|e| sdk_error(e, None))?;
        } else if self.no_password {
            ctx.block_on(compute.clear_server_password(&id))?
                .map_err(|e| sdk_error(e, None))?;
        }
        for tag in &self.tag {
            ctx.block_on(compute.add_server_tag(&id, tag))?
                .map_err(|e| sdk_error(e, None))?;
        }
        Ok(Output::None)
    }
}

/// Unset server properties and tags
#[derive(clap::Args, Debug)]
pub struct UnsetServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Property key to remove from server (repeat option to remove multiple values)
    #[arg(long, value_name = "<key>", group = "props")]
    property: Vec<String>,
    /// Remove all properties
    #[arg(long, group = "props")]
    all_properties: bool,
    /// Unset server description (supported by --os-compute-api-version 2.19 or above)
    #[arg(long)]
    description: bool,
    /// Tag to remove from the server. Specify multiple times to remove multiple tags. (supported by --os-compute-api-version 2.26 or above)
    #[arg(long, value_name = "<tag>", group = "tags", verbatim_doc_comment)]
    tag: Vec<String>,
    /// Remove all tags (supported by --os-compute-api-version 2.26 or above)
    #[arg(long, group = "tags")]
    all_tags: bool,
    /// Unpin the server from its availability zone (supported by --os-compute-api-version 2.104 or above)
    #[arg(long)]
    pinned_availability_zone: bool,
}

impl Command for UnsetServer {
    const WORDS: &'static str = "server unset";
    const ABOUT: &'static str = "Unset server properties and tags";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = find_server(ctx, &self.server, false)?;
        let id = id_of(&server);
        let session = ctx.session()?;
        let compute = Compute::new(&session);
        if self.all_properties {
            ctx.block_on(compute.replace_server_metadata(&id, Map::new()))?
                .map_err(|e| sdk_error(e, None))?;
        } else {
            let mut keys = self.property.clone();
            keys.sort();
            keys.dedup();
            for k in keys {
                ctx.block_on(compute.delete_server_metadata(&id, &k))?
                    .map_err(|e| sdk_error(e, None))?;
            }
        }
        let mv = if self.description
            || self.pinned_availability_zone
            || !self.tag.is_empty()
            || self.all_tags
        {
            microversion(ctx)?
        } else {
            None
        };
        let mv = mv.as_deref();
        if self.description {
            need(true, mv, "2.19", "--description")?;
            ctx.block_on(
                compute.update_server(&id, Map::from_iter([("description".into(), "".into())])),
            )?
            .map_err(|e| sdk_error(e, None))?;
        }
        if self.pinned_availability_zone {
            need(true, mv, "2.104", "--pinned-availability-zone")?;
            ctx.block_on(compute.update_server(
                &id,
                Map::from_iter([("pinned_availability_zone".into(), Value::Null)]),
            ))?
            .map_err(|e| sdk_error(e, None))?;
        }
        if !self.tag.is_empty() || self.all_tags {
            if !supports(mv, "2.26") {
                return Err(CliError::Message(
                    "--os-compute-api-version 2.26 or greater is required to support the --tag option".into(),
                ));
            }
            for tag in &self.tag {
                ctx.block_on(compute.remove_server_tag(&id, tag))?
                    .map_err(|e| sdk_error(e, None))?;
            }
            if self.all_tags {
                ctx.block_on(compute.remove_server_tags(&id))?
                    .map_err(|e| sdk_error(e, None))?;
            }
        }
        Ok(Output::None)
    }
}

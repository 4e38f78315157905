//! `secret container create` (barbicanclient/barbican_cli/v1/containers.py CreateContainer).

use super::{consumers_cell, record, secrets_cell};
use crate::commands::key_manager::{EPILOG, barbican_error, cell, uuid_of};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::Cell;
use ostk_sdk::key_manager::KeyManager;
use serde_json::{Map, Value, json};

/// Store a container in Barbican.
#[derive(clap::Args, Debug)]
pub struct CreateContainer {
    /// a human-friendly name.
    #[arg(
        long,
        visible_short_alias = 'n',
        value_name = "NAME",
        verbatim_doc_comment
    )]
    name: Option<String>,
    /// type of container to create (default: generic).
    #[arg(
        long = "type",
        value_name = "TYPE",
        default_value = "generic",
        verbatim_doc_comment
    )]
    kind: String,
    /// one secret to store in a container (can be set multiple times). Example: --secret "private_key=https://url.test/v1/secrets/1-2-3-4"
    #[arg(long = "secret", visible_short_alias = 's', value_name = "SECRET", action = clap::ArgAction::Append)]
    secrets: Vec<String>,
}

/// `_parse_secrets`: the `name=ref` pairs (entries without exactly one `=` are dropped),
/// later names replacing earlier ones in place, as a Python dict does.
fn parse_secrets(secrets: &[String]) -> Result<Vec<(String, String)>, CliError> {
    if secrets.is_empty() {
        return Err(CliError::Message("Must supply at least one secret.".into()));
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for s in secrets.iter().filter(|s| s.matches('=').count() == 1) {
        let (k, v) = s.split_once('=').unwrap_or_default();
        match out.iter_mut().find(|(n, _)| n == k) {
            Some(slot) => slot.1 = v.to_string(),
            None => out.push((k.to_string(), v.to_string())),
        }
    }
    Ok(out)
}

impl Command for CreateContainer {
    const WORDS: &'static str = "secret container create";
    const ABOUT: &'static str = "Store a container in Barbican.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = EPILOG;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if !["generic", "rsa", "certificate"].contains(&self.kind.as_str()) {
            return Err(CliError::Message(
                "Invalid container type specified.".into(),
            ));
        }
        if self.kind != "generic" {
            return Err(CliError::Message(format!(
                "ostk does not create {} containers yet; use --type generic",
                self.kind
            )));
        }
        let refs = parse_secrets(&self.secrets)?;
        // the client looks each secret up by its reference first
        for (_, r) in &refs {
            uuid_of(r, "Secret").map_err(|_| {
                CliError::Message(
                    "One or more of the provided secret_refs could not be retrieved!".into(),
                )
            })?;
        }
        let mut attrs = Map::new();
        if let Some(n) = self.name.as_ref().filter(|n| !n.is_empty()) {
            attrs.insert("name".into(), json!(n));
        }
        attrs.insert("type".into(), json!(self.kind));
        attrs.insert(
            "secret_refs".into(),
            Value::Array(
                refs.iter()
                    .map(|(n, r)| json!({ "name": n.to_lowercase(), "secret_ref": r }))
                    .collect(),
            ),
        );
        let session = ctx.session()?;
        let km = KeyManager::new(&session);
        let href = ctx
            .block_on(km.create_container(attrs))?
            .map_err(barbican_error)?;
        // what the client prints after storing: its own name and secrets, the status from one
        // re-read, no creation time and no consumers (both read before that re-read)
        let uuid = uuid_of(&href, "Container")?;
        let back = ctx.block_on(km.container(&uuid))?.map_err(barbican_error)?;
        let name = match self.name.as_deref().filter(|n| !n.is_empty()) {
            Some(n) => Cell::Str(n.into()),
            None => cell(&back, "name"),
        };
        Ok(Output::One(record(vec![
            Cell::Str(href),
            name,
            Cell::None,
            cell(&back, "status"),
            Cell::Str(self.kind.clone()),
            secrets_cell(refs.iter().map(|(n, r)| (Some(n.as_str()), r.as_str()))),
            consumers_cell(&Value::Null),
        ])))
    }
}

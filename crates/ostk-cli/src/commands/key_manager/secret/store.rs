//! `secret store` (barbicanclient/barbican_cli/v1/secrets.py StoreSecret).

use super::record;
use crate::commands::key_manager::{EPILOG, barbican_error, isotime, uuid_of};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::key_manager::{KeyManager, base64_payload};
use serde_json::{Map, Value, json};

/// Store a secret in Barbican.
#[derive(clap::Args, Debug)]
pub struct StoreSecret {
    /// a human-friendly name.
    #[arg(
        long,
        visible_short_alias = 'n',
        value_name = "NAME",
        verbatim_doc_comment
    )]
    name: Option<String>,
    /// the secret type; must be one of symmetric, public, private, certificate, passphrase, opaque (default)
    #[arg(
        long,
        visible_short_alias = 's',
        value_name = "SECRET_TYPE",
        default_value = "opaque"
    )]
    secret_type: String,
    /// the type/format of the provided secret data; "text/plain" is assumed to be UTF-8; required when --payload is supplied.
    #[arg(
        long,
        visible_short_alias = 't',
        value_name = "PAYLOAD_CONTENT_TYPE",
        verbatim_doc_comment
    )]
    payload_content_type: Option<String>,
    /// required if --payload-content-type is "application/octet-stream".
    #[arg(
        long,
        visible_short_alias = 'e',
        value_name = "PAYLOAD_CONTENT_ENCODING",
        verbatim_doc_comment
    )]
    payload_content_encoding: Option<String>,
    /// the algorithm (default: aes).
    #[arg(
        long,
        visible_short_alias = 'a',
        value_name = "ALGORITHM",
        default_value = "aes",
        verbatim_doc_comment
    )]
    algorithm: String,
    /// the bit length (default: 256).
    #[arg(
        long,
        visible_short_alias = 'b',
        value_name = "BIT_LENGTH",
        default_value_t = 256,
        verbatim_doc_comment
    )]
    bit_length: i64,
    /// the algorithm mode; used only for reference (default: cbc)
    #[arg(
        long,
        visible_short_alias = 'm',
        value_name = "MODE",
        default_value = "cbc"
    )]
    mode: String,
    /// the expiration time for the secret in ISO 8601 format.
    #[arg(
        long,
        visible_short_alias = 'x',
        value_name = "EXPIRATION",
        verbatim_doc_comment
    )]
    expiration: Option<String>,
    /// the unencrypted secret data.
    #[arg(
        long,
        visible_short_alias = 'p',
        value_name = "PAYLOAD",
        group = "data",
        verbatim_doc_comment
    )]
    payload: Option<String>,
    /// file containing the secret payload
    #[arg(
        long,
        visible_short_alias = 'F',
        value_name = "<filename>",
        group = "data"
    )]
    file: Option<String>,
}

impl Command for StoreSecret {
    const WORDS: &'static str = "secret store";
    const ABOUT: &'static str = "Store a secret in Barbican.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = EPILOG;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // `args.payload.encode() if args.payload else file data`: an empty --payload is none
        let data: Option<Vec<u8>> = match (&self.payload, &self.file) {
            (Some(p), _) if !p.is_empty() => Some(p.clone().into_bytes()),
            (_, Some(f)) => Some(
                std::fs::read(f).map_err(|e| CliError::Message(format!("[Errno 2] {e}: '{f}'")))?,
            ),
            _ => None,
        };
        if data.as_ref().is_some_and(|d| d.is_empty()) {
            return Err(CliError::Message(
                "Invalid Payload: Cannot Be Empty String".into(),
            ));
        }
        let mut attrs = Map::new();
        let mut put = |k: &str, v: Value| {
            if !v.is_null() {
                attrs.insert(k.to_string(), v);
            }
        };
        put("name", json!(self.name));
        put("algorithm", json!(self.algorithm));
        put("mode", json!(self.mode));
        put("bit_length", json!(self.bit_length));
        put("secret_type", json!(self.secret_type));
        put("expiration", json!(self.expiration));
        if self.payload_content_type.is_some() || self.payload_content_encoding.is_some() {
            // the deprecated explicit form: the payload goes as text, with the given types
            put(
                "payload",
                json!(data.map(|d| String::from_utf8_lossy(&d).into_owned())),
            );
            put("payload_content_type", json!(self.payload_content_type));
            put(
                "payload_content_encoding",
                json!(self.payload_content_encoding),
            );
        } else if let Some(d) = data {
            put("payload", json!(base64_payload(&d)));
            put("payload_content_type", json!("application/octet-stream"));
            put("payload_content_encoding", json!("base64"));
        }
        let session = ctx.session()?;
        let km = KeyManager::new(&session);
        let href = ctx
            .block_on(km.store_secret(attrs))?
            .map_err(barbican_error)?;
        // the client shows what it sent when it has a name; without one its first look at
        // the secret's properties fetches them from barbican
        let shown = match self.name.as_deref().filter(|n| !n.is_empty()) {
            Some(name) => json!({
                "secret_ref": href,
                "name": name,
                "content_types": self
                    .payload_content_type
                    .as_ref()
                    .map(|t| json!({ "default": t })),
                "algorithm": self.algorithm,
                "bit_length": self.bit_length,
                "secret_type": self.secret_type,
                "mode": self.mode,
                "expiration": self.expiration.as_deref().map(isotime),
            }),
            None => {
                let uuid = uuid_of(&href, "Secret")?;
                ctx.block_on(km.secret(&uuid))?.map_err(barbican_error)?
            }
        };
        Ok(Output::One(record(&shown)))
    }
}

//! `secret get` (barbicanclient/barbican_cli/v1/secrets.py GetSecret).

use super::record;
use crate::commands::key_manager::{EPILOG, barbican_error, uuid_of};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::key_manager::KeyManager;

/// Retrieve a secret by providing its URI.
#[derive(clap::Args, Debug)]
pub struct GetSecret {
    /// The URI reference for the secret.
    #[arg(value_name = "URI", verbatim_doc_comment)]
    uri: String,
    /// if specified, retrieve the unencrypted secret data.
    #[arg(long, visible_short_alias = 'd', group = "data", verbatim_doc_comment)]
    decrypt: bool,
    /// if specified, retrieve the unencrypted secret data.
    #[arg(long, visible_short_alias = 'p', group = "data", verbatim_doc_comment)]
    payload: bool,
    /// if specified, save the payload to a new file with the given filename.
    #[arg(
        long,
        visible_short_alias = 'F',
        value_name = "<filename>",
        group = "data",
        verbatim_doc_comment
    )]
    file: Option<String>,
    /// the content type of the decrypted secret (default: text/plain).
    #[arg(
        long = "payload_content_type",
        visible_short_alias = 't',
        value_name = "PAYLOAD_CONTENT_TYPE",
        default_value = "text/plain",
        verbatim_doc_comment
    )]
    payload_content_type: String,
}

/// Python's `repr()` of bytes (`b'\x00ab'`), how the plugin shows a payload that is not text.
fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = format!("b{quote}");
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            c => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

impl Command for GetSecret {
    const WORDS: &'static str = "secret get";
    const ABOUT: &'static str = "Retrieve a secret by providing its URI.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = EPILOG;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let uuid = uuid_of(&self.uri, "Secret")?;
        let session = ctx.session()?;
        let km = KeyManager::new(&session);
        if !(self.decrypt || self.payload || self.file.is_some()) {
            let s = ctx.block_on(km.secret(&uuid))?.map_err(barbican_error)?;
            return Ok(Output::One(record(&s)));
        }
        let data = ctx
            .block_on(km.payload(&uuid, &self.payload_content_type))?
            .map_err(barbican_error)?;
        if let Some(f) = &self.file {
            if std::path::Path::new(f).exists() {
                return Err(CliError::Message("ERROR: file already exists.".into()));
            }
            std::fs::write(f, &data).map_err(|e| CliError::Message(format!("{f}: {e}")))?;
            return Ok(Output::None);
        }
        let shown = if self.payload_content_type == "text/plain" {
            String::from_utf8(data).map_err(|e| {
                CliError::Message(format!("'utf-8' codec can't decode the payload: {e}"))
            })?
        } else {
            bytes_repr(&data)
        };
        Ok(Output::One(Record {
            fields: vec![("Payload".into(), Cell::Str(shown))],
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::bytes_repr;

    #[test]
    fn binary_payloads_read_as_python_bytes() {
        assert_eq!(bytes_repr(b"ab\x00\n'"), r#"b"ab\x00\n'""#);
        assert_eq!(bytes_repr(b"x\\y"), r"b'x\\y'");
    }
}

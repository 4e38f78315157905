//! `keypair create` (openstackclient/compute/v2/keypair.py CreateKeypair).

use crate::commands::compute::common::{require_for_option, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::keypair;
use serde_json::{Map, json};

/// Create new public or private key for server ssh access
#[derive(clap::Args, Debug)]
pub struct CreateKeypair {
    /// New public or private key name
    #[arg(value_name = "<name>")]
    name: String,
    /// Filename for public key to add. If not used, generates a private key in ssh-ed25519 format. To generate keys in other formats, including the legacy ssh-rsa format, you must use an external tool such as ssh-keygen and specify this argument.
    #[arg(long, value_name = "<file>", group = "key", verbatim_doc_comment)]
    public_key: Option<String>,
    /// Filename for private key to save. If not used, print private key in console.
    #[arg(long, value_name = "<file>", group = "key", verbatim_doc_comment)]
    private_key: Option<String>,
    /// Keypair type (supported by --os-compute-api-version 2.2 or above)
    #[arg(long, value_name = "<type>", value_parser = ["ssh", "x509"])]
    r#type: Option<String>,
    /// The owner of the keypair (admin only) (name or ID) (supported by --os-compute-api-version 2.10 or above)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
}

/// Python's `os.path.expanduser` for `~` and `~/…`.
fn expanduser(ctx: &Context, p: &str) -> String {
    match (p.strip_prefix('~'), ctx.env.get("HOME")) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
            format!("{home}{rest}")
        }
        _ => p.to_string(),
    }
}

/// Python's `str(OSError)`: `[Errno 2] No such file or directory: 'path'`.
fn os_error(e: &std::io::Error, path: &str) -> String {
    match e.raw_os_error() {
        Some(n) => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text).to_string();
            format!("[Errno {n}] {text}: {}", ostk_output::py_repr_str(path))
        }
        None => e.to_string(),
    }
}

/// Writes the private key readable by its owner only.
fn write_private(path: &str, key: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(key.as_bytes())
}

impl Command for CreateKeypair {
    const WORDS: &'static str = "keypair create";
    const ABOUT: &'static str = "Create new public or private key for server ssh access";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        attrs.insert("name".into(), json!(self.name));
        let mut generated = None;
        if let Some(p) = self.public_key.as_ref().filter(|p| !p.is_empty()) {
            let path = expanduser(ctx, p);
            let key = std::fs::read_to_string(&path).map_err(|e| {
                CliError::Message(format!("Key file {p} not found: {}", os_error(&e, &path)))
            })?;
            attrs.insert("public_key".into(), json!(key));
        } else {
            let g = keypair::generate().map_err(CliError::Message)?;
            attrs.insert("public_key".into(), json!(g.public_key));
            if let Some(p) = self.private_key.as_ref().filter(|p| !p.is_empty()) {
                let path = expanduser(ctx, p);
                write_private(&path, &g.private_key).map_err(|e| {
                    CliError::Message(format!(
                        "Key file {p} can not be saved: {}",
                        os_error(&e, &path)
                    ))
                })?;
            }
            generated = Some(g);
        }
        if self.r#type.is_some() {
            require_for_option(ctx, "2.2", "--type")?;
            // OSC passes it to openstacksdk as `key_type`, which is no Keypair attribute:
            // it never reaches nova, and the key is created with nova's default type.
        }
        if let Some(u) = &self.user {
            require_for_option(ctx, "2.10", "--user")?;
            let id = crate::commands::identity::common::find_user_id(
                ctx,
                u,
                self.user_domain.as_deref(),
                true,
            )?;
            attrs.insert("user_id".into(), json!(id));
        }
        let session = ctx.session()?;
        let k = ctx
            .block_on(keypair::KEYPAIRS.create(&session, attrs))?
            .map_err(sdk)?;
        let files_given = self.public_key.as_ref().is_some_and(|p| !p.is_empty())
            || self.private_key.as_ref().is_some_and(|p| !p.is_empty());
        match generated {
            Some(g) if !files_given => Ok(Output::TextThen(
                g.private_key,
                Box::new(Output::One(Default::default())),
            )),
            _ => Ok(Output::One(super::record(&k, true, true))),
        }
    }
}

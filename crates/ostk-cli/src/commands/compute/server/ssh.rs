//! `server ssh` (openstackclient/compute/v2/server.py SshServer): picks the server's address
//! of the wanted type and family, then runs `ssh <ip> <args…>` through the shell (osc's
//! `os.system`), whatever its outcome.

use super::find_server;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use serde_json::Value;

/// SSH to server
#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("family").multiple(false)))]
#[command(group(clap::ArgGroup::new("kind").multiple(false)))]
pub struct SshServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    #[arg(long, short = 'l', value_name = "<login-name>", hide = true)]
    login: Option<String>,
    #[arg(long, short = 'p', value_name = "<port>", hide = true)]
    port: Option<i64>,
    #[arg(long, short = 'i', value_name = "<keyfile>", hide = true)]
    identity: Option<String>,
    #[arg(long, short = 'o', value_name = "<config-options>", hide = true)]
    option: Option<String>,
    /// Use only IPv4 addresses
    #[arg(short = '4', group = "family")]
    ipv4: bool,
    /// Use only IPv6 addresses
    #[arg(short = '6', group = "family")]
    ipv6: bool,
    /// Use public IP address
    #[arg(long, group = "kind")]
    public: bool,
    /// Use private IP address
    #[arg(long, group = "kind")]
    private: bool,
    /// Use other IP address (public, private, etc)
    #[arg(long, value_name = "<address-type>", group = "kind")]
    address_type: Option<String>,
    #[arg(short = 'v', hide = true)]
    verbose: bool,
    /// Any argument or option that ssh allows. Use -- once between openstackclient args and SSH args.
    #[arg(value_name = "-- <standard ssh args>", num_args = 0.., verbatim_doc_comment)]
    ssh_args: Vec<String>,
}

/// The address family list as Python prints it (`[4, 6]`).
fn families_repr(f: &[u64]) -> String {
    let items: Vec<String> = f.iter().map(u64::to_string).collect();
    format!("[{}]", items.join(", "))
}

/// osc's `_get_ip_address`: a network named like the type first (old style), then the
/// addresses whose `OS-EXT-IPS:type` is `floating` (public) / `fixed` (private) / the type.
fn ip_address(addresses: &Value, address_type: &str, families: &[u64]) -> Result<String, CliError> {
    let version_ok = |a: &Value| {
        let v = match a.get("version") {
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(s)) => s.parse().ok(),
            _ => None,
        };
        v.is_some_and(|v| families.contains(&v))
    };
    let addr = |a: &Value| {
        a.get("addr")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let empty = serde_json::Map::new();
    let nets = addresses.as_object().unwrap_or(&empty);
    if let Some(list) = nets.get(address_type).and_then(Value::as_array)
        && let Some(a) = list.iter().find(|a| version_ok(a))
    {
        return Ok(addr(a));
    }
    let wanted = match address_type {
        "public" => "floating",
        "private" => "fixed",
        other => other,
    };
    for list in nets.values() {
        let Some(list) = list.as_array() else {
            continue;
        };
        for a in list {
            if let Some(s) = a.as_str() {
                let pick = if wanted == "fixed" {
                    list.first()
                } else {
                    list.last()
                };
                return Ok(pick.and_then(Value::as_str).unwrap_or(s).to_string());
            }
            match a.get("OS-EXT-IPS:type").and_then(Value::as_str) {
                Some(t) if t == wanted && version_ok(a) => return Ok(addr(a)),
                _ => {}
            }
        }
    }
    Err(CliError::Message(format!(
        "ERROR: No {address_type} IP version {} address found",
        families_repr(families)
    )))
}

impl SshServer {
    /// The ssh command line osc would run.
    fn command_line(&self, addresses: &Value, username: &str) -> Result<String, CliError> {
        let families: &[u64] = if self.ipv6 {
            &[6]
        } else if self.ipv4 {
            &[4]
        } else {
            &[4, 6]
        };
        let mut args = self.ssh_args.clone();
        if let Some(p) = self.port.filter(|p| *p != 0) {
            args.extend(["-p".to_string(), p.to_string()]);
        }
        if let Some(i) = self.identity.as_deref().filter(|i| !i.is_empty()) {
            args.extend(["-i".to_string(), i.to_string()]);
        }
        if let Some(o) = self.option.as_deref().filter(|o| !o.is_empty()) {
            args.extend(["-o".to_string(), o.to_string()]);
        }
        if let Some(l) = self.login.as_deref().filter(|l| !l.is_empty()) {
            args.extend(["-l".to_string(), l.to_string()]);
        } else if !args.iter().any(|a| a == "-l") {
            args.extend(["-l".to_string(), username.to_string()]);
        }
        if self.verbose {
            args.push("-v".into());
        }
        let kind = if self.private {
            "private"
        } else {
            self.address_type.as_deref().unwrap_or("public")
        };
        let ip = ip_address(addresses, kind, families)?;
        let mut words = vec!["ssh".to_string(), ip];
        words.extend(args);
        Ok(words.join(" "))
    }
}

impl Command for SshServer {
    const WORDS: &'static str = "server ssh";
    const ABOUT: &'static str = "SSH to server";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = find_server(ctx, &self.server, false)?;
        let deprecated = self.port.is_some_and(|p| p != 0)
            || [&self.identity, &self.option, &self.login]
                .iter()
                .any(|o| o.as_deref().is_some_and(|s| !s.is_empty()))
            || self.verbose;
        if deprecated {
            tracing::warn!(
                "The ssh options have been deprecated. The ssh equivalent options can be used instead as arguments after \"--\" on the command line."
            );
        }
        let session = ctx.session()?;
        let access = ctx.block_on(session.access())??;
        let username = access.user_name.clone().unwrap_or_default();
        let addresses = server.get("addresses").cloned().unwrap_or(Value::Null);
        let cmd = self.command_line(&addresses, &username)?;
        tracing::debug!("ssh command: {cmd}");
        // osc hands the line to the user's shell on purpose (arguments pass through) and
        // ignores how ssh ended
        let _ = std::process::Command::new("/bin/sh")
            .arg("-c")
            .arg(&cmd)
            .status();
        Ok(Output::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn addrs() -> Value {
        json!({"private": [
            {"version": 4, "addr": "10.0.0.5", "OS-EXT-IPS:type": "fixed"},
            {"version": 6, "addr": "fd00::5", "OS-EXT-IPS:type": "fixed"},
            {"version": 4, "addr": "172.24.4.9", "OS-EXT-IPS:type": "floating"}
        ]})
    }

    #[test]
    fn addresses_by_type_and_family() {
        assert_eq!(
            ip_address(&addrs(), "public", &[4, 6]).unwrap(),
            "172.24.4.9"
        );
        assert_eq!(ip_address(&addrs(), "private", &[6]).unwrap(), "fd00::5");
        assert_eq!(ip_address(&addrs(), "fixed", &[4]).unwrap(), "10.0.0.5");
        assert_eq!(
            ip_address(&addrs(), "public", &[6])
                .unwrap_err()
                .to_string(),
            "ERROR: No public IP version [6] address found"
        );
        let old = json!({"net": ["1.1.1.1", "2.2.2.2"]});
        assert_eq!(ip_address(&old, "private", &[4]).unwrap(), "1.1.1.1");
        assert_eq!(ip_address(&old, "public", &[4]).unwrap(), "2.2.2.2");
    }
}

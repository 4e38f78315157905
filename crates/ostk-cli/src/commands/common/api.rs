//! `api` (ostk only): an authenticated request to a service's catalog endpoint — the curl
//! workflow of copying a token and an endpoint, without copying either. JSON answers are
//! pretty-printed; other answers are printed as they are.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;

/// Send an authenticated request to a service (ostk only)
#[derive(clap::Args, Debug)]
pub struct Api {
    /// HTTP method (default: GET, or POST when --data is given)
    #[arg(short = 'X', long = "method", value_name = "<method>")]
    method: Option<String>,
    /// Extra request header "Name: value" (repeat option to set multiple headers)
    #[arg(short = 'H', long = "header", value_name = "<header>")]
    headers: Vec<String>,
    /// Request body: JSON text, @<file> to read it from a file, or @- from stdin
    #[arg(short = 'd', long = "data", value_name = "<data>")]
    data: Option<String>,
    /// Microversion to request (e.g. 2.79, or latest); --os-<service>-api-version also works
    #[arg(long, value_name = "<version>")]
    microversion: Option<String>,
    /// Print the response status line and headers before the body
    #[arg(short = 'i', long)]
    include: bool,
    /// Service type as in the catalog (compute, image, network, volumev3, object-store…)
    #[arg(value_name = "<service-type>")]
    service_type: String,
    /// Path below the service's endpoint (/servers/detail), or an absolute URL
    #[arg(value_name = "<path>")]
    path: String,
}

fn body_of(data: &str) -> Result<Vec<u8>, CliError> {
    match data.strip_prefix('@') {
        Some("-") => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|e| {
                CliError::Message(format!("cannot read the request body from stdin: {e}"))
            })?;
            Ok(buf)
        }
        Some(file) => std::fs::read(file).map_err(|e| {
            CliError::Message(format!("cannot read the request body from {file}: {e}"))
        }),
        None => Ok(data.as_bytes().to_vec()),
    }
}

impl Command for Api {
    const WORDS: &'static str = "api";
    const ABOUT: &'static str = "Send an authenticated request to a service (ostk only).\nThe request goes to the service's endpoint from the catalog (region, interface and endpoint overrides apply), with the session's token and the microversion asked for. JSON answers are pretty-printed. Example: openstack api compute /flavors";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let method = self
            .method
            .as_deref()
            .unwrap_or(if self.data.is_some() { "POST" } else { "GET" })
            .to_ascii_uppercase();
        let method = Method::from_bytes(method.as_bytes())
            .map_err(|_| CliError::Message(format!("invalid HTTP method: {method}")))?;
        let mut headers = Vec::new();
        for h in &self.headers {
            let Some((k, v)) = h.split_once(':').filter(|(k, _)| !k.trim().is_empty()) else {
                return Err(CliError::Message(format!(
                    "invalid header {h:?}: expected \"Name: value\""
                )));
            };
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
        let body = self.data.as_deref().map(body_of).transpose()?;
        // `/` alone names the endpoint itself (`api object-store /` lists the account).
        let path = if self.path == "/" {
            ""
        } else {
            self.path.as_str()
        };
        let session = ctx.session()?;
        let mut req = session.request(&self.service_type, method, path);
        for (k, v) in headers {
            req = req.header(&k, v);
        }
        if let Some(mv) = &self.microversion {
            req = req.microversion(mv);
        }
        if let Some(b) = body {
            let json = serde_json::from_slice::<serde_json::Value>(&b).is_ok();
            req = req.body(
                b,
                if json {
                    "application/json"
                } else {
                    "application/octet-stream"
                },
            );
        }
        let resp = ctx.block_on(req.send())??;
        let mut out = String::new();
        if self.include {
            out.push_str(&format!("HTTP {}\n", resp.status));
            for (k, v) in &resp.headers {
                out.push_str(&format!("{k}: {v}\n"));
            }
            out.push('\n');
        }
        let is_json = resp
            .header("content-type")
            .is_some_and(|c| c.starts_with("application/json"));
        match serde_json::from_slice::<serde_json::Value>(&resp.body) {
            Ok(v) if is_json => {
                out.push_str(&serde_json::to_string_pretty(&v).unwrap_or_default());
                out.push('\n');
            }
            _ => out.push_str(&String::from_utf8_lossy(&resp.body)),
        }
        Ok(Output::Text(out))
    }
}

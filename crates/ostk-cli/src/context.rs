//! What a running command can reach: the global options, the environment snapshot and, lazily,
//! the resolved cloud configuration and the authenticated session (with the async runtime it
//! runs on). Nothing here does I/O until a command asks for it; commands that never touch the
//! network never start a runtime.

use crate::{
    error::CliError,
    globals::{GlobalValue, Split},
};
use ostk_sdk::client::{Session, SessionOptions, TokenCache};
use ostk_sdk::config::{ArgValue, Args, CloudConfig, Env, Fs};
use std::sync::Arc;

/// Per-invocation state handed to commands.
pub struct Context {
    /// Program name as invoked (`ostk` or `openstack`).
    pub prog: String,
    /// Global options given on the command line.
    pub globals: Split,
    /// Environment snapshot taken once at start-up (the only reader of the process env).
    pub env: Env,
    /// Width argparse-style help is laid out to.
    pub help_width: usize,
    /// The `-c/--column` values given (a few listers add columns on request, as osc's
    /// `server list -c "Project ID"` does).
    pub requested_columns: Vec<String>,
    /// The parsed arguments of the command being run, for the rare command that needs the
    /// relative order of different options (`server create --network … --port … --nic …`).
    pub matches: Option<clap::ArgMatches>,
    config: Option<CloudConfig>,
    session: Option<Arc<Session>>,
    runtime: Option<tokio::runtime::Runtime>,
}

impl Context {
    /// A context for one invocation.
    pub fn new(prog: String, globals: Split, env: Env, help_width: usize) -> Self {
        Context {
            prog,
            globals,
            env,
            help_width,
            requested_columns: Vec::new(),
            matches: None,
            config: None,
            session: None,
            runtime: None,
        }
    }

    /// The global flags as `ostk-config` takes them: long name → value, only those given.
    pub fn config_args(&self) -> Args {
        let mut args = Args::new();
        for (long, value) in &self.globals.globals {
            if crate::globals::OSTK_ONLY.contains(long) {
                continue;
            }
            let v = match value {
                GlobalValue::Flag => ArgValue::Bool(true),
                GlobalValue::Count(1) => ArgValue::Bool(true),
                GlobalValue::Count(n) => ArgValue::Str(n.to_string()),
                GlobalValue::Value(s) => ArgValue::Str(s.clone()),
            };
            args.set(long, v);
        }
        args
    }

    /// The cloud configuration, resolved on first use (clouds.yaml, secure.yaml, vendor
    /// profiles, `OS_*`, flags). Warnings (skipped files…) are logged once.
    pub fn config(&mut self) -> Result<&CloudConfig, CliError> {
        if self.config.is_none() {
            let cwd = std::env::current_dir().map_err(|e| {
                CliError::Message(format!("cannot read the current directory: {e}"))
            })?;
            let args = self.config_args();
            let fs = Fs::from_env(&self.env, cwd);
            let resolved = match CloudConfig::resolve_reporting(&args, &self.env, &fs) {
                // A remote vendor profile (`profile: https://…`, `ovh`) must be fetched: only
                // then is the async runtime started.
                Err((ostk_sdk::config::ConfigError::RemoteProfile { .. }, _)) => {
                    let env = self.env.clone();
                    self.block_on(ostk_sdk::resolve_config(&args, &env, fs))?
                        .map_err(|(e, w)| (CliError::from(e), w))
                }
                other => other.map_err(|(e, w)| (CliError::from(e), w)),
            };
            let cfg = match resolved {
                Ok(cfg) => cfg,
                Err((e, warnings)) => {
                    for w in warnings {
                        tracing::warn!("{w}");
                    }
                    return Err(e);
                }
            };
            for w in cfg.warnings() {
                tracing::warn!("{w}");
            }
            self.config = Some(cfg);
        }
        Ok(self.config.as_ref().expect("set above"))
    }

    /// Whether the token cache may be used: not with `--no-token-cache`, nor with
    /// `OSTK_NO_TOKEN_CACHE` set to a true value.
    pub fn token_cache_enabled(&self) -> bool {
        if self.globals.flag("no-token-cache") {
            return false;
        }
        !matches!(
            self.env
                .get("OSTK_NO_TOKEN_CACHE")
                .map(|v| v.trim().to_ascii_lowercase())
                .as_deref(),
            Some("1" | "true" | "yes" | "on")
        )
    }

    /// The token cache of this user, unless disabled.
    pub fn token_cache(&self) -> Option<TokenCache> {
        if !self.token_cache_enabled() {
            return None;
        }
        TokenCache::for_user(self.env.get("XDG_CACHE_HOME"), self.env.get("HOME"))
    }

    /// The authenticated session, built on first use from [`Context::config`]. Authentication
    /// itself happens on the first request (or cache hit).
    pub fn session(&mut self) -> Result<Arc<Session>, CliError> {
        if let Some(s) = &self.session {
            return Ok(s.clone());
        }
        let cache = self.token_cache();
        let cfg = self.config()?;
        let opts = SessionOptions {
            token_cache: cache,
            ..SessionOptions::default()
        };
        let prompt = ostk_sdk::client::auth::prompt_password_tty;
        let session = Arc::new(Session::from_config(cfg, opts, Some(&prompt))?);
        self.session = Some(session.clone());
        Ok(session)
    }

    /// Requests made by this invocation (for `--timing`); `None` when no session was opened
    /// (osc-lib prints no report then either).
    pub fn timings(&self) -> Option<Vec<ostk_sdk::client::http::Timing>> {
        self.session.as_ref().map(|s| s.http().timings())
    }

    /// Runs a future to completion on the invocation's single-threaded runtime (created on
    /// first use).
    pub fn block_on<F: std::future::Future>(&mut self, f: F) -> Result<F::Output, CliError> {
        if self.runtime.is_none() {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| CliError::Message(format!("cannot start the async runtime: {e}")))?;
            self.runtime = Some(rt);
        }
        Ok(self.runtime.as_ref().expect("set above").block_on(f))
    }

    /// As [`Context::block_on`], but Ctrl-C drops the future (a download's temporary file goes
    /// with it) and ends the command with exit code 130 and `what` as its one line. Only for
    /// work that has nothing to undo on the cloud: an upload cleans up after itself instead.
    pub fn block_on_interruptible<F: std::future::Future>(
        &mut self,
        f: F,
        what: &str,
    ) -> Result<F::Output, CliError> {
        let interrupted = ostk_sdk::client::ClientError::Interrupted(what.to_string());
        self.block_on(async {
            tokio::select! {
                biased;
                r = f => Ok(r),
                _ = tokio::signal::ctrl_c() => Err(interrupted),
            }
        })?
        .map_err(CliError::from)
    }
}

//! What a running command can reach: the global options, the environment snapshot and, lazily,
//! the resolved cloud configuration. Nothing here does I/O until a command asks for it.

use crate::{
    error::CliError,
    globals::{GlobalValue, Split},
};
use ostk_sdk::config::{ArgValue, Args, CloudConfig, Env, Fs};

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
    config: Option<CloudConfig>,
}

impl Context {
    /// A context for one invocation.
    pub fn new(prog: String, globals: Split, env: Env, help_width: usize) -> Self {
        Context {
            prog,
            globals,
            env,
            help_width,
            config: None,
        }
    }

    /// The global flags as `ostk-config` takes them: long name → value, only those given.
    pub fn config_args(&self) -> Args {
        let mut args = Args::new();
        for (long, value) in &self.globals.globals {
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
            let fs = Fs::from_env(&self.env, cwd);
            let cfg = CloudConfig::resolve_reporting(&self.config_args(), &self.env, &fs).map_err(
                |(e, warnings)| {
                    for w in warnings {
                        tracing::warn!("{w}");
                    }
                    e
                },
            )?;
            for w in cfg.warnings() {
                tracing::warn!("{w}");
            }
            self.config = Some(cfg);
        }
        Ok(self.config.as_ref().expect("set above"))
    }
}

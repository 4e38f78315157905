//! What a running command can reach: the global options, the environment snapshot and, lazily,
//! the resolved cloud configuration. Nothing here does I/O until a command asks for it.

use crate::globals::Split;
use std::collections::BTreeMap;

/// Per-invocation state handed to commands.
pub struct Context {
    /// Program name as invoked (`ostk` or `openstack`).
    pub prog: String,
    /// Global options given on the command line.
    pub globals: Split,
    /// Environment snapshot taken once at start-up.
    pub env: BTreeMap<String, String>,
    /// Width argparse-style help is laid out to.
    pub help_width: usize,
}

impl Context {
    /// A context for one invocation.
    pub fn new(
        prog: String,
        globals: Split,
        env: BTreeMap<String, String>,
        help_width: usize,
    ) -> Self {
        Context {
            prog,
            globals,
            env,
            help_width,
        }
    }
}

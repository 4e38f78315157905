//! The one error type of the CLI layer. Rendering (python-openstackclient's wording, exit
//! codes) happens once, in `lib.rs`.

/// Errors a command run can end with.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad command-line usage: argparse prints the usage, then `prog: error: message`; exit 2.
    #[error("{message}")]
    Usage {
        /// The usage block of the command.
        usage: String,
        /// `openstack server list`.
        prog: String,
        /// argparse's message.
        message: String,
    },
    /// Words that are no command; exit 2 with suggestions.
    #[error("unknown command")]
    UnknownCommand {
        /// The words as typed.
        words: String,
        /// Close command names.
        suggestions: Vec<String>,
    },
    /// Output formatting failed (unknown column…).
    #[error(transparent)]
    Output(#[from] ostk_output::OutputError),
    /// Cloud configuration could not be resolved.
    #[error(transparent)]
    Config(#[from] ostk_sdk::config::ConfigError),
    /// A request, authentication or endpoint failure (worded as keystoneauth/osc-lib word it:
    /// `Forbidden (HTTP 403) (Request-ID: req-…)`).
    #[error(transparent)]
    Client(ostk_sdk::client::ClientError),
    /// Anything else, already worded for the user.
    #[error("{0}")]
    Message(String),
}

impl CliError {
    /// Process exit code, as python-openstackclient uses them.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage { .. } | CliError::UnknownCommand { .. } => 2,
            CliError::Config(e) => u8::try_from(e.exit_code()).unwrap_or(1),
            CliError::Client(ostk_sdk::client::ClientError::CloudConfig(e)) => {
                u8::try_from(e.exit_code()).unwrap_or(1)
            }
            CliError::Client(ostk_sdk::client::ClientError::Interrupted(_)) => 130,
            _ => 1,
        }
    }
}

impl From<ostk_sdk::client::ClientError> for CliError {
    fn from(e: ostk_sdk::client::ClientError) -> Self {
        match e {
            ostk_sdk::client::ClientError::CloudConfig(c) => CliError::Config(c),
            other => CliError::Client(other),
        }
    }
}

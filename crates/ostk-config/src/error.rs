//! Errors of configuration resolution.
//!
//! This module owns [`ConfigError`]: one variant per failure the `openstack`
//! CLI reports while loading configuration, each rendering as one line worded
//! like openstacksdk/osc-lib's message (file paths included where known).

use std::path::PathBuf;

/// A configuration failure. Every variant is fatal for the CLI (exit code 1)
/// unless noted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// `--os-cloud`/`OS_CLOUD` names a cloud that no file defines.
    /// (openstacksdk prints only the first sentence; the list is ours.)
    #[error("Cloud {name} was not found.{}", known_clouds(.known))]
    CloudNotFound {
        /// The requested name.
        name: String,
        /// Clouds that exist.
        known: Vec<String>,
    },
    /// A clouds/secure file parsed but is not a mapping.
    #[error("Configuration file {} is empty or not a valid mapping", .path.display())]
    NotAMapping {
        /// The file.
        path: PathBuf,
    },
    /// A file is larger than the 10 MiB limit (openstacksdk has no limit).
    #[error("Configuration file {} is too large ({size} bytes; limit is 10 MiB)", .path.display())]
    FileTooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
    },
    /// A file nests too deeply or expands too much (openstacksdk has no limit).
    #[error("Configuration file {} is too complex: {reason}", .path.display())]
    TooComplex {
        /// The file.
        path: PathBuf,
        /// Details.
        reason: String,
    },
    /// `OS_CLOUD_NAME` equals the name of a file-defined cloud.
    #[error("'{}' defines a cloud named '{name}', but OS_CLOUD_NAME is also set to '{name}'. Please rename either your environment-based cloud, or one of your file-based clouds.", .path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "None".into()))]
    EnvCloudNameClash {
        /// The clouds file.
        path: Option<PathBuf>,
        /// The clashing name.
        name: String,
    },
    /// The region is not one of the cloud's regions.
    #[error("Region {region} is not a valid region name for cloud {cloud}. Valid choices are {}. Please note that region names are case sensitive.", .valid.join(","))]
    InvalidRegion {
        /// Requested region.
        region: String,
        /// Cloud name.
        cloud: String,
        /// Valid regions.
        valid: Vec<String>,
    },
    /// A `regions:` entry is a mapping without `name` or with keys other than
    /// `name`/`values`.
    #[error("Invalid region entry at: {0}")]
    InvalidRegionEntry(String),
    /// A vendor profile whose cloud was shut down.
    #[error("{name} references a cloud that no longer exists: {message}")]
    ProfileShutdown {
        /// Profile name.
        name: String,
        /// Vendor message.
        message: String,
    },
    /// A URL profile (openstacksdk fetches it; we never use the network).
    #[error(
        "{profile} is a remote profile that could not be fetched: {url} (network access is not used for configuration)"
    )]
    RemoteProfile {
        /// The profile reference.
        profile: String,
        /// The URL openstacksdk would fetch.
        url: String,
    },
    /// `networks:` validation.
    #[error("{0}")]
    Networks(String),
    /// A value contains `{...}` that Python's `str.format(**config)` rejects.
    #[error("{0}")]
    Format(String),
    /// A global flag is invalid (argparse exits 2).
    #[error("openstack: error: {0}")]
    Args(String),
    /// Unknown auth type (only when auth is needed; keystoneauth's wording).
    #[error("The plugin {auth_type} could not be found")]
    UnknownAuthType {
        /// The auth type.
        auth_type: String,
    },
    /// Required auth plugin options are missing; one line per option, as
    /// osc-lib prints them (`Missing value auth-url required for auth plugin password`).
    #[error("{}", .0.join("\n"))]
    MissingAuth(Vec<String>),
}

fn known_clouds(known: &[String]) -> String {
    if known.is_empty() {
        String::new()
    } else {
        format!(" Known clouds: {}", known.join(", "))
    }
}

impl ConfigError {
    /// Process exit code the real CLI uses for this failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            ConfigError::Args(_) => 2,
            _ => 1,
        }
    }
}

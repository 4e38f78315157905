//! The token cache (an ostk addition: python-openstackclient authenticates on every run).
//!
//! One file per set of auth inputs: `<cache dir>/token-<key>.json` where the key is the SHA-256
//! of every auth parameter, secrets included — another password, project or auth URL is another
//! file. Files are written atomically (temporary file + rename) with mode 0600 in a 0700
//! directory. A file that is not a regular file, not owned by the current user, readable by
//! others, unparsable or within [`SAFETY_MARGIN`] of expiry is ignored (logged at debug).

use crate::AccessInfo;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Seconds before expiry at which a cached token is no longer used.
pub const SAFETY_MARGIN: i64 = 300;

const FORMAT: u32 = 1;

/// Where tokens are cached.
#[derive(Debug, Clone)]
pub struct TokenCache {
    dir: PathBuf,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    format: u32,
    access: AccessInfo,
}

impl TokenCache {
    /// A cache in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> TokenCache {
        TokenCache { dir: dir.into() }
    }

    /// The user's cache directory: `$XDG_CACHE_HOME/ostk`, else `~/.cache/ostk`.
    pub fn default_dir(xdg_cache_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
        match xdg_cache_home.filter(|s| !s.is_empty() && Path::new(s).is_absolute()) {
            Some(x) => Some(PathBuf::from(x).join("ostk")),
            None => home
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(".cache").join("ostk"))
                .or_else(|| dirs::cache_dir().map(|d| d.join("ostk"))),
        }
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cache key of some auth material (see [`crate::auth::Opts::canonical`]).
    pub fn key(material: &str) -> String {
        crate::redact::hex(&Sha256::digest(material.as_bytes()))
    }

    /// The file of a key.
    pub fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("token-{key}.json"))
    }

    /// A usable cached access for this key, if any.
    pub fn load(&self, key: &str) -> Option<AccessInfo> {
        let path = self.path(key);
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(_) => {
                tracing::debug!("token cache miss: {}", path.display());
                return None;
            }
        };
        if !meta.file_type().is_file() {
            tracing::debug!(
                "token cache: ignoring {} (not a regular file)",
                path.display()
            );
            return None;
        }
        // SAFETY: geteuid has no preconditions and cannot fail.
        let uid = unsafe { libc::geteuid() };
        if meta.uid() != uid {
            tracing::debug!(
                "token cache: ignoring {} (owned by uid {}, not {uid})",
                path.display(),
                meta.uid()
            );
            return None;
        }
        if meta.mode() & 0o077 != 0 {
            tracing::debug!(
                "token cache: ignoring {} (mode {:o} is too permissive)",
                path.display(),
                meta.mode() & 0o777
            );
            return None;
        }
        let data = std::fs::read(&path).ok()?;
        let entry: Entry = match serde_json::from_slice(&data) {
            Ok(e) => e,
            Err(e) => {
                tracing::debug!("token cache: ignoring {} (corrupt: {e})", path.display());
                return None;
            }
        };
        if entry.format != FORMAT || entry.access.token().is_none() {
            tracing::debug!("token cache: ignoring {} (unknown format)", path.display());
            return None;
        }
        if entry.access.expires_within(SAFETY_MARGIN) {
            tracing::debug!("token cache: dropping {} (expires soon)", path.display());
            self.remove(key);
            return None;
        }
        tracing::debug!("token cache hit: {}", path.display());
        Some(entry.access)
    }

    /// Stores an access (errors are logged, never fatal: the cache is an optimisation).
    pub fn store(&self, key: &str, access: &AccessInfo) {
        if let Err(e) = self.try_store(key, access) {
            tracing::debug!(
                "token cache: cannot write {}: {e}",
                self.path(key).display()
            );
        }
    }

    fn try_store(&self, key: &str, access: &AccessInfo) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let dmeta = std::fs::metadata(&self.dir)?;
        if dmeta.mode() & 0o077 != 0 {
            std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700))?;
        }
        let data = serde_json::to_vec(&Entry {
            format: FORMAT,
            access: access.clone(),
        })?;
        let tmp = self.dir.join(format!(
            ".token-{key}.{}.{}.tmp",
            std::process::id(),
            crate::time::now_unix()
        ));
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)?;
        let res = f.write_all(&data).and_then(|_| f.sync_all());
        drop(f);
        if let Err(e) = res.and_then(|_| std::fs::rename(&tmp, self.path(key))) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        Ok(())
    }

    /// Drops the entry of a key.
    pub fn remove(&self, key: &str) {
        let _ = std::fs::remove_file(self.path(key));
    }

    /// Drops every entry holding this token (after `token revoke`).
    pub fn remove_token(&self, token: &str) {
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in dir.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with("token-") && name.ends_with(".json")) {
                continue;
            }
            let Ok(data) = std::fs::read(e.path()) else {
                continue;
            };
            if let Ok(entry) = serde_json::from_slice::<Entry>(&data)
                && entry.access.token() == Some(token)
            {
                tracing::debug!(
                    "token cache: dropping {} (token revoked)",
                    e.path().display()
                );
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

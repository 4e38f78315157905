//! The token cache (an ostk addition: python-openstackclient authenticates on every run).
//!
//! One file per set of auth inputs: `<cache dir>/token-<key>.json` where the key is the SHA-256
//! of every auth parameter, secrets included — another password, project or auth URL is another
//! file. Files are written atomically (temporary file + rename) with mode 0600 in a 0700
//! directory. A file that is not a regular file, not owned by the current user, readable or
//! writable by others, larger than [`MAX_FILE_SIZE`] or unparsable is ignored and never trusted
//! (logged at info level, shown with `-v`); one within [`SAFETY_MARGIN`] of expiry is dropped.
//! The checks are made on the opened file (`O_NOFOLLOW` + `fstat`), so the file read is the
//! file checked.

use crate::AccessInfo;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Seconds before expiry at which a cached token is no longer used.
pub const SAFETY_MARGIN: i64 = 300;

const FORMAT: u32 = 1;

/// Largest cache file read: a token with a big catalog is tens of KiB; anything beyond this is
/// not ours.
pub const MAX_FILE_SIZE: u64 = 8 << 20;

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

    /// The cache in the user's cache directory ([`TokenCache::default_dir`]), if there is one.
    pub fn for_user(xdg_cache_home: Option<&str>, home: Option<&str>) -> Option<TokenCache> {
        Self::default_dir(xdg_cache_home, home).map(TokenCache::new)
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

    /// A usable cached access for this key, if any. A file that cannot be trusted is ignored
    /// and said so at info level (`-v`): the user should know why every run authenticates.
    pub fn load(&self, key: &str) -> Option<AccessInfo> {
        let path = self.path(key);
        let (data, id) = match read_trusted(&path) {
            Ok(d) => d,
            Err(Untrusted::Missing) => {
                tracing::debug!("token cache miss: {}", path.display());
                return None;
            }
            Err(why) => {
                tracing::info!("token cache: ignoring {} ({why})", path.display());
                return None;
            }
        };
        let entry: Entry = match serde_json::from_slice(&data) {
            Ok(e) => e,
            Err(e) => {
                tracing::info!("token cache: ignoring {} (corrupt: {e})", path.display());
                return None;
            }
        };
        if entry.format != FORMAT || entry.access.token().is_none() {
            tracing::info!("token cache: ignoring {} (unknown format)", path.display());
            return None;
        }
        if entry.access.expires_within(SAFETY_MARGIN) {
            tracing::debug!("token cache: dropping {} (expires soon)", path.display());
            // Only the file read: another invocation may have stored a fresh token since.
            if std::fs::symlink_metadata(&path).is_ok_and(|m| (m.dev(), m.ino()) == id) {
                self.remove(key);
            }
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
        // Unique per process and per call: concurrent writers (processes or threads) each
        // write their own file, and the rename makes one of them the entry, whole.
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let tmp = self.dir.join(format!(
            ".token-{key}.{}.{}.{}.tmp",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed),
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

/// Why a cache file is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Untrusted {
    /// No such file.
    Missing,
    /// A symlink, directory, FIFO…
    NotRegular,
    /// Owned by another user (`owner`), not the effective user (`euid`).
    ForeignOwner {
        /// The file's owner.
        owner: u32,
        /// The effective uid of this process.
        euid: u32,
    },
    /// Group or other permission bits set (the mode's permission bits).
    TooPermissive(u32),
    /// Larger than [`MAX_FILE_SIZE`].
    TooLarge(u64),
    /// Cannot be read.
    Unreadable(String),
}

impl std::fmt::Display for Untrusted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Untrusted::Missing => f.write_str("no such file"),
            Untrusted::NotRegular => f.write_str("not a regular file"),
            Untrusted::ForeignOwner { owner, euid } => {
                write!(f, "owned by uid {owner}, not {euid}")
            }
            Untrusted::TooPermissive(m) => write!(f, "mode {m:o} is too permissive"),
            Untrusted::TooLarge(n) => write!(f, "{n} bytes is too large"),
            Untrusted::Unreadable(e) => write!(f, "unreadable: {e}"),
        }
    }
}

/// Whether a file with this type, owner, mode and size may be trusted by the user `euid`:
/// a regular file of theirs, no group/other permission bit, not oversized.
pub fn check_trust(
    is_file: bool,
    owner: u32,
    mode: u32,
    size: u64,
    euid: u32,
) -> Result<(), Untrusted> {
    if !is_file {
        return Err(Untrusted::NotRegular);
    }
    if owner != euid {
        return Err(Untrusted::ForeignOwner { owner, euid });
    }
    if mode & 0o077 != 0 {
        return Err(Untrusted::TooPermissive(mode & 0o777));
    }
    if size > MAX_FILE_SIZE {
        return Err(Untrusted::TooLarge(size));
    }
    Ok(())
}

/// Opens without following a symlink (and without blocking on a FIFO), checks the opened
/// file with [`check_trust`], then reads it. Returns the data and the file's (device, inode).
fn read_trusted(path: &Path) -> Result<(Vec<u8>, (u64, u64)), Untrusted> {
    let mut f = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Untrusted::Missing),
        // ELOOP: the last component is a symlink.
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(Untrusted::NotRegular),
        Err(e) => return Err(Untrusted::Unreadable(e.to_string())),
    };
    let meta = f
        .metadata()
        .map_err(|e| Untrusted::Unreadable(e.to_string()))?;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let euid = unsafe { libc::geteuid() };
    check_trust(meta.is_file(), meta.uid(), meta.mode(), meta.len(), euid)?;
    let mut data = Vec::with_capacity(meta.len() as usize);
    // Bounded even if the file grows after the check.
    (&mut f)
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut data)
        .map_err(|e| Untrusted::Unreadable(e.to_string()))?;
    if data.len() as u64 > MAX_FILE_SIZE {
        return Err(Untrusted::TooLarge(data.len() as u64));
    }
    Ok((data, (meta.dev(), meta.ino())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trust_decision() {
        assert_eq!(check_trust(true, 1000, 0o100600, 10, 1000), Ok(()));
        assert_eq!(check_trust(true, 1000, 0o100400, 10, 1000), Ok(()));
        assert_eq!(
            check_trust(true, 0, 0o100600, 10, 1000),
            Err(Untrusted::ForeignOwner {
                owner: 0,
                euid: 1000
            })
        );
        assert_eq!(
            check_trust(true, 1001, 0o100600, 10, 1000)
                .unwrap_err()
                .to_string(),
            "owned by uid 1001, not 1000"
        );
        for mode in [0o100640, 0o100604, 0o100660, 0o100666, 0o100602, 0o100620] {
            assert_eq!(
                check_trust(true, 1000, mode, 10, 1000),
                Err(Untrusted::TooPermissive(mode & 0o777)),
                "{mode:o}"
            );
        }
        assert_eq!(
            check_trust(true, 1000, 0o100644, 10, 1000)
                .unwrap_err()
                .to_string(),
            "mode 644 is too permissive"
        );
        assert_eq!(
            check_trust(false, 1000, 0o600, 10, 1000),
            Err(Untrusted::NotRegular)
        );
        assert_eq!(
            check_trust(true, 1000, 0o600, MAX_FILE_SIZE + 1, 1000),
            Err(Untrusted::TooLarge(MAX_FILE_SIZE + 1))
        );
    }

    #[test]
    fn symlinks_and_fifos_are_not_followed() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("target");
        std::fs::write(&target, b"{}").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = d.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_trusted(&link), Err(Untrusted::NotRegular));
        assert_eq!(read_trusted(&target).unwrap().0, b"{}".to_vec());
        let fifo = d.path().join("fifo");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // Would block forever on a FIFO without O_NONBLOCK.
        assert_eq!(read_trusted(&fifo), Err(Untrusted::NotRegular));
        assert_eq!(
            read_trusted(&d.path().join("none")),
            Err(Untrusted::Missing)
        );
    }
}

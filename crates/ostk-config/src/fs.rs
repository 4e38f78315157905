//! Filesystem shim: where configuration files are searched and how they are
//! read.
//!
//! This module owns openstacksdk's search path (`CONFIG_SEARCH_PATH`): the
//! current directory, platformdirs' user config dir, `~/.config/openstack`,
//! platformdirs' site config dir and `/etc/openstack`, and the file names
//! tried in each (`clouds`/`secure`/`clouds-public` × `.yaml`/`.yml`/`.json`).
//! Tests build an [`Fs`] pointing at temporary directories so they never touch
//! the real home or `/etc`.

use crate::options::Env;
use std::path::{Path, PathBuf};

/// Filesystem roots used for the configuration search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fs {
    /// Current working directory (searched first).
    pub cwd: PathBuf,
    /// platformdirs `user_config_dir` for app `openstack`
    /// (Linux: `$XDG_CONFIG_HOME/openstack` or `~/.config/openstack`).
    pub user_config_dir: PathBuf,
    /// `~/.config/openstack` (or `$SNAP_REAL_HOME/.config/openstack`) on every platform.
    pub unix_config_home: PathBuf,
    /// platformdirs `site_config_dir` (Linux: `/etc/xdg/openstack`; with several
    /// `XDG_CONFIG_DIRS` entries platformdirs joins them with `:`, which
    /// openstacksdk then uses as one — nonexistent — directory).
    pub site_config_dir: PathBuf,
    /// `/etc/openstack`.
    pub unix_site_config_home: PathBuf,
    /// Remote vendor profiles (`profile: https://…`) the caller has fetched: the URL of their
    /// `/.well-known/openstack/api` document → the document. This crate does no network: a
    /// profile not in here resolves to [`crate::ConfigError::RemoteProfile`], which tells the
    /// caller what to fetch.
    pub remote_profiles: std::collections::BTreeMap<String, serde_json::Value>,
    /// When set, the only files there are: path → content, and the disk is not looked at
    /// (embedding a configuration; property tests that resolve 100,000 of them).
    pub in_memory: Option<std::collections::BTreeMap<PathBuf, String>>,
}

/// Outcome of reading one candidate file.
#[derive(Debug)]
pub enum ReadOutcome {
    /// The path does not exist.
    Missing,
    /// It exists but could not be read (permission, directory, bad UTF-8):
    /// openstacksdk skips such files.
    Unreadable(String),
    /// Bigger than [`crate::yaml::MAX_FILE_SIZE`].
    TooLarge(u64),
    /// The text.
    Text(String),
}

fn home_dir(env: &Env) -> PathBuf {
    // os.path.expanduser('~'): $HOME, else the passwd entry (unknown here).
    PathBuf::from(env.get("HOME").unwrap_or("/"))
}

impl Fs {
    /// Search roots as openstacksdk computes them on this platform, from the
    /// environment snapshot (`HOME`, `XDG_CONFIG_HOME`, `XDG_CONFIG_DIRS`,
    /// `SNAP_REAL_HOME`, Windows `LOCALAPPDATA`/`PROGRAMDATA`) and the cwd.
    pub fn from_env(env: &Env, cwd: PathBuf) -> Fs {
        let home = home_dir(env);
        let unix_config_home = match env.nonempty("SNAP_REAL_HOME") {
            Some(h) => Path::new(h).join(".config").join("openstack"),
            None => home.join(".config").join("openstack"),
        };
        let (user_config_dir, site_config_dir) = if cfg!(target_os = "macos") {
            (
                home.join("Library/Application Support/openstack"),
                PathBuf::from("/Library/Application Support/openstack"),
            )
        } else if cfg!(windows) {
            let local = env
                .nonempty("LOCALAPPDATA")
                .map(PathBuf::from)
                .unwrap_or_else(|| home.join("AppData").join("Local"));
            let program = env
                .nonempty("PROGRAMDATA")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("C:\\ProgramData"));
            (
                local.join("OpenStack").join("openstack"),
                program.join("OpenStack").join("openstack"),
            )
        } else {
            let user = match env.get("XDG_CONFIG_HOME").filter(|p| !p.trim().is_empty()) {
                Some(p) => PathBuf::from(p),
                None => home.join(".config"),
            };
            let dirs = env
                .get("XDG_CONFIG_DIRS")
                .filter(|p| !p.trim().is_empty())
                .unwrap_or("/etc/xdg");
            let site = dirs
                .split(':')
                .map(|d| format!("{}/openstack", d.trim_end_matches('/')))
                .collect::<Vec<_>>()
                .join(":");
            (user.join("openstack"), PathBuf::from(site))
        };
        Fs {
            cwd,
            user_config_dir,
            unix_config_home,
            site_config_dir,
            unix_site_config_home: PathBuf::from("/etc/openstack"),
            remote_profiles: Default::default(),
            in_memory: None,
        }
    }

    /// Roots for tests: cwd and home as given, site dirs under `etc` (so
    /// `etc/openstack` plays `/etc/openstack` and `etc/xdg/openstack` plays
    /// `/etc/xdg/openstack`).
    pub fn for_test(cwd: &Path, home: &Path, etc: &Path) -> Fs {
        Fs {
            cwd: cwd.to_path_buf(),
            user_config_dir: home.join(".config").join("openstack"),
            unix_config_home: home.join(".config").join("openstack"),
            site_config_dir: etc.join("xdg").join("openstack"),
            unix_site_config_home: etc.join("openstack"),
            remote_profiles: Default::default(),
            in_memory: None,
        }
    }

    /// The roots of [`Fs::for_test`] over files held in memory only (`cwd/clouds.yaml`…):
    /// nothing is read from disk.
    pub fn in_memory(
        cwd: &Path,
        home: &Path,
        etc: &Path,
        files: std::collections::BTreeMap<PathBuf, String>,
    ) -> Fs {
        Fs {
            in_memory: Some(files),
            ..Fs::for_test(cwd, home, etc)
        }
    }

    /// `CONFIG_SEARCH_PATH`, in order.
    pub fn search_path(&self) -> Vec<PathBuf> {
        vec![
            self.cwd.clone(),
            self.user_config_dir.clone(),
            self.unix_config_home.clone(),
            self.site_config_dir.clone(),
            self.unix_site_config_home.clone(),
        ]
    }

    /// Candidate files for a base name (`clouds`, `secure`, `clouds-public`).
    pub fn candidates(&self, base: &str) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for d in self.search_path() {
            for suffix in [".yaml", ".yml", ".json"] {
                out.push(d.join(format!("{base}{suffix}")));
            }
        }
        out
    }

    /// Read one candidate file.
    pub fn read(&self, path: &Path) -> ReadOutcome {
        if let Some(files) = &self.in_memory {
            return match files.get(path) {
                None => ReadOutcome::Missing,
                Some(t) if t.len() > crate::yaml::MAX_FILE_SIZE => {
                    ReadOutcome::TooLarge(t.len() as u64)
                }
                Some(t) => ReadOutcome::Text(t.clone()),
            };
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(_) => return ReadOutcome::Missing,
        };
        if meta.is_file() && meta.len() > crate::yaml::MAX_FILE_SIZE as u64 {
            return ReadOutcome::TooLarge(meta.len());
        }
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => ReadOutcome::Text(t),
                Err(e) => ReadOutcome::Unreadable(format!("invalid UTF-8: {e}")),
            },
            Err(e) => ReadOutcome::Unreadable(e.to_string()),
        }
    }
}

//! The token cache under concurrency and distrust: many writers and readers on one directory
//! (each with its own `TokenCache`, as separate invocations have) never see a half-written or
//! corrupt entry; files that are corrupt, too permissive, oversized or not regular are ignored.

mod support;

use ostk_client::TokenCache;
use ostk_client::access::AccessInfo;
use ostk_client::cache::MAX_FILE_SIZE;
use std::os::unix::fs::PermissionsExt;
use std::sync::{Arc, Barrier};

fn access(n: usize) -> AccessInfo {
    let mut a = AccessInfo::fixed(Some(format!("tok-{n:04}")), None);
    a.expires_at = Some(support::future(3600));
    // A catalog-sized payload, so a torn write would be visible.
    a.user_name = Some("x".repeat(64 * 1024));
    a
}

#[test]
fn hundred_concurrent_writers_and_readers_never_see_a_torn_entry() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path().join("ostk");
    let key = TokenCache::key("shared auth material");
    TokenCache::new(&dir).store(&key, &access(9999));
    let barrier = Arc::new(Barrier::new(100));
    let threads: Vec<_> = (0..100)
        .map(|n| {
            let (dir, key, barrier) = (dir.clone(), key.clone(), barrier.clone());
            std::thread::spawn(move || {
                let cache = TokenCache::new(dir);
                let mine = access(n);
                barrier.wait();
                for round in 0..20 {
                    if (n + round) % 2 == 0 {
                        cache.store(&key, &mine);
                    }
                    let got = cache
                        .load(&key)
                        .unwrap_or_else(|| panic!("thread {n} round {round}: entry unusable"));
                    let tok = got.token().unwrap();
                    assert!(tok.starts_with("tok-") && tok.len() == 8, "{tok}");
                    assert_eq!(got.user_name.as_deref().map(str::len), Some(64 * 1024));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("no thread saw a torn or corrupt entry");
    }
    // One whole entry, mode 0600, and no temporary file left behind.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec![format!("token-{key}.json")]);
    let cache = TokenCache::new(&dir);
    let mode = std::fs::metadata(cache.path(&key))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(cache.load(&key).is_some());
    let dmode = std::fs::metadata(&dir).unwrap().permissions().mode();
    assert_eq!(dmode & 0o777, 0o700);
}

fn stored() -> (tempfile::TempDir, TokenCache, String) {
    let d = tempfile::tempdir().unwrap();
    let cache = TokenCache::new(d.path().join("ostk"));
    let key = TokenCache::key("m");
    cache.store(&key, &access(1));
    assert!(cache.load(&key).is_some());
    (d, cache, key)
}

fn chmod(p: &std::path::Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn too_permissive_files_are_never_trusted() {
    let (_d, cache, key) = stored();
    let p = cache.path(&key);
    for mode in [0o640, 0o604, 0o660, 0o666, 0o602, 0o620, 0o700 | 0o077] {
        chmod(&p, mode);
        assert!(cache.load(&key).is_none(), "mode {mode:o} trusted");
        assert!(p.exists(), "an untrusted file is left alone");
    }
    chmod(&p, 0o400);
    assert!(
        cache.load(&key).is_some(),
        "read-only for the owner is fine"
    );
}

#[test]
fn corrupt_truncated_and_oversized_files_are_ignored() {
    let (_d, cache, key) = stored();
    let p = cache.path(&key);
    let whole = std::fs::read(&p).unwrap();
    for cut in [0, 1, whole.len() / 2, whole.len() - 1] {
        std::fs::write(&p, &whole[..cut]).unwrap();
        assert!(cache.load(&key).is_none(), "truncated at {cut} trusted");
    }
    for junk in [
        &b"\x00\xff\xfe garbage"[..],
        b"null",
        b"[]",
        br#"{"format": 1}"#,
        br#"{"format": 2, "access": {}}"#,
        br#"{"format": 1, "access": {"version": "V3", "token": null}}"#,
    ] {
        std::fs::write(&p, junk).unwrap();
        assert!(cache.load(&key).is_none(), "{junk:?} trusted");
    }
    // Oversized: refused without being read.
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(MAX_FILE_SIZE + 1).unwrap();
    assert!(cache.load(&key).is_none());
    // The next store replaces any of them.
    cache.store(&key, &access(2));
    assert_eq!(cache.load(&key).unwrap().token(), Some("tok-0002"));
}

#[test]
fn symlinked_entry_is_not_followed() {
    let (d, cache, key) = stored();
    let p = cache.path(&key);
    let elsewhere = d.path().join("planted.json");
    std::fs::rename(&p, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &p).unwrap();
    assert!(cache.load(&key).is_none());
    // Storing replaces the link itself, never writes through it.
    let before = std::fs::read(&elsewhere).unwrap();
    cache.store(&key, &access(3));
    assert_eq!(std::fs::read(&elsewhere).unwrap(), before);
    assert!(
        !std::fs::symlink_metadata(&p)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(cache.load(&key).unwrap().token(), Some("tok-0003"));
}

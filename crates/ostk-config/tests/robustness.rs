//! Robustness: arbitrary clouds.yaml text never panics; limits are enforced;
//! merge rules and auth validation behave as openstacksdk/osc-lib.

use ostk_config::{Args, CloudConfig, ConfigError, Env, Fs};
use proptest::prelude::*;

/// A filesystem on disk whose only file is `cwd/clouds.yaml` with this text.
fn fs_with(clouds: &str) -> (tempfile::TempDir, Fs) {
    let tmp = tempfile::tempdir().unwrap();
    let cwd = tmp.path().join("cwd");
    std::fs::create_dir_all(&cwd).unwrap();
    std::fs::write(cwd.join("clouds.yaml"), clouds).unwrap();
    let fs = Fs::for_test(&cwd, &tmp.path().join("home"), &tmp.path().join("etc"));
    (tmp, fs)
}

/// The same in memory (no file written: fast enough for 100,000 cases).
fn mem_fs_with(clouds: &str) -> Fs {
    let cwd = std::path::Path::new("/nonexistent/cwd");
    let files = [(cwd.join("clouds.yaml"), clouds.to_string())].into();
    Fs::in_memory(
        cwd,
        std::path::Path::new("/nonexistent/home"),
        std::path::Path::new("/nonexistent/etc"),
        files,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC*") {
        let fs = mem_fs_with(&s);
        let _ = CloudConfig::resolve(&Args::new(), &Env::new().with("OS_CLOUD", "a"), &fs);
        let _ = CloudConfig::resolve(&Args::new(), &Env::new(), &fs);
    }

    #[test]
    fn yamlish_text_never_panics(s in "(clouds:|  a:|    auth:|      [a-z_]{1,8}: [-a-z0-9{}.,:'\\[\\]&*<]{0,10}|- x|\\[|\\]|\\{|\\}|&a |\\*a|<<: \\*a|\n| ){0,40}") {
        let fs = mem_fs_with(&s);
        if let Ok(c) = CloudConfig::resolve(&Args::new(), &Env::new().with("OS_CLOUD", "a"), &fs) {
            let _ = c.configuration_show(true);
            let _ = c.validate_for_auth();
            let _ = format!("{c:?}");
        }
    }
}

// The parser alone, and the environment over an empty filesystem in memory: 100 000 cases each.

/// Text shaped like YAML: keys, flow collections, anchors, aliases, merges, tags, quotes.
fn yamlish() -> impl Strategy<Value = String> {
    "(clouds:|  a:|    auth:|      [a-z_]{1,8}: [-a-z0-9{}.,:'\"\\[\\]&*<!|>%@`#]{0,10}|- x|\\[|\\]|\\{|\\}|&a |\\*a|<<: \\*a|!!str |!!binary |--- |\\.\\.\\.|\t|\n| ){0,40}"
}

/// An empty filesystem in memory shared by every case.
fn empty_fs() -> &'static Fs {
    static FS: std::sync::OnceLock<Fs> = std::sync::OnceLock::new();
    FS.get_or_init(|| {
        Fs::in_memory(
            std::path::Path::new("/nonexistent/cwd"),
            std::path::Path::new("/nonexistent/home"),
            std::path::Path::new("/nonexistent/etc"),
            Default::default(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn parser_never_panics(s in prop_oneof!["\\PC{0,200}", yamlish()]) {
        let _ = ostk_config::yaml::parse_document("clouds.yaml", &s);
        let _ = ostk_config::yaml::parse_yaml(&s);
        let _ = ostk_config::yaml::resolve_plain(&s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn environment_never_panics(
        vars in prop::collection::vec((
            prop::sample::select(vec![
                "OS_CLOUD", "OS_AUTH_URL", "OS_AUTH_TYPE", "OS_USERNAME", "OS_PASSWORD",
                "OS_PROJECT_NAME", "OS_REGION_NAME", "OS_INTERFACE", "OS_IDENTITY_API_VERSION",
                "OS_COMPUTE_API_VERSION", "OS_CACERT", "OS_INSECURE", "OS_CERT", "OS_KEY",
                "OS_API_TIMEOUT", "OS_TOKEN", "OS_ENDPOINT", "OS_CLIENT_CONFIG_FILE",
                "OS_AUTH_METHODS", "OS_PROTOCOL", "OS_X",
            ]),
            prop_oneof!["\\PC{0,40}", Just(String::new()), Just("true".to_string()), Just("3".to_string())],
        ), 0..8),
    ) {
        let env = vars.iter().fold(Env::new(), |e, (k, v)| e.with(k, v));
        if let Ok(c) = CloudConfig::resolve(&Args::new(), &env, empty_fs()) {
            let _ = c.configuration_show(true);
            let _ = c.validate_for_auth();
            let _ = (c.verify(), c.client_cert(), format!("{c:?}"));
        }
    }
}

#[test]
fn huge_file_rejected() {
    let big = format!("clouds: {{}}\n#{}\n", "x".repeat(11 * 1024 * 1024));
    let (_t, fs) = fs_with(&big);
    let e = CloudConfig::resolve(&Args::new(), &Env::new(), &fs).unwrap_err();
    assert!(matches!(e, ConfigError::FileTooLarge { .. }), "{e}");
    assert!(e.to_string().contains("clouds.yaml"));
}

#[test]
fn deep_nesting_rejected() {
    let deep = format!("clouds: {}{}\n", "[".repeat(500), "]".repeat(500));
    let (_t, fs) = fs_with(&deep);
    // Either a clear error or openstacksdk's skip-with-warning; never a crash.
    match CloudConfig::resolve(&Args::new(), &Env::new(), &fs) {
        Err(e) => assert!(e.to_string().contains("clouds.yaml"), "{e}"),
        Ok(c) => assert!(!c.warnings().is_empty()),
    }
}

#[test]
fn alias_bomb_rejected() {
    let mut s = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        s.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    s.push_str("clouds: {}\n");
    let (_t, fs) = fs_with(&s);
    let e = CloudConfig::resolve(&Args::new(), &Env::new(), &fs).unwrap_err();
    assert!(matches!(e, ConfigError::TooComplex { .. }), "{e}");
}

#[test]
fn secrets_not_in_debug() {
    let (_t, fs) =
        fs_with("clouds:\n  a:\n    auth:\n      password: hunter2\n      client_secret: cs-42\n");
    let c = CloudConfig::resolve(&Args::new(), &Env::new().with("OS_CLOUD", "a"), &fs).unwrap();
    let d = format!("{c:?}");
    assert!(!d.contains("hunter2"), "{d}");
    assert_eq!(c.secret("password").unwrap().expose(), "hunter2");
    assert_eq!(format!("{:?}", c.secret("password").unwrap()), "<redacted>");
    let args = Args::new().with("os-password", "flagpw");
    assert!(!format!("{args:?}").contains("flagpw"));
}

#[test]
fn validate_for_auth_reports_like_osc() {
    let (_t, fs) = fs_with("clouds: {}\n");
    let c = CloudConfig::resolve(&Args::new(), &Env::new(), &fs).unwrap();
    let e = c.validate_for_auth().unwrap_err();
    assert_eq!(
        e.to_string(),
        "Missing value auth-url required for auth plugin password"
    );

    let env = Env::new()
        .with("OS_AUTH_TYPE", "bogus")
        .with("OS_AUTH_URL", "http://x");
    let c = CloudConfig::resolve(&Args::new(), &env, &fs).unwrap();
    assert_eq!(
        c.validate_for_auth().unwrap_err().to_string(),
        "The plugin bogus could not be found"
    );

    let env = Env::new()
        .with("OS_AUTH_TYPE", "v3oidcclientcredentials")
        .with("OS_AUTH_URL", "http://x");
    let c = CloudConfig::resolve(&Args::new(), &env, &fs).unwrap();
    assert_eq!(
        c.validate_for_auth().unwrap_err().to_string(),
        "Missing value identity-provider required for auth plugin v3oidcclientcredentials\nMissing value protocol required for auth plugin v3oidcclientcredentials"
    );

    let env = Env::new()
        .with("OS_AUTH_TYPE", "v3oidcclientcredentials")
        .with("OS_AUTH_URL", "https://auth.cloud.ovh.net/v3")
        .with("OS_IDENTITY_PROVIDER", "ovhcloud-emea")
        .with("OS_PROTOCOL", "openid")
        .with("OS_CLIENT_ID", "id")
        .with("OS_CLIENT_SECRET", "sec")
        .with("OS_OPENID_SCOPE", "openid");
    let c = CloudConfig::resolve(&Args::new(), &env, &fs).unwrap();
    let a = c.validate_for_auth().unwrap();
    assert_eq!(a.plugin.name, "v3oidcclientcredentials");
    assert!(matches!(
        a.get("client_secret"),
        Some(ostk_config::AuthValue::Secret(_))
    ));
    // --os-openid-scope lands on the plugin's `scope` dest.
    assert!(a.get("scope").is_some());
}

#[test]
fn env_beats_named_cloud_for_auth_values() {
    // The real CLI's quirk: OS_* variables are argparse defaults, so they
    // override a named cloud's values (they land at the top level).
    let (_t, fs) = fs_with(
        "clouds:\n  a:\n    auth:\n      auth_url: https://file/v3\n      password: file-pw\n",
    );
    let env = Env::new()
        .with("OS_CLOUD", "a")
        .with("OS_PASSWORD", "env-pw");
    let c = CloudConfig::resolve(&Args::new(), &env, &fs).unwrap();
    assert_eq!(c.secret("password").unwrap().expose(), "env-pw");
    assert_eq!(c.auth()["password"], "file-pw");
    // ...and flags beat the environment.
    let c = CloudConfig::resolve(&Args::new().with("os-password", "flag-pw"), &env, &fs).unwrap();
    assert_eq!(c.secret("password").unwrap().expose(), "flag-pw");
}

#[test]
fn verify_and_versions() {
    let (_t, fs) = fs_with(
        "clouds:\n  a:\n    cacert: /ca.pem\n    compute_api_version: 2.1\n    auth: {auth_url: 'https://k/v3'}\n",
    );
    let env = Env::new().with("OS_CLOUD", "a");
    let c = CloudConfig::resolve(&Args::new(), &env, &fs).unwrap();
    assert_eq!(c.verify(), ostk_config::Verify::CaFile("/ca.pem".into()));
    assert_eq!(c.api_version("compute").as_deref(), Some("2.1"));
    let c = CloudConfig::resolve(&Args::new().with("insecure", true), &env, &fs).unwrap();
    assert_eq!(c.verify(), ostk_config::Verify::Off);
    let c = CloudConfig::resolve(
        &Args::new().with("os-compute-api-version", "2.79"),
        &env,
        &fs,
    )
    .unwrap();
    assert_eq!(c.api_version("compute").as_deref(), Some("2.79"));
}

#[test]
fn bad_flag_choice_is_exit_2() {
    let (_t, fs) = fs_with("clouds: {}\n");
    let e = CloudConfig::resolve(&Args::new().with("os-interface", "bogus"), &Env::new(), &fs)
        .unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("invalid choice: 'bogus'"));
}

//! One call from a cloud name (or the environment) to an authenticated [`Session`], resolving
//! the configuration exactly as the `ostk`/`openstack` CLI does: clouds.yaml, secure.yaml,
//! vendor profiles, `OS_*` variables; tokens are shared with the CLI's token cache.

use crate::client::{ClientError, Session, SessionOptions, TokenCache};
use crate::config::{Args, CloudConfig, Env, Fs};

/// Connects to `cloud` (a clouds.yaml entry), or — with `None` — to what the environment
/// describes (`OS_CLOUD`, or `OS_AUTH_URL` and friends: an openrc file or OVHcloud's
/// service-account variables). Nothing is sent until the first request. A remote vendor
/// profile (`profile: https://…`) is not fetched here: the error names the URL to fetch.
///
/// ```no_run
/// # async fn demo() -> Result<(), ostk_sdk::client::ClientError> {
/// let session = ostk_sdk::connect(Some("devstack"))?;
/// let flavors = ostk_sdk::compute::flavor::list(&session, &[]).await?;
/// println!("{} flavors", flavors.len());
/// # Ok(()) }
/// ```
pub fn connect(cloud: Option<&str>) -> Result<Session, ClientError> {
    let env = Env::from_process();
    let mut args = Args::new();
    if let Some(c) = cloud {
        args.set("os-cloud", c.to_string());
    }
    let cwd = std::env::current_dir()
        .map_err(|e| ClientError::Config(format!("cannot read the current directory: {e}")))?;
    let fs = Fs::from_env(&env, cwd);
    let cfg = CloudConfig::resolve(&args, &env, &fs)?;
    let cache =
        TokenCache::default_dir(env.get("XDG_CACHE_HOME"), env.get("HOME")).map(TokenCache::new);
    Session::from_config(
        &cfg,
        SessionOptions {
            token_cache: cache,
            ..SessionOptions::default()
        },
        None,
    )
}

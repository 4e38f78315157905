//! One call from a cloud name (or the environment) to an authenticated [`Session`], resolving
//! the configuration exactly as the `ostk`/`openstack` CLI does: clouds.yaml, secure.yaml,
//! vendor profiles (remote ones fetched, as openstacksdk does), `OS_*` variables; tokens are
//! shared with the CLI's token cache.

use crate::client::http::Http;
use crate::client::{
    ClientError, HttpOptions, HttpRequest, Method, Session, SessionOptions, TokenCache,
};
use crate::config::{Args, CloudConfig, ConfigError, Env, Fs};

/// Connects to `cloud` (a clouds.yaml entry), or — with `None` — to what the environment
/// describes (`OS_CLOUD`, or `OS_AUTH_URL` and friends: an openrc file or OVHcloud's
/// service-account variables). Nothing but a remote vendor profile is fetched until the first
/// request.
///
/// ```no_run
/// # async fn demo() -> Result<(), ostk_sdk::client::ClientError> {
/// let session = ostk_sdk::connect(Some("devstack")).await?;
/// let flavors = ostk_sdk::compute::flavor::list(&session, &[]).await?;
/// println!("{} flavors", flavors.len());
/// # Ok(()) }
/// ```
pub async fn connect(cloud: Option<&str>) -> Result<Session, ClientError> {
    let env = Env::from_process();
    let mut args = Args::new();
    if let Some(c) = cloud {
        args.set("os-cloud", c.to_string());
    }
    let cwd = std::env::current_dir()
        .map_err(|e| ClientError::Config(format!("cannot read the current directory: {e}")))?;
    let cfg = resolve_config(&args, &env, Fs::from_env(&env, cwd))
        .await
        .map_err(|(e, _)| e)?;
    let cache = TokenCache::for_user(env.get("XDG_CACHE_HOME"), env.get("HOME"));
    Session::from_config(
        &cfg,
        SessionOptions {
            token_cache: cache,
            ..SessionOptions::default()
        },
        None,
    )
}

/// [`CloudConfig::resolve_reporting`], fetching the remote vendor profiles it asks for
/// (`profile: https://…`, `ovh`) and resolving again with them (the config layer does no
/// network; nested profiles may take a second round). A failure comes with the warnings
/// gathered before it.
pub async fn resolve_config(
    args: &Args,
    env: &Env,
    mut fs: Fs,
) -> Result<CloudConfig, (ClientError, Vec<String>)> {
    loop {
        match CloudConfig::resolve_reporting(args, env, &fs) {
            Ok(cfg) => return Ok(cfg),
            Err((ConfigError::RemoteProfile { profile, url }, _))
                if !fs.remote_profiles.contains_key(&url) && fs.remote_profiles.len() < 4 =>
            {
                let doc = fetch_profile(&profile, &url)
                    .await
                    .map_err(|e| (e, Vec::new()))?;
                fs.remote_profiles.insert(url, doc);
            }
            Err((e, warnings)) => return Err((e.into(), warnings)),
        }
    }
}

/// GETs a remote vendor profile document (`{scheme}://{host}/.well-known/openstack/api`), with
/// openstacksdk's 10-second timeout and its wording when that fails.
async fn fetch_profile(profile: &str, url: &str) -> Result<serde_json::Value, ClientError> {
    let failed = |why: String| {
        ClientError::Config(format!(
            "{profile} is a remote profile that could not be fetched: {why}"
        ))
    };
    let http = Http::new(HttpOptions {
        timeout: Some(std::time::Duration::from_secs(10)),
        ..HttpOptions::default()
    })
    .map_err(|e| failed(e.to_string()))?;
    let req = HttpRequest::new(Method::GET, url).header("Accept", "application/json");
    let resp = http.send(&req).await.map_err(|e| failed(e.to_string()))?;
    if !resp.is_success() {
        return Err(failed(format!(
            "{} {}",
            resp.status,
            crate::client::error::status_reason(resp.status)
        )));
    }
    match resp.json() {
        Ok(v) if v.get("profile").is_some_and(serde_json::Value::is_object) => Ok(v),
        _ => Err(failed(format!("{url} is not a vendor profile document"))),
    }
}

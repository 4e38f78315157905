//! Issues a token and lists the flavors: the CSC Pouta curl walkthrough (`openstack token
//! issue`, then `curl -H "X-Auth-Token: $TOKEN" $COMPUTE_ENDPOINT/flavors`) without copying a
//! token by hand. The same GET is done twice: raw, with the token, as curl would; then typed.
//!
//! ```text
//! cargo run -p ostk-sdk --example list_flavors -- devstack [--page-size N]
//! ```
//!
//! `--page-size N` asks for N flavors per request: the listing follows the pages.

use ostk_sdk::client::{HttpRequest, Method};
use ostk_sdk::prelude::*;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ostk_sdk::Result<()> {
    let (mut cloud_name, mut query) = (None, Query::new());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--page-size" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => query = query.page_size(n),
                None => return Err(Error::new(ErrorKind::Config, "--page-size needs a number")),
            },
            _ => cloud_name = Some(a),
        }
    }
    let cloud = match cloud_name {
        Some(name) => Cloud::connect(&name).await?,
        None => Cloud::from_env().await?,
    };
    let token = cloud.identity().issue_token().await?;
    println!(
        "token for project {} expires {}",
        token.project_id.as_deref().unwrap_or("-"),
        token.expires_at.as_deref().unwrap_or("-")
    );

    // What the walkthrough does with curl: the compute endpoint from the catalog, the token
    // in X-Auth-Token.
    let endpoint = cloud.session().endpoint("compute").await?;
    let url = format!("{}/flavors", endpoint.trim_end_matches('/'));
    let req = HttpRequest::new(Method::GET, &url)
        .header("X-Auth-Token", token.id.clone())
        .header("Accept", "application/json");
    let resp = cloud.session().http().send(&req).await?;
    let raw = resp.json()?;
    let n = raw["flavors"].as_array().map_or(0, Vec::len);
    println!("GET {url}: HTTP {}, {n} flavors", resp.status);

    // The same through the SDK: typed flavors with details, pagination followed.
    let flavors: Vec<Flavor> = cloud.compute().flavors(&query).try_collect().await?;
    for f in &flavors {
        println!(
            "{}\t{}\tvcpus={}\tram={} MiB\tdisk={} GiB",
            f.id, f.name, f.vcpus, f.ram, f.disk
        );
    }
    println!("{} flavors", flavors.len());
    Ok(())
}

//! Counts what a project holds in every service — servers, volumes, networks, subnets, ports,
//! floating IPs, security groups, images, key pairs, containers — the typed way: each list
//! is a lazy stream of models, consumed concurrently. A service the account may not use is
//! reported by its error kind rather than failing the inventory.
//!
//! ```text
//! cargo run -p ostk-sdk --example inventory -- devstack
//! ```

use ostk_sdk::prelude::*;

/// Counts a listing's items (of any model: `erase` drops them); a refused listing becomes a
/// note.
async fn count(what: &str, items: ListStream<()>) -> ostk_sdk::Result<String> {
    match items
        .try_fold(0usize, |n, ()| async move { Ok(n + 1) })
        .await
    {
        Ok(n) => Ok(format!("{what}: {n}")),
        Err(e) if matches!(e.kind(), ErrorKind::Forbidden | ErrorKind::Unauthorized) => {
            Ok(format!(
                "{what}: not allowed (HTTP {})",
                e.status().unwrap_or_default()
            ))
        }
        Err(e) => Err(e),
    }
}

fn erase<T: Send + 'static>(items: ListStream<T>) -> ListStream<()> {
    items.map_ok(drop).boxed()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ostk_sdk::Result<()> {
    let cloud = match std::env::args().nth(1) {
        Some(name) => Cloud::connect(&name).await?,
        None => Cloud::from_env().await?,
    };
    let all = Query::new();
    let (compute, network) = (cloud.compute(), cloud.network());
    let listings = [
        ("servers", erase(compute.servers(&all))),
        ("key pairs", erase(compute.keypairs(&all))),
        ("volumes", erase(cloud.block_storage().volumes(&all))),
        ("networks", erase(network.networks(&all))),
        ("subnets", erase(network.subnets(&all))),
        ("ports", erase(network.ports(&all))),
        ("floating IPs", erase(network.floating_ips(&all))),
        ("security groups", erase(network.security_groups(&all))),
        ("images", erase(cloud.image().images(&all))),
        ("containers", erase(cloud.object_store().containers(&all))),
        ("projects", erase(cloud.identity().projects(&all))),
    ];
    // every listing at once, on one thread
    let lines = ostk_sdk::futures::future::try_join_all(
        listings.into_iter().map(|(what, items)| count(what, items)),
    )
    .await?;
    for l in lines {
        println!("{l}");
    }
    Ok(())
}

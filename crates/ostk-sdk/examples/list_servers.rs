//! Lists the servers of a project: the openstacksdk `conn.compute.servers()` script, e.g. with
//! an OVHcloud service account.
//!
//! Run it with a cloud of clouds.yaml, or with none to use the environment (`OS_CLOUD`, or
//! `OS_AUTH_URL` and friends — OVHcloud's service-account variables `OS_AUTH_TYPE=
//! v3oidcclientcredentials`, `OS_CLIENT_ID`, `OS_CLIENT_SECRET`…):
//!
//! ```text
//! cargo run -p ostk-sdk --example list_servers -- devstack
//! . ./service-account.env && cargo run -p ostk-sdk --example list_servers
//! ```
//!
//! Prints one line per server (ID, name, status, addresses) and then how many there are.

use ostk_sdk::prelude::*;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ostk_sdk::Result<()> {
    let cloud = match std::env::args().nth(1) {
        Some(name) => Cloud::connect(&name).await?,
        None => Cloud::from_env().await?,
    };
    // A lazy stream: pages are fetched as the loop consumes them.
    let mut servers = cloud.compute().servers(&Query::new());
    let mut count = 0;
    while let Some(server) = servers.try_next().await? {
        count += 1;
        println!(
            "{}\t{}\t{}\t{}",
            server.id,
            server.name,
            server.status,
            server.ip_addresses().join(",")
        );
    }
    println!("{count} servers");
    Ok(())
}

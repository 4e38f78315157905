//! Creates a VM the way the GenOuest tutorial script does: image, flavor, network and key pair
//! by name, boot, wait until ACTIVE, print its addresses — then delete it (and the key pair
//! made for it) unless `--keep` is given, so a trial run leaves nothing behind.
//!
//! ```text
//! cargo run -p ostk-sdk --example create_server -- --cloud devstack \
//!     --image cirros-0.6.3-x86_64-disk --flavor m1.tiny --network private [--key mykey] [--keep]
//! ```
//!
//! Without `--key`, a key pair is generated for the server (and deleted with it).
//! `--volume GIB` also creates a volume of that size beside it and waits until it is
//! available (deleted at the end too). Without
//! `--cloud`, the `OS_*` environment is used. `--name` names the server (default
//! `sdk-example-<pid>`).

use ostk_sdk::prelude::*;
use std::time::Duration;

struct Args {
    cloud: Option<String>,
    name: String,
    image: String,
    flavor: String,
    network: String,
    key: Option<String>,
    volume: Option<u64>,
    keep: bool,
}

fn parse() -> Result<Args, String> {
    let mut a = Args {
        cloud: None,
        name: format!("sdk-example-{}", std::process::id()),
        image: "cirros".into(),
        flavor: "m1.tiny".into(),
        network: "private".into(),
        key: None,
        volume: None,
        keep: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--cloud" => a.cloud = Some(value()?),
            "--name" => a.name = value()?,
            "--image" => a.image = value()?,
            "--flavor" => a.flavor = value()?,
            "--network" => a.network = value()?,
            "--key" => a.key = Some(value()?),
            "--volume" => {
                let v = value()?;
                a.volume = Some(v.parse().map_err(|_| format!("bad volume size {v}"))?);
            }
            "--keep" => a.keep = true,
            "--delete" => a.keep = false,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("create_server: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    match run(&args).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("create_server: {e} ({:?})", e.kind());
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> ostk_sdk::Result<()> {
    let cloud = match &args.cloud {
        Some(name) => Cloud::connect(name).await?,
        None => Cloud::from_env().await?,
    };
    let compute = cloud.compute();

    // Names to IDs, with openstacksdk's errors ("No Image found for …") when one is missing.
    let image = cloud.image().find_image(&args.image).await?;
    let flavor = compute.find_flavor(&args.flavor).await?;
    let network = cloud.network().find_network(&args.network).await?;
    println!(
        "image {} ({}), flavor {} ({}), network {} ({})",
        image.name.as_deref().unwrap_or(""),
        image.id,
        flavor.name,
        flavor.id,
        network.name,
        network.id
    );

    let own_key = args.key.is_none();
    let key_name = match &args.key {
        Some(k) => k.clone(),
        None => {
            let key = compute
                .create_keypair(KeypairCreate::new(format!("{}-key", args.name)))
                .await?;
            println!(
                "generated key pair {} ({})",
                key.name,
                key.fingerprint.as_deref().unwrap_or("")
            );
            key.name
        }
    };

    let request = ServerCreate::new(&args.name)
        .image(&image.id)
        .flavor(&flavor.id)
        .network(&network.id)
        .key_name(&key_name)
        .metadata("created-by", "ostk-sdk example");
    let mut volume_id = None;
    let outcome = match compute.create_server(request).await {
        Ok(created) => {
            println!("created server {} ({})", args.name, created.id);
            let used = use_server(&cloud, &created.id, args, &mut volume_id).await;
            // Clean up even when waiting failed, then report the first failure.
            let cleaned = if args.keep {
                Ok(())
            } else {
                clean_up(&cloud, &created.id, volume_id.as_deref()).await
            };
            used.and(cleaned)
        }
        Err(e) => Err(e),
    };
    if own_key && !args.keep {
        compute.delete_keypair(&key_name).await?;
        println!("deleted key pair {key_name}");
    }
    outcome
}

/// Waits until the server is ACTIVE and prints its addresses; with `--volume`, creates a
/// volume and waits until it is available.
async fn use_server(
    cloud: &Cloud,
    id: &str,
    args: &Args,
    volume_id: &mut Option<String>,
) -> ostk_sdk::Result<()> {
    let server = cloud
        .compute()
        .wait_for_server(id, ServerStatus::Active, Duration::from_secs(300))
        .await?;
    println!(
        "server {} is {}: addresses {}",
        server.name,
        server.status,
        server.ip_addresses().join(", ")
    );
    let Some(size) = args.volume else {
        return Ok(());
    };
    let storage = cloud.block_storage();
    let name = format!("{}-vol", args.name);
    let created = storage
        .create_volume(
            VolumeCreate::new(size)
                .name(&name)
                .description("ostk-sdk example"),
        )
        .await?;
    *volume_id = Some(created.id.clone());
    let volume = storage
        .wait_for_volume(&created.id, "available", Duration::from_secs(300))
        .await?;
    println!(
        "volume {name} ({}) is {}, {} GiB",
        volume.id, volume.status, volume.size
    );
    Ok(())
}

/// Deletes the volume and the server, waiting until the server is gone.
async fn clean_up(cloud: &Cloud, server_id: &str, volume_id: Option<&str>) -> ostk_sdk::Result<()> {
    if let Some(v) = volume_id {
        cloud.block_storage().delete_volume(v).await?;
        println!("deleted volume {v}");
    }
    let compute = cloud.compute();
    compute.delete_server(server_id).await?;
    compute
        .wait_for_server(server_id, ServerStatus::Deleted, Duration::from_secs(300))
        .await?;
    println!("deleted server {server_id}");
    Ok(())
}

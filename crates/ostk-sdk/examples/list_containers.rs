//! Lists the object-storage containers of a cloud — and says plainly when the account may not
//! (an OVHcloud service account without object-storage rights gets 403 Forbidden).
//!
//! `cargo run -p ostk-sdk --example list_containers [cloud]` (no cloud: the `OS_*` environment,
//! e.g. OVHcloud's service-account variables).

use ostk_sdk::object_store::{ListQuery, ObjectStore};

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let cloud = std::env::args().nth(1);
    let session = match ostk_sdk::connect(cloud.as_deref()).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let query = ListQuery {
        all: true,
        ..ListQuery::default()
    };
    match ObjectStore::new(&session).list_containers(&query).await {
        Ok(containers) => {
            for c in containers {
                println!("{}\t{} objects\t{} bytes", c.name, c.count, c.bytes);
            }
            std::process::ExitCode::SUCCESS
        }
        // A typed status, not a string to parse.
        Err(e) if e.status() == Some(403) => {
            eprintln!("this account may not use object storage: {e}");
            std::process::ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}

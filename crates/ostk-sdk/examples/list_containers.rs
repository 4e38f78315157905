//! Lists the object-storage containers of a cloud — and says plainly when the account may not
//! (openstacksdk raises `ForbiddenException`; here the error's kind is
//! [`ErrorKind::Forbidden`]). An OVHcloud service account without object-storage rights, or a
//! reader-only keystone user, gets that.
//!
//! ```text
//! cargo run -p ostk-sdk --example list_containers -- devstack
//! cargo run -p ostk-sdk --example list_containers            # the OS_* environment
//! ```
//!
//! Exit status: 0 listed, 3 forbidden, 1 any other failure.

use ostk_sdk::prelude::*;
use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cloud = match std::env::args().nth(1) {
        Some(name) => Cloud::connect(&name).await,
        None => Cloud::from_env().await,
    };
    let cloud = match cloud {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let listed: Result<Vec<Container>, Error> = cloud
        .object_store()
        .containers(&Query::new())
        .try_collect()
        .await;
    match listed {
        Ok(containers) => {
            for c in &containers {
                println!("{}\t{} objects\t{} bytes", c.name, c.count, c.bytes);
            }
            println!("{} containers", containers.len());
            ExitCode::SUCCESS
        }
        // A typed kind, not a message to parse; the request ID is what an operator asks for.
        Err(e) if e.kind() == ErrorKind::Forbidden => {
            eprintln!(
                "this account may not use object storage: HTTP {} on {} (request {})",
                e.status().unwrap_or_default(),
                e.url().unwrap_or("?"),
                e.request_id().unwrap_or("-")
            );
            ExitCode::from(3)
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

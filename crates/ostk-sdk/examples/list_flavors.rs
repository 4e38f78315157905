//! Issues a token and lists the flavors of a cloud: the CSC Pouta curl walkthrough (token, then
//! `GET /flavors` on the compute endpoint) without copying a token.
//!
//! `cargo run -p ostk-sdk --example list_flavors [cloud]`

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), ostk_sdk::client::ClientError> {
    let cloud = std::env::args().nth(1);
    let session = ostk_sdk::connect(cloud.as_deref()).await?;
    let token = ostk_sdk::identity::Identity::new(&session)
        .issue_token()
        .await?;
    println!(
        "token for project {} expires {}",
        token.project_id.as_deref().unwrap_or("-"),
        token.expires.as_deref().unwrap_or("-")
    );
    for f in ostk_sdk::compute::flavor::list(&session, &[]).await? {
        println!(
            "{}\t{}\tvcpus={}\tram={} MiB",
            f["id"].as_str().unwrap_or(""),
            f["name"].as_str().unwrap_or(""),
            f["vcpus"],
            f["ram"]
        );
    }
    Ok(())
}

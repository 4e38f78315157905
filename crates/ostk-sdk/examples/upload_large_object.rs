//! Uploads a large file to object storage as a static large object: the file is cut into
//! segments sent in parallel (into `<container>_segments`), then a manifest joins them; a
//! progress bar (indicatif) shows on a terminal. The container is created if needed.
//!
//! ```text
//! cargo run -p ostk-sdk --example upload_large_object -- \
//!     [--cloud devstack] [--segment-size 104857600] [--delete] <container> <file> [object]
//! ```
//!
//! The object is named after the file unless `object` is given. `--delete` removes it again
//! (segments included) after checking the listing, and the containers if that leaves them
//! empty: a trial run leaves nothing behind.

use ostk_sdk::UploadOptions;
use ostk_sdk::prelude::*;
use std::path::PathBuf;

struct Args {
    cloud: Option<String>,
    segment_size: u64,
    delete: bool,
    container: String,
    file: PathBuf,
    object: String,
}

fn parse() -> Result<Args, String> {
    let (mut cloud, mut segment_size, mut delete) = (None, 100 << 20, false);
    let mut rest = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--cloud" => cloud = Some(it.next().ok_or("--cloud needs a value")?),
            "--segment-size" => {
                let v = it.next().ok_or("--segment-size needs a value")?;
                segment_size = v.parse().map_err(|_| format!("bad segment size {v}"))?;
            }
            "--delete" => delete = true,
            _ => rest.push(arg),
        }
    }
    let (container, file) = match rest.as_slice() {
        [c, f] | [c, f, _] => (c.clone(), PathBuf::from(f)),
        _ => return Err("usage: upload_large_object [options] <container> <file> [object]".into()),
    };
    let object = match rest.get(2) {
        Some(o) => o.clone(),
        None => file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or("the file has no name")?,
    };
    Ok(Args {
        cloud,
        segment_size,
        delete,
        container,
        file,
        object,
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("upload_large_object: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    match run(&args).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("upload_large_object: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> ostk_sdk::Result<()> {
    let cloud = match &args.cloud {
        Some(name) => Cloud::connect(name).await?,
        None => Cloud::from_env().await?,
    };
    let store = cloud.object_store();
    store.create_container(&args.container).await?;
    let options = UploadOptions {
        segment_size: args.segment_size,
        progress: true,
        ..UploadOptions::default()
    };
    let up = store
        .upload_file(&args.container, &args.object, &args.file, &options)
        .await?;
    println!(
        "uploaded {}/{} in {} segments (etag {})",
        up.container,
        up.object,
        up.segments,
        up.etag.as_deref().unwrap_or("-")
    );

    // The listing holds the manifest; a HEAD on it tells the size of the whole.
    let listed: Vec<Object> = store
        .objects(
            &args.container,
            &Query::new().filter("prefix", &args.object),
        )
        .try_collect()
        .await?;
    let head = store
        .store()
        .head_object(&args.container, &args.object)
        .await?;
    println!(
        "listed: {}; stored {} bytes",
        listed
            .iter()
            .any(|o| o.name.as_deref() == Some(args.object.as_str())),
        head.header("content-length").unwrap_or("?")
    );

    if args.delete {
        store.delete_object(&args.container, &args.object).await?;
        println!("deleted {}/{}", args.container, args.object);
        for c in [
            format!("{}_segments", args.container),
            args.container.clone(),
        ] {
            match store.delete_container(&c).await {
                // not there (no segments were needed), or still holds other objects
                Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::Conflict) => {}
                r => r?,
            }
        }
    }
    Ok(())
}

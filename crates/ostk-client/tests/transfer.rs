//! Streaming transfers against wiremock (and a raw socket for a truncated body): verified
//! downloads land atomically, mismatches and broken bodies leave no file, uploads stream and
//! re-authenticate once on 401.

mod support;

use ostk_client::transfer::{self, Expected, Sink, Source};
use std::io::{Read, Write};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn session(server: &MockServer) -> ostk_client::Session {
    support::mount_v3_auth(server, "tok", None).await;
    let o = support::v3pw(server);
    support::session("v3password", &support::refs(&o), None)
}

fn no_part_files(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir)
        .unwrap()
        .all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".part"))
}

const HELLO_MD5: &str = "5d41402abc4b2a76b9719d911017c592";

#[tokio::test]
async fn verified_download_lands_in_the_file() {
    let server = MockServer::start().await;
    let s = session(&server).await;
    Mock::given(method("GET"))
        .and(path("/img/file"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(b"hello".to_vec()))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.bin");
    let exp = Expected {
        hash: Some((
            "sha256".into(),
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824".into(),
        )),
        md5: Some(HELLO_MD5.into()),
    };
    let d = transfer::download(
        &s,
        &format!("{}/img/file", server.uri()),
        &[],
        &Sink::File(target.clone()),
        &exp,
        true,
    )
    .await
    .unwrap();
    assert_eq!(d.bytes, 5);
    assert_eq!(std::fs::read(&target).unwrap(), b"hello");
    assert!(no_part_files(dir.path()));
}

#[tokio::test]
async fn checksum_mismatch_leaves_no_file() {
    let server = MockServer::start().await;
    let s = session(&server).await;
    Mock::given(method("GET"))
        .and(path("/img/file"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(b"hellO".to_vec()))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.bin");
    let exp = Expected {
        hash: None,
        md5: Some(HELLO_MD5.into()),
    };
    let err = transfer::download(
        &s,
        &format!("{}/img/file", server.uri()),
        &[],
        &Sink::File(target.clone()),
        &exp,
        false,
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(
        err.starts_with("checksum mismatch (md5): 5d41402abc4b2a76b9719d911017c592 != "),
        "{err}"
    );
    assert!(!err.contains('\n'));
    assert!(!target.exists());
    assert!(no_part_files(dir.path()));
}

#[tokio::test]
async fn truncated_body_is_an_error_and_leaves_no_file() {
    let server = MockServer::start().await;
    let s = session(&server).await;
    // A server that promises 1000 bytes and hangs up after 10.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Ok((mut c, _)) = listener.accept() {
            let mut buf = [0u8; 4096];
            let _ = c.read(&mut buf);
            let _ = c.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789");
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.bin");
    let r = transfer::download(
        &s,
        &format!("http://{addr}/img/file"),
        &[],
        &Sink::File(target.clone()),
        &Expected::default(),
        false,
    )
    .await;
    assert!(r.is_err(), "{r:?}");
    assert!(!target.exists());
    assert!(no_part_files(dir.path()));
}

#[tokio::test]
async fn upload_streams_the_file_and_reauthenticates_once() {
    let server = MockServer::start().await;
    let s = session(&server).await;
    Mock::given(method("PUT"))
        .and(path("/img/file"))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/img/file"))
        .and(wiremock::matchers::body_bytes(vec![7u8; 200_000]))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in.bin");
    std::fs::write(&src, vec![7u8; 200_000]).unwrap();
    let headers = vec![(
        "Content-Type".to_string(),
        "application/octet-stream".to_string(),
    )];
    let r = transfer::upload(
        &s,
        ostk_client::Method::PUT,
        &format!("{}/img/file", server.uri()),
        &headers,
        &Source::File(src),
        false,
    )
    .await
    .unwrap();
    assert_eq!(r.status, 204);
}

#[test]
fn progress_is_off_when_stderr_is_not_a_terminal() {
    assert!(!transfer::Progress::with_terminal(true, Some(1), false).is_visible());
}

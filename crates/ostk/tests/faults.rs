//! Faults as the user meets them: the real `ostk` binary against an in-process fake cloud
//! (wiremock keystone and glance, plus a raw TCP server for what HTTP mocks cannot do: cut
//! bodies, reset connections). Each case asserts the exit code and the one stderr line, or that
//! the command rode the fault out; requests that are not idempotent are never retried.

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const TOKEN: &str = "gAAAA-fault-token";
const PASSWORD: &str = "fault-pw-s3cr3t";

fn catalog(keystone: &str, image: Option<&str>) -> Value {
    let mut c = vec![
        json!({"type": "identity", "name": "keystone", "id": "k", "endpoints": [
        {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": keystone, "id": "e1"}]}),
    ];
    if let Some(image) = image {
        c.push(json!({"type": "image", "name": "glance", "id": "g", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": image, "id": "e2"}]}));
    }
    Value::Array(c)
}

fn token_body(keystone: &str, image: Option<&str>) -> Value {
    json!({"token": {
        "methods": ["password"],
        "user": {"id": "u1", "name": "demo", "domain": {"id": "default", "name": "Default"}},
        "project": {"id": "p1", "name": "demo", "domain": {"id": "default", "name": "Default"}},
        "expires_at": "2099-01-01T00:00:00.000000Z",
        "issued_at": "2026-01-01T00:00:00.000000Z",
        "roles": [{"id": "r", "name": "member"}],
        "catalog": catalog(keystone, image),
    }})
}

/// A keystone answering password authentication with a catalog whose image endpoint is
/// `image` (the keystone itself under `/image` when `None`).
async fn keystone(image: Option<&str>, times: Option<u64>) -> MockServer {
    let server = MockServer::start().await;
    let uri = server.uri();
    let image = image.map_or_else(|| format!("{uri}/image"), str::to_string);
    mount_auth(&server, token_body(&uri, Some(&image)), times).await;
    mount_image_versions(&server, &image).await;
    server
}

/// Glance's version document at the root of `image` (served by `server`).
async fn mount_image_versions(server: &MockServer, image: &str) {
    let root = url_path(image);
    Mock::given(method("GET"))
        .and(path(if root.is_empty() { "/" } else { root }))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"versions": [
            {"id": "v2.16", "status": "CURRENT", "links": [{"rel": "self", "href": format!("{image}/v2/")}]}]})))
        .mount(server)
        .await;
}

fn url_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.find('/').map_or("", |i| &rest[i..])
}

async fn mount_auth(server: &MockServer, body: Value, times: Option<u64>) {
    let m = Mock::given(method("POST"))
        .and(path("/v3/auth/tokens"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("X-Subject-Token", TOKEN)
                .set_body_json(body),
        );
    match times {
        Some(n) => m.expect(n).mount(server).await,
        None => m.mount(server).await,
    }
}

/// A temporary HOME with a clouds.yaml for `auth_url`.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new(auth_url: &str, extra: &str) -> Home {
        Home::in_region(auth_url, "RegionOne", extra)
    }

    fn in_region(auth_url: &str, region: &str, extra: &str) -> Home {
        let dir = tempfile::tempdir().unwrap();
        let yaml = format!(
            "clouds:\n  mock:\n    auth_type: password\n    auth:\n      auth_url: {auth_url}/v3\n      \
             username: demo\n      password: {PASSWORD}\n      project_name: demo\n      \
             user_domain_id: default\n      project_domain_id: default\n    \
             region_name: {region}\n    identity_api_version: 3\n{extra}"
        );
        std::fs::write(dir.path().join("clouds.yaml"), yaml).unwrap();
        Home { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cache_dir(&self) -> PathBuf {
        self.path().join("cache").join("ostk")
    }

    /// Runs `ostk --os-cloud mock ARGS` with only this HOME's configuration.
    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run ostk")
    }

    fn command(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("ostk"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path())
            .env("XDG_CACHE_HOME", self.path().join("cache"))
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("OS_CLIENT_CONFIG_FILE", self.path().join("clouds.yaml"))
            .args(["--os-cloud", "mock"])
            .args(args);
        cmd
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The command failed with `code` and exactly one stderr line, `line`; no secret leaked.
#[track_caller]
fn fails_with(o: &Output, code: i32, line: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err, format!("{line}\n"));
    assert!(!err.contains(PASSWORD) && !err.contains(TOKEN));
}

#[track_caller]
fn succeeds(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    stdout(o)
}

const IMAGES: &str = "/image/v2/images";

fn images_body() -> Value {
    json!({"images": [{"id": "11111111-2222-3333-4444-555555555555", "name": "cirros",
        "status": "active", "visibility": "public", "protected": false, "tags": []}],
        "first": "/v2/images"})
}

/// Answers from a list, the last one repeated; counts calls.
#[derive(Clone)]
struct Script(Arc<Mutex<Vec<ResponseTemplate>>>, Arc<AtomicUsize>);

impl Script {
    fn new(answers: Vec<ResponseTemplate>) -> Script {
        Script(Arc::new(Mutex::new(answers)), Arc::default())
    }
    fn calls(&self) -> usize {
        self.1.load(Ordering::SeqCst)
    }
}

impl Respond for Script {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        self.1.fetch_add(1, Ordering::SeqCst);
        let mut a = self.0.lock().unwrap();
        if a.len() > 1 {
            a.remove(0)
        } else {
            a[0].clone()
        }
    }
}

fn ok_images() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(images_body())
}

async fn images_answer(server: &MockServer, script: Script) {
    Mock::given(method("GET"))
        .and(path(IMAGES))
        .respond_with(script)
        .mount(server)
        .await;
}

fn unauthorized() -> ResponseTemplate {
    ResponseTemplate::new(401).set_body_json(json!({"error": {"code": 401,
        "message": "The request you have made requires authentication.", "title": "Unauthorized"}}))
}

// ---------------------------------------------------------------------------------------------
// Authentication faults

#[tokio::test(flavor = "multi_thread")]
async fn token_rejected_mid_run_reauthenticates_once() {
    rides_out(unauthorized(), Duration::ZERO).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keystone_refusing_connections() {
    let port = closed_port();
    let home = Home::new(&format!("http://127.0.0.1:{port}"), "");
    let o = home.run(&["--no-token-cache", "token", "issue"]);
    fails_with(
        &o,
        1,
        &format!(
            "Unable to establish connection to http://127.0.0.1:{port}/v3/auth/tokens: Connection refused (os error 111)"
        ),
    );
}

fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

// ---------------------------------------------------------------------------------------------
// Transport faults: a raw server for what wiremock cannot do

#[derive(Clone, Copy)]
enum Fault {
    /// Announce 4000 bytes of JSON, send 12, close.
    Truncate,
    /// Read the request, then reset the connection (RST, no answer).
    Reset,
    /// Answer after 20 seconds.
    Slow,
}

/// A glance at `http://127.0.0.1:port/image` whose version document is served normally and
/// every other request meets `fault`. Counts faulted requests (method and path).
struct RawGlance {
    port: u16,
    hits: Arc<Mutex<Vec<String>>>,
}

impl RawGlance {
    fn start(fault: Fault) -> RawGlance {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let hits: Arc<Mutex<Vec<String>>> = Arc::default();
        let h = hits.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let h = h.clone();
                std::thread::spawn(move || serve_raw(conn, port, fault, &h));
            }
        });
        RawGlance { port, hits }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/image", self.port)
    }

    fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }
}

/// Reads one request (head and body); `None` when the peer went away. Returns the request
/// line's method and target.
fn read_request(s: &mut impl Read) -> Option<(String, String)> {
    let mut head = Vec::new();
    let mut b = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match s.read(&mut b) {
            Ok(1) => head.push(b[0]),
            _ => return None,
        }
    }
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    s.read_exact(&mut body).ok()?;
    let mut words = head.split_whitespace();
    let verb = words.next().unwrap_or("").to_ascii_uppercase();
    Some((verb, words.next().unwrap_or("").to_string()))
}

fn serve_raw(mut conn: TcpStream, port: u16, fault: Fault, hits: &Mutex<Vec<String>>) {
    let Some((verb, target)) = read_request(&mut conn) else {
        return;
    };
    if verb == "GET" && (target == "/image" || target == "/image/") {
        let doc = json!({"versions": [{"id": "v2.16", "status": "CURRENT", "links": [
            {"rel": "self", "href": format!("http://127.0.0.1:{port}/image/v2/")}]}]})
        .to_string();
        let _ = write!(
            conn,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{doc}",
            doc.len()
        );
        return;
    }
    hits.lock().unwrap().push(format!("{verb} {target}"));
    match fault {
        Fault::Truncate => {
            let _ = conn.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\nConnection: close\r\n\r\n{\"images\": [",
            );
            let _ = conn.flush();
        }
        Fault::Reset => {
            let linger = libc::linger {
                l_onoff: 1,
                l_linger: 0,
            };
            // SAFETY: a valid socket and a correctly sized option value.
            unsafe {
                libc::setsockopt(
                    std::os::fd::AsRawFd::as_raw_fd(&conn),
                    libc::SOL_SOCKET,
                    libc::SO_LINGER,
                    (&raw const linger).cast(),
                    std::mem::size_of::<libc::linger>() as libc::socklen_t,
                );
            }
        }
        Fault::Slow => {
            std::thread::sleep(Duration::from_secs(20));
            let _ = conn
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn slow_answer_beyond_api_timeout() {
    let glance = RawGlance::start(Fault::Slow);
    let ks = keystone(Some(&glance.url()), None).await;
    let home = Home::new(&ks.uri(), "    api_timeout: 1\n");
    let started = Instant::now();
    let o = home.run(&["--no-token-cache", "image", "list"]);
    fails_with(
        &o,
        1,
        &format!("Request to {}/v2/images timed out", glance.url()),
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

/// `image list` against a raw glance meeting `fault`: exit 1 with `broke off while reading
/// the response: {reason}`, after three attempts (a GET is safe to send again).
async fn image_list_broken(fault: Fault, reason: &str) {
    let glance = RawGlance::start(fault);
    let ks = keystone(Some(&glance.url()), None).await;
    let home = Home::new(&ks.uri(), "");
    let o = home.run(&["--no-token-cache", "image", "list"]);
    let line = format!(
        "Connection to {}/v2/images broke off while reading the response: {reason}",
        glance.url()
    );
    fails_with(&o, 1, &line);
    assert_eq!(glance.hits().len(), 3, "{:?}", glance.hits());
}

#[tokio::test(flavor = "multi_thread")]
async fn truncated_body() {
    image_list_broken(Fault::Truncate, "end of file before message length reached").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn connection_reset() {
    image_list_broken(Fault::Reset, "Connection reset by peer (os error 104)").await;
}

const PROXY_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

fn bad_gateway() -> ResponseTemplate {
    ResponseTemplate::new(502).set_body_raw(PROXY_502.as_bytes(), "text/html")
}

/// `image list` against a glance answering `answer` every time: exit code 1, `line` (with
/// `{url}` standing for the image endpoint) alone on stderr, after `calls` GETs.
async fn image_list_fails(answer: ResponseTemplate, line: &str, calls: usize) {
    let ks = keystone(None, None).await;
    let script = Script::new(vec![answer]);
    images_answer(&ks, script.clone()).await;
    let home = Home::new(&ks.uri(), "");
    let o = home.run(&["--no-token-cache", "image", "list"]);
    fails_with(
        &o,
        1,
        &line.replace("{url}", &format!("{}/image", ks.uri())),
    );
    assert_eq!(script.calls(), calls);
}

#[tokio::test(flavor = "multi_thread")]
async fn token_rejected_twice_stops_with_one_line() {
    // One re-authentication, then keystone's revocation-second retry: never a loop.
    image_list_fails(
        unauthorized(),
        "The request you have made requires authentication. (HTTP 401)",
        3,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_json() {
    let truncated_json = ResponseTemplate::new(200)
        .set_body_raw(&b"{\"images\": [{\"id\": "[..], "application/json");
    image_list_fails(
        truncated_json,
        "Invalid response from {url}/v2/images: EOF while parsing a value at line 1 column 19",
        1,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn html_error_page_from_a_proxy() {
    // The page itself stays out of the error line (it is in the --debug log); a GET is tried
    // three times.
    image_list_fails(bad_gateway(), "Bad Gateway (HTTP 502)", 3).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn persistent_unavailability_gives_up_with_one_line() {
    let answer = ResponseTemplate::new(503).insert_header("Retry-After", "0");
    image_list_fails(answer, "Service Unavailable (HTTP 503)", 3).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn persistent_rate_limit_gives_up_with_one_line() {
    let answer = ResponseTemplate::new(429).insert_header("Retry-After", "0");
    image_list_fails(answer, "Too Many Requests (HTTP 429)", 3).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_gateway_while_a_backend_restarts_is_ridden_out() {
    rides_out(bad_gateway(), Duration::from_millis(400)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keystone_down_with_a_valid_cached_token() {
    let glance = MockServer::start().await;
    mount_image_versions(&glance, &format!("{}/image", glance.uri())).await;
    images_answer(&glance, Script::new(vec![ok_images()])).await;
    // Not from wiremock's pool: dropping it must close the port.
    let ks = MockServer::builder().start().await;
    let ks_uri = ks.uri();
    let body = token_body(&ks_uri, Some(&format!("{}/image", glance.uri())));
    mount_auth(&ks, body, Some(1)).await;
    let home = Home::new(&ks_uri, "");
    assert_eq!(
        succeeds(&home.run(&["image", "list", "-f", "value", "-c", "Name"])),
        "cirros\n"
    );
    drop(ks);
    let addr = ks_uri.trim_start_matches("http://").to_string();
    let started = Instant::now();
    while TcpStream::connect(&addr).is_ok() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "keystone still up"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // keystone is gone: the cached token and catalog carry on.
    assert_eq!(
        succeeds(&home.run(&["image", "list", "-f", "value", "-c", "Name"])),
        "cirros\n"
    );
    // Without the cache, authentication fails clearly.
    let o = home.run(&["--no-token-cache", "image", "list"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.starts_with(&format!(
            "Unable to establish connection to {ks_uri}/v3/auth/tokens: "
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn catalog_without_the_service() {
    let server = MockServer::start().await;
    mount_auth(&server, token_body(&server.uri(), None), None).await;
    let home = Home::new(&server.uri(), "");
    let o = home.run(&["--no-token-cache", "image", "list"]);
    fails_with(
        &o,
        1,
        "public endpoint for image service in RegionOne region not found",
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn catalog_without_the_region() {
    let ks = keystone(None, None).await;
    let home = Home::in_region(&ks.uri(), "RegionTwo", "");
    let o = home.run(&["--no-token-cache", "image", "list"]);
    fails_with(
        &o,
        1,
        "public endpoint for image service in RegionTwo region not found",
    );
}

// ---------------------------------------------------------------------------------------------
// Rate limiting and unavailability

/// `image list` meets `first`, then succeeds on the one retry, no sooner than `min`.
async fn rides_out(first: ResponseTemplate, min: Duration) {
    let ks = keystone(None, None).await;
    let script = Script::new(vec![first, ok_images()]);
    images_answer(&ks, script.clone()).await;
    let home = Home::new(&ks.uri(), "");
    let started = Instant::now();
    let out = succeeds(&home.run(&[
        "--no-token-cache",
        "image",
        "list",
        "-f",
        "value",
        "-c",
        "Name",
    ]));
    assert_eq!(out, "cirros\n");
    assert_eq!(script.calls(), 2);
    assert!(started.elapsed() >= min, "{:?}", started.elapsed());
}

#[tokio::test(flavor = "multi_thread")]
async fn rate_limits_and_unavailability_are_ridden_out() {
    // 429 and 503, with `Retry-After` (waited out exactly) and without (backoff from 0.5 s).
    for (status, retry_after, min) in [
        (503, Some("1"), Duration::from_secs(1)),
        (503, None, Duration::from_millis(400)),
        (429, Some("1"), Duration::from_secs(1)),
        (429, None, Duration::from_millis(400)),
    ] {
        let mut first = ResponseTemplate::new(status);
        if let Some(ra) = retry_after {
            first = first.insert_header("Retry-After", ra);
        }
        rides_out(first, min).await;
    }
}

/// A command whose one request is a POST.
const IMAGE_CREATE: &[&str] = &[
    "--no-token-cache",
    "image",
    "create",
    "--disk-format",
    "raw",
    "--container-format",
    "bare",
    "fresh",
];

#[tokio::test(flavor = "multi_thread")]
async fn post_is_never_retried() {
    let ks = keystone(None, None).await;
    let script = Script::new(vec![
        ResponseTemplate::new(503).insert_header("Retry-After", "0"),
    ]);
    Mock::given(method("POST"))
        .and(path(IMAGES))
        .respond_with(script.clone())
        .mount(&ks)
        .await;
    images_answer(
        &ks,
        Script::new(vec![
            ResponseTemplate::new(200).set_body_json(json!({"images": []})),
        ]),
    )
    .await;
    let home = Home::new(&ks.uri(), "");
    let o = home.run(IMAGE_CREATE);
    fails_with(&o, 1, "Service Unavailable (HTTP 503)");
    assert_eq!(script.calls(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn post_meeting_a_reset_is_not_resent() {
    let glance = RawGlance::start(Fault::Reset);
    let ks = keystone(Some(&glance.url()), None).await;
    let home = Home::new(&ks.uri(), "");
    let o = home.run(IMAGE_CREATE);
    fails_with(
        &o,
        1,
        &format!(
            "Connection to {}/v2/images broke off while reading the response: Connection reset by peer (os error 104)",
            glance.url()
        ),
    );
    let posts = glance
        .hits()
        .iter()
        .filter(|h| h.starts_with("POST"))
        .count();
    assert_eq!(posts, 1, "{:?}", glance.hits());
}

// ---------------------------------------------------------------------------------------------
// The token cache, shared by concurrent invocations and distrusted when it must be

fn cache_files(home: &Home) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(home.cache_dir())
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

async fn auth_requests(server: &MockServer) -> usize {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.url.path() == "/v3/auth/tokens")
        .count()
}

#[tokio::test(flavor = "multi_thread")]
async fn hundred_parallel_invocations_share_one_cache() {
    use std::os::unix::fs::PermissionsExt;
    let ks = keystone(None, None).await;
    let home = Home::new(&ks.uri(), "");
    let children: Vec<_> = (0..100)
        .map(|_| {
            home.command(&["token", "issue", "-f", "value", "-c", "id"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn ostk")
        })
        .collect();
    for c in children {
        let o = c.wait_with_output().unwrap();
        assert_eq!(succeeds(&o), format!("{TOKEN}\n"));
        assert_eq!(stderr(&o), "");
    }
    // One whole entry, private, no temporary file left behind.
    let files = cache_files(&home);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("token-") && name.ends_with(".json"),
        "{name}"
    );
    let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let entry: Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    assert_eq!(entry["access"]["token"], TOKEN);
    // And it is used: the next invocation does not authenticate.
    let before = auth_requests(&ks).await;
    assert_eq!(
        succeeds(&home.run(&["token", "issue", "-f", "value", "-c", "id"])),
        format!("{TOKEN}\n")
    );
    assert_eq!(auth_requests(&ks).await, before);
}

#[tokio::test(flavor = "multi_thread")]
async fn untrusted_cache_files_are_ignored_and_said_so_with_v() {
    use std::os::unix::fs::PermissionsExt;
    let ks = keystone(None, None).await;
    let home = Home::new(&ks.uri(), "");
    let issue = ["token", "issue", "-f", "value", "-c", "id"];
    succeeds(&home.run(&issue));
    let file = cache_files(&home).pop().unwrap();
    let chmod = |m| std::fs::set_permissions(&file, std::fs::Permissions::from_mode(m)).unwrap();
    let run_v = |expected: &str| {
        let before = futures_block(auth_requests(&ks));
        let o = home.run(&["-v", "token", "issue", "-f", "value", "-c", "id"]);
        assert_eq!(succeeds(&o), format!("{TOKEN}\n"));
        let err = stderr(&o);
        let line = format!("token cache: ignoring {} ({expected})", file.display());
        assert!(err.lines().any(|l| l == line), "{line:?} not in {err:?}");
        // Not trusted: keystone was asked, and the entry rewritten privately.
        assert_eq!(futures_block(auth_requests(&ks)), before + 1);
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    };
    chmod(0o644);
    run_v("mode 644 is too permissive");
    chmod(0o620);
    run_v("mode 620 is too permissive");
    std::fs::write(&file, b"{\"format\": 1, \"access\": {\"tok").unwrap();
    run_v("corrupt: EOF while parsing a string at line 1 column 29");
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        // As root the file can be handed to someone else.
        let c = std::ffi::CString::new(file.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid path; uid/gid 65534 (nobody).
        assert_eq!(unsafe { libc::chown(c.as_ptr(), 65534, 65534) }, 0);
        run_v("owned by uid 65534, not 0");
    }
    // Without -v the fallback is silent.
    chmod(0o644);
    let o = home.run(&issue);
    assert_eq!(succeeds(&o), format!("{TOKEN}\n"));
    assert_eq!(stderr(&o), "");
}

/// Runs a future to completion from synchronous test code inside the multi-thread runtime.
fn futures_block<F: std::future::Future>(f: F) -> F::Output {
    tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(f))
}

// ---------------------------------------------------------------------------------------------
// TLS: a local keystone over HTTPS with certificates made here

/// A CA, and a keystone over TLS with a certificate it signed for `names`.
struct TlsKeystone {
    port: u16,
    ca_pem: String,
    /// A client certificate and key the CA signed (PEM), for servers that want one.
    client_pem: (String, String),
}

impl TlsKeystone {
    fn start(names: &[&str], want_client_cert: bool) -> TlsKeystone {
        use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
        use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "ostk test CA");
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
        let key = KeyPair::generate().unwrap();
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let cert = CertificateParams::new(names)
            .unwrap()
            .signed_by(&key, &ca)
            .unwrap();
        let client_key = KeyPair::generate().unwrap();
        let client = CertificateParams::new(vec!["ostk client".to_string()])
            .unwrap()
            .signed_by(&client_key, &ca)
            .unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .unwrap();
        let builder = if want_client_cert {
            let mut roots = rustls::RootCertStore::empty();
            roots.add(ca.der().clone()).unwrap();
            let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                Arc::new(roots),
                provider,
            )
            .build()
            .unwrap();
            builder.with_client_cert_verifier(verifier)
        } else {
            builder.with_no_client_auth()
        };
        let config = Arc::new(
            builder
                .with_single_cert(
                    vec![CertificateDer::from(cert.der().to_vec())],
                    PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
                )
                .unwrap(),
        );
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let config = config.clone();
                std::thread::spawn(move || {
                    let Ok(conn) = rustls::ServerConnection::new(config) else {
                        return;
                    };
                    serve_keystone(rustls::StreamOwned::new(conn, tcp), port);
                });
            }
        });
        TlsKeystone {
            port,
            ca_pem: ca.pem(),
            client_pem: (client.pem(), client_key.serialize_pem()),
        }
    }

    fn url(&self, host: &str) -> String {
        format!("https://{host}:{}", self.port)
    }
}

/// Answers one request with a token (whatever was asked: the tests only authenticate).
fn serve_keystone(mut s: impl Read + Write, port: u16) {
    if read_request(&mut s).is_none() {
        return;
    }
    let doc = token_body(&format!("https://127.0.0.1:{port}"), None).to_string();
    let _ = write!(
        s,
        "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Subject-Token: {TOKEN}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{doc}",
        doc.len()
    );
    let _ = s.flush();
}

const TOKEN_ID: &[&str] = &[
    "--no-token-cache",
    "token",
    "issue",
    "-f",
    "value",
    "-c",
    "id",
];

fn with(first: &[&str], rest: &[&str]) -> Vec<String> {
    first.iter().chain(rest).map(|s| s.to_string()).collect()
}

impl Home {
    fn file(&self, name: &str, text: &str) -> String {
        let p = self.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    }

    fn run_owned(&self, args: &[String]) -> Output {
        self.run(&args.iter().map(String::as_str).collect::<Vec<_>>())
    }
}

#[test]
fn tls_custom_ca_unknown_ca_and_insecure() {
    let ks = TlsKeystone::start(&["localhost", "127.0.0.1"], false);
    let url = ks.url("127.0.0.1");
    let home = Home::new(&url, "");
    let ca = home.file("ca.pem", &ks.ca_pem);
    // Trusted through --os-cacert.
    let o = home.run_owned(&with(&["--os-cacert", &ca], TOKEN_ID));
    assert_eq!(succeeds(&o), format!("{TOKEN}\n"));
    assert_eq!(stderr(&o), "");
    // Not trusted by the system: refused, one line.
    let o = home.run(TOKEN_ID);
    fails_with(
        &o,
        1,
        &format!(
            "SSL exception connecting to {url}/v3/auth/tokens: invalid peer certificate: UnknownIssuer"
        ),
    );
    // --insecure: works; as openstacksdk, which squelches urllib3's warning, nothing on
    // stderr by default; said at -v.
    let o = home.run_owned(&with(&["--insecure"], TOKEN_ID));
    assert_eq!(succeeds(&o), format!("{TOKEN}\n"));
    assert_eq!(stderr(&o), "");
    let o = home.run_owned(&with(&["--insecure", "-v"], TOKEN_ID));
    assert_eq!(succeeds(&o), format!("{TOKEN}\n"));
    assert_eq!(
        stderr(&o),
        "TLS certificate verification is off (--insecure): the server's identity is not checked\n"
    );
}

#[test]
fn tls_hostname_mismatch_is_refused() {
    let ks = TlsKeystone::start(&["keystone.example"], false);
    let url = ks.url("127.0.0.1");
    let home = Home::new(&url, "");
    let ca = home.file("ca.pem", &ks.ca_pem);
    let o = home.run_owned(&with(&["--os-cacert", &ca], TOKEN_ID));
    fails_with(
        &o,
        1,
        &format!(
            "SSL exception connecting to {url}/v3/auth/tokens: invalid peer certificate: \
             certificate not valid for name \"127.0.0.1\"; certificate is only valid for \
             DnsName(\"keystone.example\")"
        ),
    );
}

#[test]
fn tls_client_certificate() {
    let ks = TlsKeystone::start(&["127.0.0.1"], true);
    let url = ks.url("127.0.0.1");
    let home = Home::new(&url, "");
    let ca = home.file("ca.pem", &ks.ca_pem);
    let cert = home.file("client.pem", &ks.client_pem.0);
    let key = home.file("client.key", &ks.client_pem.1);
    let o = home.run_owned(&with(
        &["--os-cacert", &ca, "--os-cert", &cert, "--os-key", &key],
        TOKEN_ID,
    ));
    assert_eq!(succeeds(&o), format!("{TOKEN}\n"));
    // Without one, the server's refusal is a TLS error, not a broken connection.
    let o = home.run_owned(&with(&["--os-cacert", &ca], TOKEN_ID));
    fails_with(
        &o,
        1,
        &format!(
            "SSL exception connecting to {url}/v3/auth/tokens: received fatal alert: CertificateRequired"
        ),
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn https_to_a_plain_http_server_is_not_downgraded() {
    let ks = keystone(None, None).await;
    let url = ks.uri().replace("http://", "https://");
    let home = Home::new(&url, "");
    let o = home.run(TOKEN_ID);
    fails_with(
        &o,
        1,
        &format!(
            "SSL exception connecting to {url}/v3/auth/tokens: received corrupt message of type InvalidContentType"
        ),
    );
    // And nothing was sent in the clear.
    assert_eq!(auth_requests(&ks).await, 0);
}

// ---------------------------------------------------------------------------------------------
// Secrets at the binary level (every plugin at the library level: ostk-client's redaction.rs)

#[tokio::test(flavor = "multi_thread")]
async fn no_secret_in_debug_output_or_log_file() {
    let ks = keystone(None, None).await;
    images_answer(&ks, Script::new(vec![unauthorized(), ok_images()])).await;
    let home = Home::new(&ks.uri(), "");
    let log = home.path().join("ostk.log");
    let log_arg = log.display().to_string();
    let o = home.run(&["--debug", "--log-file", &log_arg, "image", "list"]);
    let out = succeeds(&o);
    let err = stderr(&o);
    let logged = std::fs::read_to_string(&log).unwrap();
    // The run did authenticate twice (401 in the middle) and logged the requests.
    assert!(logged.contains("/v3/auth/tokens") && err.contains("/v3/auth/tokens"));
    for (what, text) in [("stdout", &out), ("stderr", &err), ("log file", &logged)] {
        for secret in [PASSWORD, TOKEN] {
            assert!(!text.contains(secret), "{secret} in {what}");
        }
    }
    // `configuration show` masks unless asked not to.
    let o = home.run(&["configuration", "show", "-f", "json"]);
    let shown: Value = serde_json::from_str(&succeeds(&o)).unwrap();
    assert_eq!(shown["auth.password"], "<redacted>");
    let o = home.run(&["configuration", "show", "-f", "json", "--unmask"]);
    let shown: Value = serde_json::from_str(&succeeds(&o)).unwrap();
    assert_eq!(shown["auth.password"], PASSWORD);
}

/// A swift container listing (`object list --all`) whose pages (two objects each, by marker)
/// are answered by `pages`, in order; then `object list … --all` is run with `format`.
async fn object_list_with_pages(pages: Vec<ResponseTemplate>, format: &str) -> Output {
    let ks = keystone(None, None).await;
    let swift = format!("{}/swift/v1/AUTH_p1", ks.uri());
    Mock::given(method("GET"))
        .and(path("/swift/v1/AUTH_p1/c"))
        .respond_with(Script::new(pages))
        .mount(&ks)
        .await;
    let home = Home::new(
        &ks.uri(),
        &format!("    object_store_endpoint_override: {swift}\n"),
    );
    home.run(&[
        "--no-token-cache",
        "object",
        "list",
        "c",
        "--all",
        "--limit",
        "2",
        "-f",
        format,
    ])
}

fn objects(names: &[&str]) -> ResponseTemplate {
    let items: Vec<Value> = names
        .iter()
        .map(|n| {
            json!({"name": n, "bytes": 1, "hash": "h", "content_type": "text/plain",
            "last_modified": "2026-01-01T00:00:00.000000"})
        })
        .collect();
    ResponseTemplate::new(200).set_body_json(items)
}

#[tokio::test(flavor = "multi_thread")]
async fn long_listing_streams_its_pages_and_stops_at_a_failing_one() {
    let forbidden = || ResponseTemplate::new(403).set_body_string("<html>Forbidden</html>");
    // every page written as it arrives, the last (empty) one ends the listing
    let o = object_list_with_pages(
        vec![objects(&["a", "b"]), objects(&["c", "d"]), objects(&[])],
        "value",
    )
    .await;
    assert_eq!(succeeds(&o), "a\nb\nc\nd\n");
    // the second page fails: what came before stays written, then one error line, exit 1
    let o = object_list_with_pages(vec![objects(&["a", "b"]), forbidden()], "value").await;
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "a\nb\n");
    let late = stderr(&o);
    assert_eq!(late.lines().count(), 1, "{late}");
    assert!(late.contains("403"), "{late}");
    // the first page fails: nothing at all on stdout (not even json's opening bracket)
    let o = object_list_with_pages(vec![forbidden()], "json").await;
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), late);
}

/// A service registered after the cached token was issued is missing from the token's
/// catalog: the command fetches the current catalog once (no new authentication) and the
/// cache keeps it for the next commands.
#[tokio::test(flavor = "multi_thread")]
async fn cached_catalog_missing_a_new_service_is_refreshed_once() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let image = format!("{uri}/image");
    // the token is issued while the catalog has no image service yet
    mount_auth(&server, token_body(&uri, None), Some(1)).await;
    mount_image_versions(&server, &image).await;
    Mock::given(method("GET"))
        .and(path("/v3/auth/catalog"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"catalog": catalog(&uri, Some(&image))})),
        )
        .expect(1)
        .mount(&server)
        .await;
    images_answer(&server, Script::new(vec![ok_images()])).await;
    let home = Home::new(&uri, "");
    succeeds(&home.run(&["token", "issue", "-f", "value", "-c", "id"]));
    for _ in 0..2 {
        let o = home.run(&["image", "list", "-f", "value", "-c", "Name"]);
        assert_eq!(succeeds(&o), "cirros\n");
    }
    server.verify().await;
}

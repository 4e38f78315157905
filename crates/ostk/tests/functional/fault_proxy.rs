//! A fault-injecting HTTP/1.1 proxy in front of the devcloud's real swift: every request gets
//! `Connection: close` (one request per connection, so faults hit exactly the request a rule
//! names), and a matching rule cuts or corrupts the request or response body at a byte
//! offset, or slows the request body down (to interrupt an upload half-way).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fault {
    /// Close both sides after this many request-body bytes.
    CutRequestAfter(u64),
    /// Flip the request-body byte at this offset.
    CorruptRequestAt(u64),
    /// Close both sides after this many response-body bytes.
    CutResponseAfter(u64),
    /// Flip the response-body byte at this offset.
    CorruptResponseAt(u64),
    /// Pass the request body 16 KiB at a time, 100 ms apart.
    SlowRequest,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub method: &'static str,
    /// A substring of the request path.
    pub path: String,
    pub fault: Fault,
}

/// What the proxy saw: `METHOD path` per request, in arrival order.
pub type Seen = Arc<Mutex<Vec<String>>>;

pub struct FaultProxy {
    pub port: u16,
    pub seen: Seen,
}

impl FaultProxy {
    pub fn start(upstream: &str, rules: Vec<Rule>) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().unwrap().port();
        let seen: Seen = Arc::default();
        let rules = Arc::new(rules);
        let upstream = upstream.to_string();
        let seen2 = seen.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (rules, seen, upstream) = (rules.clone(), seen2.clone(), upstream.clone());
                std::thread::spawn(move || {
                    let _ = handle(client, &upstream, &rules, &seen);
                });
            }
        });
        FaultProxy { port, seen }
    }

    pub fn requests(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

fn read_head(s: &mut TcpStream) -> std::io::Result<(Vec<u8>, Vec<u8>)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            let rest = buf.split_off(i + 4);
            return Ok((buf, rest));
        }
        let n = s.read(&mut chunk)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    h.windows(n.len()).position(|w| w == n)
}

fn handle(
    mut client: TcpStream,
    upstream: &str,
    rules: &[Rule],
    seen: &Seen,
) -> std::io::Result<()> {
    let (head, body_start) = read_head(&mut client)?;
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or_default().to_string();
    let mut parts = request_line.split(' ');
    let (method, path) = (
        parts.next().unwrap_or_default().to_string(),
        parts.next().unwrap_or_default().to_string(),
    );
    seen.lock().unwrap().push(format!("{method} {path}"));
    let fault = rules
        .iter()
        .find(|r| r.method == method && path.contains(&r.path))
        .map(|r| r.fault);
    let mut new_head = format!("{request_line}\r\n");
    for l in lines.filter(|l| !l.is_empty()) {
        if !l.to_ascii_lowercase().starts_with("connection:") {
            new_head.push_str(l);
            new_head.push_str("\r\n");
        }
    }
    new_head.push_str("Connection: close\r\n\r\n");
    let mut server = TcpStream::connect(upstream)?;
    server.write_all(new_head.as_bytes())?;

    // Request body: client -> server, on its own thread.
    let mut c_read = client.try_clone()?;
    let mut s_write = server.try_clone()?;
    let (c_kill, s_kill) = (client.try_clone()?, server.try_clone()?);
    let up = std::thread::spawn(move || -> std::io::Result<()> {
        let mut sent = 0u64;
        let mut pending = body_start;
        let mut chunk = vec![0u8; 16 * 1024];
        loop {
            let mut data = if pending.is_empty() {
                let n = c_read.read(&mut chunk)?;
                if n == 0 {
                    return Ok(());
                }
                chunk[..n].to_vec()
            } else {
                std::mem::take(&mut pending)
            };
            match fault {
                Some(Fault::CutRequestAfter(at)) if sent + data.len() as u64 > at => {
                    let keep = (at - sent) as usize;
                    s_write.write_all(&data[..keep])?;
                    let _ = s_kill.shutdown(Shutdown::Both);
                    let _ = c_kill.shutdown(Shutdown::Both);
                    return Ok(());
                }
                Some(Fault::CorruptRequestAt(at))
                    if sent <= at && at < sent + data.len() as u64 =>
                {
                    data[(at - sent) as usize] ^= 0xff;
                }
                Some(Fault::SlowRequest) => std::thread::sleep(Duration::from_millis(100)),
                _ => {}
            }
            sent += data.len() as u64;
            s_write.write_all(&data)?;
        }
    });

    // Response: server -> client; faults apply after the head.
    let mut got = 0u64;
    let mut in_body = false;
    let mut head_buf = Vec::new();
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        let n = server.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        let mut data = chunk[..n].to_vec();
        if !in_body {
            head_buf.extend_from_slice(&data);
            match find(&head_buf, b"\r\n\r\n") {
                Some(i) => {
                    in_body = true;
                    let body = head_buf.split_off(i + 4);
                    client.write_all(&head_buf)?;
                    data = body;
                }
                None => continue,
            }
        }
        match fault {
            Some(Fault::CutResponseAfter(at)) if got + data.len() as u64 > at => {
                let keep = (at - got) as usize;
                client.write_all(&data[..keep])?;
                let _ = client.shutdown(Shutdown::Both);
                let _ = server.shutdown(Shutdown::Both);
                return Ok(());
            }
            Some(Fault::CorruptResponseAt(at)) if got <= at && at < got + data.len() as u64 => {
                data[(at - got) as usize] ^= 0xff;
            }
            _ => {}
        }
        got += data.len() as u64;
        client.write_all(&data)?;
    }
    let _ = client.shutdown(Shutdown::Both);
    let _ = server.shutdown(Shutdown::Both);
    let _ = up.join();
    Ok(())
}

//! Key pairs as openstacksdk's `compute.v2.keypair.Keypair` speaks to them (microversion
//! ≤ 2.10), and the ssh-ed25519 key pair OSC generates when given no public key.

use super::api;
use crate::client::{ClientError, Session};
use crate::rest::{Collection, Lookup};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde_json::Value;

/// openstacksdk's `Keypair._max_microversion`.
pub const CAP: &str = "2.10";
/// `/os-keypairs` (list items are wrapped: `{"keypair": {…}}`).
pub const KEYPAIRS: Collection = api::capped("os-keypairs", "keypair", "keypairs", Some(CAP));

/// Every key pair (unwrapped), with `user_id`/`limit`/`marker` filters.
pub async fn list(s: &Session, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
    Ok(KEYPAIRS
        .list(s, query)
        .await?
        .into_iter()
        .map(|mut k| k.get_mut("keypair").map(Value::take).unwrap_or(k))
        .collect())
}

/// openstacksdk `find_keypair(name, user_id=…)`: by name, else among the listed ones.
pub async fn find(
    s: &Session,
    name: &str,
    query: &[(&str, String)],
) -> Result<Lookup, ClientError> {
    match KEYPAIRS.get_with_query(s, name, query).await {
        Ok(v) => return Ok(Lookup::Found(v)),
        Err(e) if matches!(e.status(), Some(404 | 403 | 400)) => {}
        Err(e) => return Err(e),
    }
    Ok(Lookup::by_name(list(s, query).await?, name))
}

/// `DELETE /os-keypairs/{name}` (with `user_id` for another user's key).
pub async fn delete(s: &Session, name: &str, user_id: Option<&str>) -> Result<(), ClientError> {
    let mut path = format!("os-keypairs/{}", api::seg(name));
    if let Some(u) = user_id {
        path.push_str(&format!("?user_id={}", api::seg(u)));
    }
    api::call(s, crate::client::Method::DELETE, &path, None, Some(CAP)).await?;
    Ok(())
}

/// A generated key pair: OpenSSH private key (PEM armoured) and `ssh-ed25519 AAAA…` public key.
#[derive(Debug, Clone)]
pub struct Generated {
    /// `-----BEGIN OPENSSH PRIVATE KEY-----…`, ending with a newline.
    pub private_key: String,
    /// `ssh-ed25519 <base64>` without comment, as `cryptography` writes it.
    pub public_key: String,
}

fn ssh_string(out: &mut Vec<u8>, b: &[u8]) {
    let len = u32::try_from(b.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(b);
}

/// OSC's `_generate_keypair`: a new Ed25519 key in OpenSSH format, unencrypted.
pub fn generate() -> Result<Generated, String> {
    let rng = SystemRandom::new();
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&rng).map_err(|e| e.to_string())?;
    let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).map_err(|e| e.to_string())?;
    let public = pair.public_key().as_ref().to_vec();
    // ring's PKCS#8 v2 document holds the 32-byte seed at a fixed offset (after its
    // 16-byte prefix: SEQUENCE, version, algorithm, OCTET STRING { OCTET STRING }).
    let seed = pkcs8
        .as_ref()
        .get(16..48)
        .ok_or("unexpected PKCS#8 layout")?
        .to_vec();
    let mut pub_blob = Vec::new();
    ssh_string(&mut pub_blob, b"ssh-ed25519");
    ssh_string(&mut pub_blob, &public);

    let mut check = [0u8; 4];
    rng.fill(&mut check).map_err(|e| e.to_string())?;
    let mut private = Vec::new();
    private.extend_from_slice(&check);
    private.extend_from_slice(&check);
    ssh_string(&mut private, b"ssh-ed25519");
    ssh_string(&mut private, &public);
    let mut secret = seed;
    secret.extend_from_slice(&public);
    ssh_string(&mut private, &secret);
    ssh_string(&mut private, b"");
    let mut pad = 1u8;
    while private.len() % 8 != 0 {
        private.push(pad);
        pad += 1;
    }

    let mut blob = b"openssh-key-v1\0".to_vec();
    ssh_string(&mut blob, b"none");
    ssh_string(&mut blob, b"none");
    ssh_string(&mut blob, b"");
    blob.extend_from_slice(&1u32.to_be_bytes());
    ssh_string(&mut blob, &pub_blob);
    ssh_string(&mut blob, &private);

    let b64 = STANDARD.encode(&blob);
    let mut pem = String::from("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(chunk));
        pem.push('\n');
    }
    pem.push_str("-----END OPENSSH PRIVATE KEY-----\n");
    Ok(Generated {
        private_key: pem,
        public_key: format!("ssh-ed25519 {}", STANDARD.encode(&pub_blob)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_have_openssh_shape() {
        let g = generate().expect("key");
        assert!(
            g.public_key
                .starts_with("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI")
        );
        assert!(
            g.private_key
                .starts_with("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE")
        );
        assert!(
            g.private_key
                .ends_with("-----END OPENSSH PRIVATE KEY-----\n")
        );
        // The private section embeds the same public key.
        let body: String = g
            .private_key
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        let blob = STANDARD.decode(body).expect("base64");
        let pub_b64 = g.public_key.trim_start_matches("ssh-ed25519 ");
        let pub_blob = STANDARD.decode(pub_b64).expect("base64");
        assert!(
            blob.windows(pub_blob.len())
                .filter(|w| *w == pub_blob.as_slice())
                .count()
                >= 2
        );
    }
}

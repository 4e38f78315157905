//! YAML/JSON document reading with PyYAML `safe_load` semantics.
//!
//! This module owns turning the bytes of a `clouds.yaml`/`secure.yaml`/
//! `clouds-public.yaml` (or `.json`) file into a [`serde_json::Value`] that
//! carries the same types Python would see: YAML 1.1 implicit resolution
//! (`yes`/`no`/`on`/`off` booleans, `0o`-less octal integers, `1_000`,
//! sexagesimal numbers, floats that need a dot), `<<` merge keys, anchors and
//! aliases. It also enforces the size/depth/expansion limits that keep hostile
//! input from exhausting memory. It never panics.

use granit_parser::{Event, Parser, ScalarStyle};
use serde_json::{Map, Number, Value};
use std::collections::HashMap;

/// Largest configuration file accepted, in bytes (10 MiB).
pub const MAX_FILE_SIZE: usize = 10 * 1024 * 1024;
/// Deepest collection nesting accepted.
pub const MAX_DEPTH: usize = 128;
/// Largest number of nodes a document may expand to (after alias expansion).
pub const MAX_NODES: usize = 1_000_000;

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    /// Syntax error; `line`/`column` are 1-based.
    Syntax {
        /// Parser message.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The file exceeds [`MAX_FILE_SIZE`].
    TooLarge(usize),
    /// Nesting exceeds [`MAX_DEPTH`] or alias expansion exceeds [`MAX_NODES`].
    TooComplex(String),
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocError::Syntax {
                message,
                line,
                column,
            } => write!(f, "{message}, line {line}, column {column}"),
            DocError::TooLarge(n) => write!(
                f,
                "file is {n} bytes, larger than the {MAX_FILE_SIZE} byte limit"
            ),
            DocError::TooComplex(m) => f.write_str(m),
        }
    }
}

/// Parse a document the way openstacksdk does: `json.load` when the path ends
/// in `json`, `yaml.safe_load` otherwise. An empty YAML document is `Null`.
pub fn parse_document(path: &str, text: &str) -> Result<Value, DocError> {
    if text.len() > MAX_FILE_SIZE {
        return Err(DocError::TooLarge(text.len()));
    }
    if path.ends_with("json") {
        parse_json(text)
    } else {
        parse_yaml(text)
    }
}

fn parse_json(text: &str) -> Result<Value, DocError> {
    serde_json::from_str::<Value>(text).map_err(|e| {
        if e.to_string().contains("recursion limit") {
            DocError::TooComplex(format!("nesting deeper than the parser limit: {e}"))
        } else {
            DocError::Syntax {
                message: format!("{e}"),
                line: e.line(),
                column: e.column(),
            }
        }
    })
}

enum Frame {
    Seq(Vec<Value>, usize),
    Map {
        pairs: Vec<(Value, Value, bool)>,
        pending_key: Option<(Value, bool)>,
        anchor: usize,
    },
}

/// Parse YAML text (first document only, like `safe_load` which rejects
/// several documents; we treat extra documents as an error too).
pub fn parse_yaml(text: &str) -> Result<Value, DocError> {
    if text.len() > MAX_FILE_SIZE {
        return Err(DocError::TooLarge(text.len()));
    }
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Value> = HashMap::new();
    let mut result: Option<Value> = None;
    let mut docs = 0usize;
    let mut nodes = 0usize;
    while let Some(ev) = parser.next_event() {
        let (event, span) = match ev {
            Ok(x) => x,
            Err(e) => {
                return Err(DocError::Syntax {
                    message: e.info().to_string(),
                    line: e.marker().line(),
                    column: e.marker().col() + 1,
                });
            }
        };
        let syntax = |message: &str| DocError::Syntax {
            message: message.to_string(),
            line: span.start.line(),
            column: span.start.col() + 1,
        };
        let value: Value;
        let mut is_merge_key = false;
        match event {
            Event::StreamStart => continue,
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                docs += 1;
                if docs > 1 {
                    return Err(syntax(
                        "expected a single document in the stream but found another document",
                    ));
                }
                continue;
            }
            Event::DocumentEnd => continue,
            Event::Alias(id) => {
                value = anchors
                    .get(&id)
                    .cloned()
                    .ok_or_else(|| syntax("found undefined alias"))?;
                nodes += count_nodes(&value);
            }
            Event::Scalar(s, style, anchor, tag) => {
                nodes += 1;
                let tag_str = tag
                    .as_ref()
                    .map(|t| format!("{}{}", t.handle(), t.suffix()));
                if style == ScalarStyle::Plain && tag_str.is_none() && s == "<<" {
                    is_merge_key = true;
                }
                value = resolve_scalar(&s, style, tag_str.as_deref()).map_err(|m| syntax(&m))?;
                if anchor != 0 {
                    anchors.insert(anchor, value.clone());
                }
            }
            Event::SequenceStart(_, anchor, tag) => {
                check_collection_tag(
                    tag.as_ref()
                        .map(|t| format!("{}{}", t.handle(), t.suffix())),
                    "seq",
                )
                .map_err(|m| syntax(&m))?;
                if stack.len() >= MAX_DEPTH {
                    return Err(DocError::TooComplex(format!(
                        "nesting deeper than {MAX_DEPTH} levels at line {}",
                        span.start.line()
                    )));
                }
                stack.push(Frame::Seq(Vec::new(), anchor));
                continue;
            }
            Event::MappingStart(_, anchor, tag) => {
                check_collection_tag(
                    tag.as_ref()
                        .map(|t| format!("{}{}", t.handle(), t.suffix())),
                    "map",
                )
                .map_err(|m| syntax(&m))?;
                if stack.len() >= MAX_DEPTH {
                    return Err(DocError::TooComplex(format!(
                        "nesting deeper than {MAX_DEPTH} levels at line {}",
                        span.start.line()
                    )));
                }
                stack.push(Frame::Map {
                    pairs: Vec::new(),
                    pending_key: None,
                    anchor,
                });
                continue;
            }
            Event::SequenceEnd => {
                let Some(Frame::Seq(items, anchor)) = stack.pop() else {
                    return Err(syntax("unbalanced sequence end"));
                };
                value = Value::Array(items);
                nodes += 1;
                if anchor != 0 {
                    anchors.insert(anchor, value.clone());
                }
            }
            Event::MappingEnd => {
                let Some(Frame::Map { pairs, anchor, .. }) = stack.pop() else {
                    return Err(syntax("unbalanced mapping end"));
                };
                value = build_mapping(pairs).map_err(|m| syntax(&m))?;
                nodes += 1;
                if anchor != 0 {
                    anchors.insert(anchor, value.clone());
                }
            }
            #[allow(unreachable_patterns)]
            _ => continue,
        }
        if nodes > MAX_NODES {
            return Err(DocError::TooComplex(format!(
                "document expands to more than {MAX_NODES} nodes"
            )));
        }
        // Attach the finished node to its parent.
        match stack.last_mut() {
            None => result = Some(value),
            Some(Frame::Seq(items, _)) => items.push(value),
            Some(Frame::Map {
                pairs, pending_key, ..
            }) => match pending_key.take() {
                None => *pending_key = Some((value, is_merge_key)),
                Some((k, merge)) => pairs.push((k, value, merge)),
            },
        }
    }
    Ok(result.unwrap_or(Value::Null))
}

fn count_nodes(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(count_nodes).sum::<usize>(),
        Value::Object(m) => 1 + m.values().map(count_nodes).sum::<usize>(),
        _ => 1,
    }
}

fn check_collection_tag(tag: Option<String>, kind: &str) -> Result<(), String> {
    match tag.as_deref() {
        None => Ok(()),
        Some("tag:yaml.org,2002:seq") if kind == "seq" => Ok(()),
        Some("tag:yaml.org,2002:map") if kind == "map" => Ok(()),
        Some(t) => Err(format!(
            "could not determine a constructor for the tag '{t}'"
        )),
    }
}

/// Build a mapping applying PyYAML's merge-key flattening: merged pairs come
/// first, explicit pairs after; later duplicates overwrite the value but keep
/// the first position.
fn build_mapping(pairs: Vec<(Value, Value, bool)>) -> Result<Value, String> {
    let mut merged: Vec<(String, Value)> = Vec::new();
    let mut own: Vec<(String, Value)> = Vec::new();
    for (k, v, is_merge) in pairs {
        if is_merge {
            match v {
                Value::Object(m) => merged.extend(m),
                Value::Array(items) => {
                    let mut subs = Vec::new();
                    for item in items {
                        match item {
                            Value::Object(m) => subs.push(m),
                            _ => {
                                return Err("expected a mapping for merging".to_string());
                            }
                        }
                    }
                    subs.reverse();
                    for m in subs {
                        merged.extend(m);
                    }
                }
                _ => {
                    return Err("expected a mapping or list of mappings for merging".to_string());
                }
            }
        } else {
            let key = match k {
                Value::String(s) => s,
                Value::Array(_) | Value::Object(_) => {
                    return Err("found unhashable key".to_string());
                }
                other => crate::pyval::py_str(&other),
            };
            own.push((key, v));
        }
    }
    let mut map = Map::new();
    for (k, v) in merged.into_iter().chain(own) {
        map.insert(k, v);
    }
    Ok(Value::Object(map))
}

const CORE: &str = "tag:yaml.org,2002:";

/// Resolve one scalar to a typed value with PyYAML's implicit resolvers.
fn resolve_scalar(s: &str, style: ScalarStyle, tag: Option<&str>) -> Result<Value, String> {
    if let Some(tag) = tag {
        let Some(kind) = tag.strip_prefix(CORE) else {
            if tag == "!" {
                return Ok(Value::String(s.to_string()));
            }
            return Err(format!(
                "could not determine a constructor for the tag '{tag}'"
            ));
        };
        return match kind {
            "str" => Ok(Value::String(s.to_string())),
            "null" => Ok(Value::Null),
            "bool" => Ok(Value::Bool(matches!(
                s.to_ascii_lowercase().as_str(),
                "yes" | "true" | "on"
            ))),
            "int" => parse_int(s).ok_or_else(|| format!("invalid literal for int(): '{s}'")),
            "float" => {
                parse_float(s).ok_or_else(|| format!("could not convert string to float: '{s}'"))
            }
            _ => Err(format!(
                "could not determine a constructor for the tag '{tag}'"
            )),
        };
    }
    if style != ScalarStyle::Plain {
        return Ok(Value::String(s.to_string()));
    }
    Ok(resolve_plain(s))
}

/// Resolve an untagged plain scalar (YAML 1.1 as PyYAML's SafeLoader does).
pub fn resolve_plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Value::Bool(true);
        }
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Value::Bool(false);
        }
        _ => {}
    }
    if is_int_literal(s)
        && let Some(v) = parse_int(s)
    {
        return v;
    }
    if is_float_literal(s)
        && let Some(v) = parse_float(s)
    {
        return v;
    }
    Value::String(s.to_string())
}

fn split_sign(s: &str) -> (bool, &str) {
    if let Some(r) = s.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s)
    }
}

fn all(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn is_sexagesimal_tail(parts: &[&str]) -> bool {
    parts.iter().all(|p| {
        !p.is_empty()
            && p.len() <= 2
            && p.chars().all(|c| c.is_ascii_digit())
            && (p.len() == 1 || p.as_bytes()[0] <= b'5')
    })
}

fn is_int_literal(s: &str) -> bool {
    let (_, r) = split_sign(s);
    if let Some(b) = r.strip_prefix("0b") {
        return all(b, |c| c == '0' || c == '1' || c == '_');
    }
    if let Some(x) = r.strip_prefix("0x") {
        return all(x, |c| c.is_ascii_hexdigit() || c == '_');
    }
    if r == "0" {
        return true;
    }
    if let Some(o) = r.strip_prefix('0') {
        return all(o, |c| ('0'..='7').contains(&c) || c == '_');
    }
    let parts: Vec<&str> = r.split(':').collect();
    let head = parts[0];
    let head_ok = head.starts_with(|c: char| ('1'..='9').contains(&c))
        && head.chars().all(|c| c.is_ascii_digit() || c == '_');
    if parts.len() == 1 {
        return head_ok;
    }
    head_ok && is_sexagesimal_tail(&parts[1..])
}

fn int_value(neg: bool, mag: u128) -> Option<Value> {
    if neg {
        let v = i64::try_from(mag).ok()?;
        Some(Value::Number(Number::from(-v)))
    } else if let Ok(v) = u64::try_from(mag) {
        Some(Value::Number(Number::from(v)))
    } else {
        // Bigger than JSON numbers can hold: keep Python's digits as text.
        Some(Value::String(mag.to_string()))
    }
}

fn parse_int(s: &str) -> Option<Value> {
    let cleaned: String = s.chars().filter(|c| *c != '_').collect();
    let (neg, r) = split_sign(&cleaned);
    let mag: u128 = if r == "0" {
        0
    } else if let Some(b) = r.strip_prefix("0b") {
        u128::from_str_radix(b, 2).ok()?
    } else if let Some(x) = r.strip_prefix("0x") {
        u128::from_str_radix(x, 16).ok()?
    } else if r.len() > 1 && r.starts_with('0') {
        u128::from_str_radix(&r[1..], 8).ok()?
    } else if r.contains(':') {
        let mut acc: u128 = 0;
        for p in r.split(':') {
            acc = acc.checked_mul(60)?.checked_add(p.parse::<u128>().ok()?)?;
        }
        acc
    } else {
        r.parse::<u128>().ok()?
    };
    int_value(neg, mag)
}

fn is_float_literal(s: &str) -> bool {
    let (signed, r) = {
        let (n, r) = split_sign(s);
        (n || s.starts_with('+'), r)
    };
    // [-+]?\.(inf|Inf|INF) and \.(nan|NaN|NAN)
    if matches!(r, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    if matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (mantissa, exp) = match r.find(['e', 'E']) {
        Some(i) => (&r[..i], Some(&r[i + 1..])),
        None => (r, None),
    };
    if let Some(e) = exp {
        let Some(digits) = e.strip_prefix(['-', '+']) else {
            return false;
        };
        if !all(digits, |c| c.is_ascii_digit()) {
            return false;
        }
    }
    if let Some(frac) = mantissa.strip_prefix('.') {
        // \.[0-9][0-9_]* (no sign allowed in PyYAML's second alternative)
        return !signed
            && frac.starts_with(|c: char| c.is_ascii_digit())
            && frac.chars().all(|c| c.is_ascii_digit() || c == '_');
    }
    let Some(dot) = mantissa.find('.') else {
        return false;
    };
    let (int_part, frac) = (&mantissa[..dot], &mantissa[dot + 1..]);
    if !frac.chars().all(|c| c.is_ascii_digit() || c == '_') {
        return false;
    }
    if int_part.contains(':') {
        if exp.is_some() {
            return false;
        }
        let parts: Vec<&str> = int_part.split(':').collect();
        return parts[0].starts_with(|c: char| c.is_ascii_digit())
            && parts[0].chars().all(|c| c.is_ascii_digit() || c == '_')
            && is_sexagesimal_tail(&parts[1..]);
    }
    int_part.starts_with(|c: char| c.is_ascii_digit())
        && int_part.chars().all(|c| c.is_ascii_digit() || c == '_')
}

fn parse_float(s: &str) -> Option<Value> {
    let cleaned: String = s
        .chars()
        .filter(|c| *c != '_')
        .collect::<String>()
        .to_lowercase();
    let (neg, r) = split_sign(&cleaned);
    let sign = if neg { -1.0 } else { 1.0 };
    let v: f64 = if r == ".inf" {
        f64::INFINITY
    } else if r == ".nan" {
        f64::NAN
    } else if r.contains(':') {
        let mut acc = 0.0f64;
        for p in r.split(':') {
            acc = acc * 60.0 + p.parse::<f64>().ok()?;
        }
        acc
    } else {
        let t = if r.ends_with('.') {
            format!("{r}0")
        } else {
            r.to_string()
        };
        let t = if t.starts_with('.') {
            format!("0{t}")
        } else {
            t
        };
        t.parse::<f64>().ok()?
    };
    // JSON cannot hold inf/nan: keep Python's spelling as text.
    match Number::from_f64(sign * v) {
        Some(n) => Some(Value::Number(n)),
        None => Some(Value::String(crate::pyval::py_float_repr(sign * v))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml11_scalars() {
        let v = parse_yaml(
            "a: yes\nb: off\nc: 010\nd: 0x1f\ne: 1_000\nf: 1:30\ng: 3.0\nh: 1e3\ni: ~\nj: '3'\nk: .5\nl: 2.79\nm: -7\n",
        )
        .unwrap();
        assert_eq!(
            v,
            json!({"a": true, "b": false, "c": 8, "d": 31, "e": 1000, "f": 90, "g": 3.0,
                   "h": "1e3", "i": null, "j": "3", "k": 0.5, "l": 2.79, "m": -7})
        );
    }

    #[test]
    fn merge_keys_and_aliases() {
        let v = parse_yaml("base: &b\n  x: 1\n  y: 2\nc:\n  <<: *b\n  y: 3\nd: *b\n").unwrap();
        assert_eq!(v["c"], json!({"x": 1, "y": 3}));
        assert_eq!(v["d"], json!({"x": 1, "y": 2}));
    }

    #[test]
    fn syntax_error_has_line() {
        let e = parse_yaml("clouds:\n  a: [\n").unwrap_err();
        match e {
            DocError::Syntax { line, .. } => assert!(line >= 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn deep_nesting_rejected() {
        let s = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
        let e = parse_yaml(&s).unwrap_err();
        assert!(
            matches!(e, DocError::TooComplex(_) | DocError::Syntax { .. }),
            "{e:?}"
        );
        let s = format!("{}{}", "- ".repeat(200), "x");
        assert!(parse_yaml(&s).is_err());
    }

    #[test]
    fn empty_is_null() {
        assert_eq!(parse_yaml("").unwrap(), Value::Null);
        assert_eq!(parse_yaml("# only a comment\n").unwrap(), Value::Null);
    }
}

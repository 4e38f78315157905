//! Python value semantics on [`serde_json::Value`].
//!
//! openstacksdk manipulates plain Python dicts; this module owns the small
//! set of Python behaviours the loader relies on, so the rest of the crate can
//! mirror the reference code literally: `str()`/`repr()` of values, float
//! formatting, `normalize_keys`, `merge_clouds`, `_auth_update`,
//! `get_boolean` and `str.format(**config)`.

use serde_json::{Map, Value};

/// Python `repr(float)` (shortest round-trip, `1e+16` style exponents).
pub fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Shortest round-trip digits via Rust's `{:e}` formatting.
    let sci = format!("{f:e}");
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp >= 0 {
            let int_len = (exp + 1) as usize;
            if digits.len() <= int_len {
                let zeros = "0".repeat(int_len - digits.len());
                format!("{sign}{digits}{zeros}.0")
            } else {
                format!("{sign}{}.{}", &digits[..int_len], &digits[int_len..])
            }
        } else {
            let _ = n;
            let zeros = "0".repeat((-exp - 1) as usize);
            format!("{sign}0.{zeros}{digits}")
        }
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        let es = if exp < 0 { "-" } else { "+" };
        format!("{sign}{m}e{es}{:02}", exp.abs())
    }
}

fn py_str_repr(s: &str) -> String {
    // Python picks single quotes unless the string contains one and no double.
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python `repr()` of a value.
pub fn py_repr(v: &Value) -> String {
    match v {
        Value::String(s) => py_str_repr(s),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", py_str_repr(k), py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => py_str(other),
    }
}

/// Python `str()` of a value.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => {
            if n.is_f64() {
                py_float_repr(n.as_f64().unwrap_or(0.0))
            } else {
                n.to_string()
            }
        }
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python truthiness.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().map(|f| f != 0.0).unwrap_or(true),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
    }
}

/// `openstack.config._util.normalize_keys`: `-` → `_` in keys (recursing into
/// dicts, not lists) and ints/floats → strings except `verbose_level` and
/// `api_timeout` ints.
pub fn normalize_keys(config: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, value) in config {
        let key = key.replace('-', "_");
        let nv = match value {
            Value::Object(m) => Value::Object(normalize_keys(m)),
            Value::Number(n) if n.is_f64() => Value::String(py_str(value)),
            Value::Number(_) if key == "verbose_level" || key == "api_timeout" => value.clone(),
            Value::Number(n) => Value::String(n.to_string()),
            other => other.clone(),
        };
        out.insert(key, nv);
    }
    out
}

/// `openstack.config._util.merge_clouds`: recursive dict update.
pub fn merge_clouds(old: &Map<String, Value>, new: &Map<String, Value>) -> Map<String, Value> {
    let mut ret = old.clone();
    for (k, v) in new {
        if let Value::Object(nv) = v {
            match ret.get(k) {
                Some(Value::Object(ov)) => {
                    let merged = merge_clouds(ov, nv);
                    ret.insert(k.clone(), Value::Object(merged));
                }
                Some(_) => {
                    // Python would call merge_clouds on a non-dict and crash;
                    // the new mapping wins instead.
                    ret.insert(k.clone(), v.clone());
                }
                None => {
                    ret.insert(k.clone(), v.clone());
                }
            }
        } else {
            ret.insert(k.clone(), v.clone());
        }
    }
    ret
}

/// `loader._auth_update`: `dict.update` except the nested `auth` dict is
/// updated key by key.
pub fn auth_update(old: &mut Map<String, Value>, new: &Map<String, Value>) {
    for (k, v) in new {
        if k == "auth" {
            match (old.get_mut(k), v) {
                (Some(Value::Object(o)), Value::Object(n)) => {
                    for (ak, av) in n {
                        o.insert(ak.clone(), av.clone());
                    }
                }
                _ => {
                    old.insert(k.clone(), v.clone());
                }
            }
        } else {
            old.insert(k.clone(), v.clone());
        }
    }
}

/// `loader.get_boolean`.
pub fn get_boolean(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => s.to_lowercase() == "true",
        _ => false,
    }
}

/// Python `format(value, '')` used by `str.format`.
fn format_field(v: &Value) -> String {
    py_str(v)
}

/// `str.format(**kwargs)` for the subset used in clouds.yaml values
/// (`{name}` fields, `{{`/`}}` escapes). Returns `Err(field)` where Python
/// would raise (unknown field, positional field, unbalanced brace).
pub fn py_format(s: &str, kwargs: &Map<String, Value>) -> Result<String, String> {
    if !s.contains(['{', '}']) {
        return Ok(s.to_string());
    }
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                if chars.peek() == Some(&'{') {
                    chars.next();
                    out.push('{');
                    continue;
                }
                let mut field = String::new();
                let mut closed = false;
                for c2 in chars.by_ref() {
                    if c2 == '}' {
                        closed = true;
                        break;
                    }
                    field.push(c2);
                }
                if !closed {
                    return Err("Single '{' encountered in format string".into());
                }
                let name = field
                    .split(['!', ':', '.', '['])
                    .next()
                    .unwrap_or_default()
                    .to_string();
                if name.is_empty() || name.chars().all(|c| c.is_ascii_digit()) {
                    return Err("Replacement index 0 out of range for positional args tuple".into());
                }
                if name.len() != field.len() {
                    return Err(format!("unsupported format field '{field}'"));
                }
                match kwargs.get(&name) {
                    Some(v) => out.push_str(&format_field(v)),
                    None => return Err(format!("'{name}'")),
                }
            }
            '}' => {
                if chars.peek() == Some(&'}') {
                    chars.next();
                    out.push('}');
                } else {
                    return Err("Single '}' encountered in format string".into());
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn float_repr_matches_python() {
        for (f, s) in [
            (3.0, "3.0"),
            (2.79, "2.79"),
            (0.5, "0.5"),
            (1e16, "1e+16"),
            (123456789012345.0, "123456789012345.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(py_float_repr(f), s);
        }
    }

    #[test]
    fn repr_of_containers() {
        assert_eq!(
            py_repr(&json!(["a", 1, true, null])),
            "['a', 1, True, None]"
        );
        assert_eq!(py_repr(&json!({"k": "it's"})), "{'k': \"it's\"}");
    }

    #[test]
    fn normalize_converts_numbers() {
        let m = json!({"a-b": 3, "verbose_level": 1, "f": 2.0, "n": {"x-y": 1}, "l": [1]});
        let n = normalize_keys(m.as_object().unwrap());
        assert_eq!(
            Value::Object(n),
            json!({"a_b": "3", "verbose_level": 1, "f": "2.0", "n": {"x_y": "1"}, "l": [1]})
        );
    }

    #[test]
    fn merge_and_auth_update() {
        let a = json!({"auth": {"u": 1, "p": 2}, "x": 1});
        let b = json!({"auth": {"p": 3}, "y": 2});
        let m = merge_clouds(a.as_object().unwrap(), b.as_object().unwrap());
        assert_eq!(
            Value::Object(m),
            json!({"auth": {"u": 1, "p": 3}, "x": 1, "y": 2})
        );
        let mut o = a.as_object().unwrap().clone();
        auth_update(&mut o, b.as_object().unwrap());
        assert_eq!(
            Value::Object(o),
            json!({"auth": {"u": 1, "p": 3}, "x": 1, "y": 2})
        );
    }

    #[test]
    fn format_fields() {
        let kw = json!({"region_name": "GRA7"});
        let kw = kw.as_object().unwrap();
        assert_eq!(
            py_format("https://{region_name}.x/{{y}}", kw).unwrap(),
            "https://GRA7.x/{y}"
        );
        assert!(py_format("{nope}", kw).is_err());
    }
}

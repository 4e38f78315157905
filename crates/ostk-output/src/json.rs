//! Python `json.dumps` (ensure_ascii, `indent=2` or the compact default
//! separators `", "` / `": "`).

use crate::pyrepr::{PyVal, float_repr};

/// Python `json` string encoding with `ensure_ascii=True`.
pub fn encode_str(s: &str, out: &mut String) {
    encode_str_with(s, true, out);
}

/// Python `json` string encoding; `ascii` is `ensure_ascii`.
fn encode_str_with(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            c if !ascii && c > '~' => out.push(c),
            c => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out.push('"');
}

/// Python `json.dumps(v, indent=indent, separators=(item_sep, ': '), ensure_ascii=ascii)` of
/// a JSON value (keys in their order). With `item_sep` `", "` the space stays before each
/// newline, as Python writes it (`json.dumps` with an indent defaults to `","`).
pub fn dumps(v: &serde_json::Value, indent: Option<usize>, item_sep: &str, ascii: bool) -> String {
    use serde_json::Value;
    fn rec(
        v: &Value,
        indent: Option<usize>,
        sep: &str,
        level: usize,
        ascii: bool,
        out: &mut String,
    ) {
        let nl = |out: &mut String, level: usize| {
            if let Some(n) = indent {
                out.push('\n');
                out.push_str(&" ".repeat(n * level));
            }
        };
        match v {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => match n.as_f64() {
                Some(f) if n.is_f64() => out.push_str(&float_repr(f)),
                _ => out.push_str(&n.to_string()),
            },
            Value::String(s) => encode_str_with(s, ascii, out),
            Value::Array(a) if a.is_empty() => out.push_str("[]"),
            Value::Object(m) if m.is_empty() => out.push_str("{}"),
            Value::Array(a) => {
                out.push('[');
                for (i, x) in a.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    nl(out, level + 1);
                    rec(x, indent, sep, level + 1, ascii, out);
                }
                nl(out, level);
                out.push(']');
            }
            Value::Object(m) => {
                out.push('{');
                for (i, (k, x)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    nl(out, level + 1);
                    encode_str_with(k, ascii, out);
                    out.push_str(": ");
                    rec(x, indent, sep, level + 1, ascii, out);
                }
                nl(out, level);
                out.push('}');
            }
        }
    }
    let mut out = String::new();
    rec(v, indent, item_sep, 0, ascii, &mut out);
    out
}

/// JSON writer state: `indent` is `None` for `--noindent`.
pub(crate) struct JsonWriter {
    pub indent: Option<usize>,
}

impl JsonWriter {
    pub(crate) fn newline(&self, out: &mut String, level: usize) {
        if let Some(ind) = self.indent {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', ind * level));
        }
    }

    pub(crate) fn item_sep(&self) -> &'static str {
        if self.indent.is_some() { "," } else { ", " }
    }

    /// Write one value at nesting `level`.
    pub fn value(&self, v: PyVal<'_>, level: usize, out: &mut String) {
        match v {
            PyVal::None => out.push_str("null"),
            PyVal::Bool(b) => out.push_str(if b { "true" } else { "false" }),
            PyVal::Int(i) => out.push_str(&i.to_string()),
            PyVal::UInt(u) => out.push_str(&u.to_string()),
            PyVal::Float(f) => {
                if f.is_nan() {
                    out.push_str("NaN")
                } else if f.is_infinite() {
                    out.push_str(if f > 0.0 { "Infinity" } else { "-Infinity" })
                } else {
                    out.push_str(&float_repr(f))
                }
            }
            PyVal::Str(s) => encode_str(s, out),
            PyVal::List(items) => self.seq(
                items.iter().map(|v| (None, PyVal::from_json(v))),
                '[',
                ']',
                level,
                out,
            ),
            PyVal::Dict(m) => self.seq(
                m.iter()
                    .map(|(k, v)| (Some(k.as_str()), PyVal::from_json(v))),
                '{',
                '}',
                level,
                out,
            ),
        }
    }

    /// Write a list or object from (key, value) items.
    pub fn seq<'a>(
        &self,
        items: impl Iterator<Item = (Option<&'a str>, PyVal<'a>)>,
        open: char,
        close: char,
        level: usize,
        out: &mut String,
    ) {
        out.push(open);
        let mut any = false;
        for (k, v) in items {
            if any {
                out.push_str(self.item_sep());
            }
            any = true;
            self.newline(out, level + 1);
            if let Some(k) = k {
                encode_str(k, out);
                out.push_str(": ");
            }
            self.value(v, level + 1, out);
        }
        if any {
            self.newline(out, level);
        }
        out.push(close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        let mut s = String::new();
        encode_str("é😀\u{1}\"", &mut s);
        assert_eq!(s, r#""\u00e9\ud83d\ude00\u0001\"""#);
    }
}

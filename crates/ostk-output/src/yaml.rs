//! A small port of PyYAML's emitter, enough for `yaml.safe_dump(data,
//! default_flow_style=False)` of JSON-shaped data (sorted keys, no
//! `allow_unicode`, width 80, indent 2).

use crate::pyrepr::{PyVal, float_repr};

/// A node of the representation graph.
pub(crate) enum Node {
    /// A scalar: its text and whether it is a `str` (needs implicit-type check).
    Scalar { text: String, is_str: bool },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping with keys already in output order.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// PyYAML `SafeRepresenter` for a Python value (mapping keys sorted).
    pub(crate) fn represent(v: PyVal<'_>) -> Node {
        match v {
            PyVal::None => Node::plain("null"),
            PyVal::Bool(b) => Node::plain(if b { "true" } else { "false" }),
            PyVal::Int(i) => Node::plain(&i.to_string()),
            PyVal::UInt(u) => Node::plain(&u.to_string()),
            PyVal::Float(f) => Node::plain(&yaml_float(f)),
            PyVal::Str(s) => Node::Scalar {
                text: s.to_string(),
                is_str: true,
            },
            PyVal::List(items) => Node::Seq(
                items
                    .iter()
                    .map(|v| Node::represent(PyVal::from_json(v)))
                    .collect(),
            ),
            PyVal::Dict(m) => Node::map(
                m.iter()
                    .map(|(k, v)| (k.clone(), Node::represent(PyVal::from_json(v))))
                    .collect(),
            ),
        }
    }

    fn plain(s: &str) -> Node {
        Node::Scalar {
            text: s.to_string(),
            is_str: false,
        }
    }

    /// A mapping; keys are sorted as `sort_keys=True` does.
    pub(crate) fn map(mut items: Vec<(String, Node)>) -> Node {
        items.sort_by(|a, b| a.0.cmp(&b.0));
        Node::Map(items)
    }
}

fn yaml_float(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            ".inf".into()
        } else {
            "-.inf".into()
        };
    }
    let v = float_repr(f).to_lowercase();
    if !v.contains('.') && v.contains('e') {
        v.replacen('e', ".0e", 1)
    } else {
        v
    }
}

// ---------------------------------------------------------------- resolver

fn digits_run(b: &[u8], i: &mut usize, extra: &[u8]) -> usize {
    let st = *i;
    while *i < b.len() && (b[*i].is_ascii_digit() || extra.contains(&b[*i])) {
        *i += 1;
    }
    *i - st
}

fn opt_sign(b: &[u8], i: &mut usize) {
    if *i < b.len() && (b[*i] == b'+' || b[*i] == b'-') {
        *i += 1;
    }
}

/// `[0-9][0-9_]*`
fn dec_lead(b: &[u8], i: &mut usize) -> bool {
    if *i < b.len() && b[*i].is_ascii_digit() {
        digits_run(b, i, b"_");
        true
    } else {
        false
    }
}

/// `(?::[0-5]?[0-9])+`
fn sexagesimal(b: &[u8], i: &mut usize) -> bool {
    let mut n = 0;
    while *i < b.len() && b[*i] == b':' {
        let mut j = *i + 1;
        let d = digits_run(b, &mut j, b"");
        if d == 1 || (d == 2 && b[*i + 1] <= b'5') {
            *i = j;
            n += 1;
        } else {
            return false;
        }
    }
    n > 0
}

fn is_int(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    opt_sign(b, &mut i);
    let r = &b[i..];
    if let Some(x) = r.strip_prefix(b"0b") {
        return !x.is_empty() && x.iter().all(|c| matches!(c, b'0' | b'1' | b'_'));
    }
    if let Some(x) = r.strip_prefix(b"0x") {
        return !x.is_empty() && x.iter().all(|c| c.is_ascii_hexdigit() || *c == b'_');
    }
    if let Some(x) = r.strip_prefix(b"0") {
        return x.is_empty() || x.iter().all(|c| matches!(c, b'0'..=b'7' | b'_'));
    }
    if r.first().is_some_and(|c| (b'1'..=b'9').contains(c)) {
        let mut j = 0;
        digits_run(r, &mut j, b"_");
        if j == r.len() {
            return true;
        }
        return sexagesimal(r, &mut j) && j == r.len();
    }
    false
}

fn exponent(b: &[u8], i: &mut usize) {
    if *i + 1 < b.len()
        && (b[*i] == b'e' || b[*i] == b'E')
        && (b[*i + 1] == b'+' || b[*i + 1] == b'-')
    {
        let mut j = *i + 2;
        if digits_run(b, &mut j, b"") > 0 {
            *i = j;
        }
    }
}

fn is_float(s: &str) -> bool {
    let b = s.as_bytes();
    // [-+]?\.(inf|Inf|INF) and \.(nan|NaN|NAN)
    let unsigned = s.trim_start_matches(['+', '-']);
    if s.len() - unsigned.len() <= 1 && matches!(unsigned, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    if matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    // \.[0-9][0-9_]*(exp)?
    if b.first() == Some(&b'.') {
        let mut i = 1;
        if dec_lead(b, &mut i) {
            exponent(b, &mut i);
            return i == b.len();
        }
        return false;
    }
    let mut i = 0;
    opt_sign(b, &mut i);
    if !dec_lead(b, &mut i) {
        return false;
    }
    let mut j = i;
    if j < b.len() && b[j] == b'.' {
        j += 1;
        digits_run(b, &mut j, b"_");
        exponent(b, &mut j);
        return j == b.len();
    }
    if sexagesimal(b, &mut j) && j < b.len() && b[j] == b'.' {
        j += 1;
        digits_run(b, &mut j, b"_");
        return j == b.len();
    }
    false
}

fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let fixed = |i: &mut usize, n: usize| -> bool {
        let mut j = *i;
        let d = digits_run(b, &mut j, b"");
        if d == n {
            *i = j;
            true
        } else {
            false
        }
    };
    let one_two = |i: &mut usize| -> bool {
        let mut j = *i;
        let d = digits_run(b, &mut j, b"");
        if d == 1 || d == 2 {
            *i = j;
            true
        } else {
            false
        }
    };
    let lit = |i: &mut usize, c: u8| -> bool {
        if *i < b.len() && b[*i] == c {
            *i += 1;
            true
        } else {
            false
        }
    };
    let mut i = 0;
    if !(fixed(&mut i, 4) && lit(&mut i, b'-')) {
        return false;
    }
    {
        let mut j = i;
        if fixed(&mut j, 2) && lit(&mut j, b'-') && fixed(&mut j, 2) && j == b.len() {
            return true;
        }
    }
    if !(one_two(&mut i) && lit(&mut i, b'-') && one_two(&mut i)) {
        return false;
    }
    if i < b.len() && (b[i] == b'T' || b[i] == b't') {
        i += 1;
    } else {
        let st = i;
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i == st {
            return false;
        }
    }
    if !(one_two(&mut i)
        && lit(&mut i, b':')
        && fixed(&mut i, 2)
        && lit(&mut i, b':')
        && fixed(&mut i, 2))
    {
        return false;
    }
    if lit(&mut i, b'.') {
        digits_run(b, &mut i, b"");
    }
    if i == b.len() {
        return true;
    }
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    if lit(&mut i, b'Z') {
        return i == b.len();
    }
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
        if !one_two(&mut i) {
            return false;
        }
        if lit(&mut i, b':') && !fixed(&mut i, 2) {
            return false;
        }
        return i == b.len();
    }
    false
}

/// Whether a plain scalar with this text would be read back as a `str`.
pub(crate) fn resolves_to_str(s: &str) -> bool {
    // Python's `$` also matches before one trailing newline.
    let t = s.strip_suffix('\n').unwrap_or(s);
    let special = matches!(
        t,
        "yes"
            | "Yes"
            | "YES"
            | "no"
            | "No"
            | "NO"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "on"
            | "On"
            | "ON"
            | "off"
            | "Off"
            | "OFF"
            | "~"
            | "null"
            | "Null"
            | "NULL"
            | "<<"
            | "="
    ) || s.is_empty();
    !(special || is_int(t) || is_float(t) || is_timestamp(t))
}

// ---------------------------------------------------------------- emitter

struct Analysis {
    empty: bool,
    multiline: bool,
    allow_block_plain: bool,
    allow_single_quoted: bool,
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_space_or_break0(c: char) -> bool {
    matches!(
        c,
        '\0' | ' ' | '\t' | '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn analyze(s: &[char]) -> Analysis {
    if s.is_empty() {
        return Analysis {
            empty: true,
            multiline: false,
            allow_block_plain: true,
            allow_single_quoted: true,
        };
    }
    let mut block_ind = false;
    let mut line_breaks = false;
    let mut special = false;
    let (mut lead_space, mut lead_break, mut trail_space, mut trail_break) =
        (false, false, false, false);
    let (mut break_space, mut space_break) = (false, false);
    let starts = |p: &str| s.iter().take(3).copied().eq(p.chars());
    if starts("---") || starts("...") {
        block_ind = true;
    }
    let mut preceded_ws = true;
    let mut followed_ws = s.len() == 1 || is_space_or_break0(s[1]);
    let (mut prev_space, mut prev_break) = (false, false);
    let n = s.len();
    for (i, &ch) in s.iter().enumerate() {
        if i == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(ch) {
                block_ind = true;
            }
            if (ch == '?' || ch == ':') && followed_ws {
                block_ind = true;
            }
            if ch == '-' && followed_ws {
                block_ind = true;
            }
        } else {
            if ch == ':' && followed_ws {
                block_ind = true;
            }
            if ch == '#' && preceded_ws {
                block_ind = true;
            }
        }
        if is_break(ch) {
            line_breaks = true;
        }
        if !(ch == '\n' || (' '..='~').contains(&ch)) {
            special = true;
        }
        if ch == ' ' {
            if i == 0 {
                lead_space = true;
            }
            if i == n - 1 {
                trail_space = true;
            }
            if prev_break {
                break_space = true;
            }
            prev_space = true;
            prev_break = false;
        } else if is_break(ch) {
            if i == 0 {
                lead_break = true;
            }
            if i == n - 1 {
                trail_break = true;
            }
            if prev_space {
                space_break = true;
            }
            prev_space = false;
            prev_break = true;
        } else {
            prev_space = false;
            prev_break = false;
        }
        preceded_ws = is_space_or_break0(ch);
        followed_ws = i + 2 >= n || is_space_or_break0(s[i + 2]);
    }
    let mut allow_block_plain = true;
    let mut allow_single = true;
    if lead_space || lead_break || trail_space || trail_break {
        allow_block_plain = false;
    }
    if break_space {
        allow_block_plain = false;
        allow_single = false;
    }
    if space_break || special {
        allow_block_plain = false;
        allow_single = false;
    }
    if line_breaks || block_ind {
        allow_block_plain = false;
    }
    Analysis {
        empty: false,
        multiline: line_breaks,
        allow_block_plain,
        allow_single_quoted: allow_single,
    }
}

#[derive(Clone, Copy, Default)]
struct Ctx {
    mapping: bool,
    simple_key: bool,
}

/// The emitter state (PyYAML `Emitter` fields that matter here).
pub(crate) struct Emitter {
    pub out: String,
    column: usize,
    whitespace: bool,
    indention: bool,
    indent: Option<usize>,
    indents: Vec<Option<usize>>,
}

const BEST_WIDTH: usize = 80;
const BEST_INDENT: usize = 2;

impl Emitter {
    pub(crate) fn new() -> Self {
        Emitter {
            out: String::new(),
            column: 0,
            whitespace: true,
            indention: true,
            indent: None,
            indents: Vec::new(),
        }
    }

    /// Emit one document (`safe_dump` of `root`).
    pub(crate) fn document(&mut self, root: &Node) {
        self.column = 0;
        self.whitespace = true;
        self.indention = true;
        self.indent = None;
        self.node(root, Ctx::default());
        self.write_indent();
    }

    fn write(&mut self, s: &str) {
        self.column += s.chars().count();
        self.out.push_str(s);
    }

    fn write_indicator(&mut self, ind: &str, need_ws: bool, whitespace: bool, indention: bool) {
        if self.whitespace || !need_ws {
            self.write(ind);
        } else {
            self.write(" ");
            self.write(ind);
        }
        self.whitespace = whitespace;
        self.indention = self.indention && indention;
    }

    fn write_indent(&mut self) {
        let indent = self.indent.unwrap_or(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.write_line_break(None);
        }
        if self.column < indent {
            self.whitespace = true;
            let pad = " ".repeat(indent - self.column);
            self.out.push_str(&pad);
            self.column = indent;
        }
    }

    fn write_line_break(&mut self, data: Option<char>) {
        self.whitespace = true;
        self.indention = true;
        self.column = 0;
        self.out.push(data.unwrap_or('\n'));
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        match self.indent {
            None => self.indent = Some(if flow { BEST_INDENT } else { 0 }),
            Some(i) if !indentless => self.indent = Some(i + BEST_INDENT),
            _ => {}
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().flatten();
    }

    fn node(&mut self, node: &Node, ctx: Ctx) {
        match node {
            Node::Scalar { text, is_str } => self.scalar(text, *is_str, ctx),
            Node::Seq(items) if items.is_empty() => {
                self.write_indicator("[", true, true, false);
                self.write_indicator("]", false, false, false);
            }
            Node::Map(items) if items.is_empty() => {
                self.write_indicator("{", true, true, false);
                self.write_indicator("}", false, false, false);
            }
            Node::Seq(items) => {
                let indentless = ctx.mapping && !self.indention;
                self.increase_indent(false, indentless);
                for it in items {
                    self.write_indent();
                    self.write_indicator("-", true, false, true);
                    self.node(it, Ctx::default());
                }
                self.pop_indent();
            }
            Node::Map(items) => {
                self.increase_indent(false, false);
                let in_map = Ctx {
                    mapping: true,
                    simple_key: false,
                };
                for (k, v) in items {
                    self.write_indent();
                    let kc: Vec<char> = k.chars().collect();
                    let a = analyze(&kc);
                    if kc.len() + 5 < 128 && !a.empty && !a.multiline {
                        self.scalar(
                            k,
                            true,
                            Ctx {
                                mapping: true,
                                simple_key: true,
                            },
                        );
                        self.write_indicator(":", false, false, false);
                    } else {
                        self.write_indicator("?", true, false, true);
                        self.scalar(k, true, in_map);
                        self.write_indent();
                        self.write_indicator(":", true, false, true);
                    }
                    self.node(v, in_map);
                }
                self.pop_indent();
            }
        }
    }

    fn scalar(&mut self, text: &str, is_str: bool, ctx: Ctx) {
        self.increase_indent(true, false);
        let chars: Vec<char> = text.chars().collect();
        let a = analyze(&chars);
        let implicit = !is_str || resolves_to_str(text);
        let split = !ctx.simple_key;
        if implicit && !(ctx.simple_key && (a.empty || a.multiline)) && a.allow_block_plain {
            self.write_plain(&chars, split);
        } else if a.allow_single_quoted && !(ctx.simple_key && a.multiline) {
            self.write_single_quoted(&chars, split);
        } else {
            self.write_double_quoted(&chars, split);
        }
        self.pop_indent();
    }

    fn write_chars(&mut self, t: &[char]) {
        for c in t {
            self.out.push(*c);
        }
        self.column += t.len();
    }

    fn write_breaks(&mut self, t: &[char]) {
        if t[0] == '\n' {
            self.write_line_break(None);
        }
        for &br in t {
            self.write_line_break(Some(br));
        }
        self.write_indent();
    }

    fn write_plain(&mut self, t: &[char], split: bool) {
        if t.is_empty() {
            return;
        }
        if !self.whitespace {
            self.write(" ");
        }
        self.whitespace = false;
        self.indention = false;
        let (mut spaces, mut breaks) = (false, false);
        let (mut start, mut end) = (0, 0);
        while end <= t.len() {
            let ch = t.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end && self.column > BEST_WIDTH && split {
                        self.write_indent();
                        self.whitespace = false;
                        self.indention = false;
                    } else {
                        self.write_chars(&t[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    self.write_breaks(&t[start..end]);
                    self.whitespace = false;
                    self.indention = false;
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || is_break(c)) {
                self.write_chars(&t[start..end]);
                start = end;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
    }

    fn write_single_quoted(&mut self, t: &[char], split: bool) {
        self.write_indicator("'", true, false, false);
        let (mut spaces, mut breaks) = (false, false);
        let (mut start, mut end) = (0, 0);
        while end <= t.len() {
            let ch = t.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end
                        && self.column > BEST_WIDTH
                        && split
                        && start != 0
                        && end != t.len()
                    {
                        self.write_indent();
                    } else {
                        self.write_chars(&t[start..end]);
                    }
                    start = end;
                }
            } else if breaks {
                if !ch.is_some_and(is_break) {
                    self.write_breaks(&t[start..end]);
                    start = end;
                }
            } else if ch.is_none_or(|c| c == ' ' || c == '\'' || is_break(c)) && start < end {
                self.write_chars(&t[start..end]);
                start = end;
            }
            if ch == Some('\'') {
                self.write("''");
                start = end + 1;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
        self.write_indicator("'", false, false, false);
    }

    fn write_double_quoted(&mut self, t: &[char], split: bool) {
        self.write_indicator("\"", true, false, false);
        let (mut start, mut end) = (0, 0);
        while end <= t.len() {
            let ch = t.get(end).copied();
            let needs_escape = match ch {
                None => true,
                Some(c) => {
                    matches!(
                        c,
                        '"' | '\\' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}'
                    ) || !(' '..='~').contains(&c)
                }
            };
            if needs_escape {
                if start < end {
                    self.write_chars(&t[start..end]);
                    start = end;
                }
                if let Some(c) = ch {
                    let data = match c {
                        '\0' => "\\0".to_string(),
                        '\x07' => "\\a".to_string(),
                        '\x08' => "\\b".to_string(),
                        '\t' => "\\t".to_string(),
                        '\n' => "\\n".to_string(),
                        '\x0b' => "\\v".to_string(),
                        '\x0c' => "\\f".to_string(),
                        '\r' => "\\r".to_string(),
                        '\x1b' => "\\e".to_string(),
                        '"' => "\\\"".to_string(),
                        '\\' => "\\\\".to_string(),
                        '\u{85}' => "\\N".to_string(),
                        '\u{a0}' => "\\_".to_string(),
                        '\u{2028}' => "\\L".to_string(),
                        '\u{2029}' => "\\P".to_string(),
                        c if (c as u32) <= 0xff => format!("\\x{:02X}", c as u32),
                        c if (c as u32) <= 0xffff => format!("\\u{:04X}", c as u32),
                        c => format!("\\U{:08X}", c as u32),
                    };
                    self.write(&data);
                    start = end + 1;
                }
            }
            if 0 < end
                && end + 1 < t.len()
                && (ch == Some(' ') || start >= end)
                && self.column as isize + end as isize - start as isize > BEST_WIDTH as isize
                && split
            {
                let seg: Vec<char> = if start < end {
                    t[start..end].to_vec()
                } else {
                    vec![]
                };
                self.write_chars(&seg);
                self.write("\\");
                if start < end {
                    start = end;
                }
                self.write_indent();
                self.whitespace = false;
                self.indention = false;
                if t[start] == ' ' {
                    self.write("\\");
                }
            }
            end += 1;
        }
        self.write_indicator("\"", false, false, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolver() {
        for s in [
            "yes", "NO", "", "~", "1", "-1", "0x1F", "017", "1_000", "1.0", ".5", "1.5e+3",
        ] {
            assert!(!resolves_to_str(s), "{s}");
        }
        for s in [
            "2024-01-01",
            "2024-1-1 1:00:00",
            "2001-12-14t21:59:43.10-05:00",
            "12:30",
        ] {
            assert!(!resolves_to_str(s), "{s}");
        }
        for s in [
            "0o17",
            "1e3",
            "y",
            "abc",
            "1.2.3",
            "2024-01-01x",
            "0b",
            "08x",
        ] {
            assert!(resolves_to_str(s), "{s}");
        }
    }
}

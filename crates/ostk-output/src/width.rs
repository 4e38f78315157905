//! Display width (wcwidth semantics) and text wrapping (Python `textwrap`
//! as extended by wcwidth, used by PrettyTable for `max_width`).

use unicode_width::UnicodeWidthStr;

/// Display width of a string in terminal cells, as `wcwidth.width()` measures
/// it: wide East Asian characters and emoji count 2, combining marks and
/// control characters 0, escape sequences are skipped.
pub fn display_width(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    let mut total = 0;
    let mut run_start: Option<usize> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let u = c as u32;
        if u < 0x20 || (0x7f..0xa0).contains(&u) {
            if let Some(st) = run_start.take() {
                total += s[st..i].width();
            }
            if c == '\x1b' {
                // Skip a simple escape sequence: ESC [ ... final, or ESC x.
                if let Some(&(_, '[')) = chars.peek() {
                    chars.next();
                    for (_, d) in chars.by_ref() {
                        if ('\x40'..='\x7e').contains(&d) {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            continue;
        }
        if run_start.is_none() {
            run_start = Some(i);
        }
    }
    if let Some(st) = run_start {
        total += s[st..].width();
    }
    total
}

/// Byte length of the first grapheme cluster of `s` (approximation of UAX #29:
/// a base character with following zero-width characters; ZWJ joins the next).
fn grapheme_len(s: &str) -> usize {
    let mut it = s.char_indices();
    let Some((_, first)) = it.next() else {
        return 0;
    };
    let mut end = first.len_utf8();
    let mut join = first == '\u{200d}';
    for (i, c) in it {
        let zero = c.to_string().width() == 0 && (c as u32) >= 0x300;
        let ri_pair = is_regional(first) && is_regional(c) && i == first.len_utf8();
        if join || zero || ri_pair {
            end = i + c.len_utf8();
            join = c == '\u{200d}';
            if ri_pair {
                break;
            }
        } else {
            break;
        }
    }
    end
}

fn is_regional(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn is_ws(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0b' | '\x0c' | '\r' | ' ')
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_letter(c: char) -> bool {
    is_word(c) && !c.is_numeric()
}

fn is_word_punct(c: char) -> bool {
    is_word(c) || matches!(c, '!' | '"' | '\'' | '&' | '.' | ',' | '?')
}

/// Python `textwrap.TextWrapper.wordsep_re` split (break_on_hyphens=True).
fn split_chunks(text: &str) -> Vec<String> {
    let cs: Vec<char> = text.chars().collect();
    let n = cs.len();
    let at = |i: isize| -> Option<char> {
        if i < 0 || i as usize >= n {
            None
        } else {
            Some(cs[i as usize])
        }
    };
    // -{2,} followed by \w, starting at i; returns end index.
    let dashes_then_word = |i: usize| -> Option<usize> {
        let mut j = i;
        while j < n && cs[j] == '-' {
            j += 1;
        }
        if j - i >= 2 && j < n && is_word(cs[j]) {
            Some(j)
        } else {
            None
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let start = i;
        if is_ws(cs[i]) {
            while i < n && is_ws(cs[i]) {
                i += 1;
            }
        } else if i > 0 && is_word_punct(cs[i - 1]) && dashes_then_word(i).is_some() {
            i = dashes_then_word(i).unwrap_or(i + 1);
        } else {
            let mut j = i + 1;
            loop {
                // hyphenated word: nws+? '-' with lookbehind/lookahead on letters
                if j < n && cs[j] == '-' && !is_ws(cs[j - 1]) {
                    let jj = j as isize;
                    let behind = (at(jj - 2).is_some_and(is_letter)
                        && at(jj - 1).is_some_and(is_letter))
                        || (at(jj - 3).is_some_and(is_letter)
                            && at(jj - 2) == Some('-')
                            && at(jj - 1).is_some_and(is_letter));
                    let ahead = at(jj + 1).is_some_and(is_letter)
                        && (at(jj + 2).is_some_and(is_letter)
                            || (at(jj + 2) == Some('-') && at(jj + 3).is_some_and(is_letter)));
                    if behind && ahead {
                        i = j + 1;
                        break;
                    }
                }
                if j >= n || is_ws(cs[j]) {
                    i = j;
                    break;
                }
                if is_word_punct(cs[j - 1]) && dashes_then_word(j).is_some() {
                    i = j;
                    break;
                }
                j += 1;
            }
        }
        out.push(cs[start..i].iter().collect());
    }
    out
}

/// Index (in bytes) of the longest prefix of `s` made of whole graphemes whose
/// width fits in `max`.
fn break_position(s: &str, max: usize) -> usize {
    let mut idx = 0;
    let mut w = 0;
    while idx < s.len() {
        let g = grapheme_len(&s[idx..]);
        let gw = display_width(&s[idx..idx + g]);
        if w + gw > max {
            return idx;
        }
        w += gw;
        idx += g;
    }
    idx
}

fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// `wcwidth.wrap(text, width)` with PrettyTable's defaults (break long words,
/// break on hyphens, drop whitespace). `text` must not contain newlines.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    // expand_tabs + replace_whitespace
    let munged: String = expand_tabs(text, 8)
        .chars()
        .map(|c| if is_ws(c) { ' ' } else { c })
        .collect();
    let mut chunks = split_chunks(&munged);
    chunks.reverse();
    let mut lines: Vec<String> = Vec::new();
    while !chunks.is_empty() {
        let mut cur: Vec<String> = Vec::new();
        let mut cur_w = 0;
        if let Some(last) = chunks.last()
            && !lines.is_empty()
            && !last.is_empty()
            && is_blank(last)
        {
            chunks.pop();
        }
        while let Some(last) = chunks.last() {
            let w = display_width(last);
            if cur_w + w <= width {
                cur_w += w;
                cur.push(chunks.pop().unwrap_or_default());
            } else {
                break;
            }
        }
        if let Some(last) = chunks.last()
            && display_width(last) > width
        {
            let space_left = width.saturating_sub(cur_w);
            let chunk = chunks.pop().unwrap_or_default();
            let prefix_end = break_position(&chunk, space_left);
            let mut end = prefix_end;
            let head = &chunk[..prefix_end];
            let mut hyphen = false;
            if let Some(hp) = head.rfind('-')
                && hp > 0
                && head[..hp].chars().any(|c| c != '-')
            {
                end = hp + 1;
                hyphen = true;
            }
            if !hyphen
                && cur.is_empty()
                && (end == 0 || (end < chunk.len() && display_width(&chunk[..end]) == 0))
            {
                end = grapheme_len(&chunk);
            }
            cur.push(chunk[..end].to_string());
            let rest = chunk[end..].to_string();
            if !rest.is_empty() {
                chunks.push(rest);
            }
        }
        if let Some(last) = cur.last()
            && !last.is_empty()
            && is_blank(last)
        {
            cur.pop();
        }
        if !cur.is_empty() {
            let line = cur.concat();
            let line = line.trim_end();
            if line.is_empty() {
                continue;
            }
            lines.push(line.to_string());
        }
    }
    lines
}

/// Python `str.expandtabs(tabsize)`.
pub fn expand_tabs(s: &str, tabsize: usize) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = tabsize - (col % tabsize);
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("é"), 1);
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("😀"), 2);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("\x01"), 0);
        assert_eq!(display_width("\u{200b}"), 0);
    }

    #[test]
    fn chunks() {
        assert_eq!(
            split_chunks("Look, goof-ball -- use the -b option!"),
            vec![
                "Look,", " ", "goof-", "ball", " ", "--", " ", "use", " ", "the", " ", "-b", " ",
                "option!"
            ]
        );
        assert_eq!(split_chunks("em--dash"), vec!["em", "--", "dash"]);
        assert_eq!(split_chunks("a-b-c"), vec!["a-b-c"]);
        assert_eq!(split_chunks("abc-def-ghi"), vec!["abc-", "def-", "ghi"]);
        assert_eq!(split_chunks("ab-c"), vec!["ab-c"]);
        assert_eq!(split_chunks("x--"), vec!["x--"]);
    }

    #[test]
    fn wrapping() {
        assert_eq!(wrap("hello world", 5), vec!["hello", "world"]);
        assert_eq!(wrap("中文字符", 4), vec!["中文", "字符"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert!(wrap("      ", 3).is_empty());
        assert_eq!(wrap("  ab cd", 3), vec!["ab", "cd"]);
        assert_eq!(wrap("a-b-c", 3), vec!["a-", "b-c"]);
    }
}

//! Python `csv.writer` with cliff's settings: `lineterminator=os.linesep`
//! (`"\n"`), `escapechar='\\'`, `doublequote=True`, the chosen quoting mode.

use crate::pyrepr::{PyVal, py_str};
use crate::{Cell, OutputError, Quote};

/// One CSV field with the Python type that decides quoting.
pub(crate) enum Field {
    /// `None` (written as an empty field).
    None,
    /// int/float/bool, already `str()`-ed; never quoted in nonnumeric mode.
    Number(String),
    /// Anything else, already `str()`-ed.
    Str(String),
}

impl Field {
    pub(crate) fn of(c: &Cell) -> Field {
        match c {
            Cell::Formatted { .. } | Cell::Repr { .. } => Field::Str(c.value_text()),
            _ => match c.machine() {
                PyVal::None => Field::None,
                v @ (PyVal::Bool(_) | PyVal::Int(_) | PyVal::UInt(_) | PyVal::Float(_)) => {
                    Field::Number(py_str(v))
                }
                v => Field::Str(py_str(v)),
            },
        }
    }
}

pub(crate) struct CsvWriter {
    pub quote: Quote,
}

impl CsvWriter {
    /// Format one record including the line terminator.
    pub(crate) fn row(&self, fields: &[Field]) -> Result<String, OutputError> {
        let mut out = String::new();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let (text, mut quoted) = match f {
                Field::None => ("", matches!(self.quote, Quote::All | Quote::NonNumeric)),
                Field::Number(s) => (s.as_str(), self.quote == Quote::All),
                Field::Str(s) => (
                    s.as_str(),
                    matches!(self.quote, Quote::All | Quote::NonNumeric),
                ),
            };
            let mut body = String::with_capacity(text.len());
            for c in text.chars() {
                if matches!(c, ',' | '\\' | '"' | '\n') {
                    if self.quote == Quote::None {
                        body.push('\\');
                    } else if c == '"' {
                        body.push('"');
                        quoted = true;
                    } else if c == '\\' {
                        body.push('\\');
                    } else {
                        quoted = true;
                    }
                }
                body.push(c);
            }
            if fields.len() == 1 && body.is_empty() && !quoted {
                if self.quote == Quote::None {
                    return Err(OutputError::CsvSingleEmptyField);
                }
                quoted = true;
            }
            if quoted {
                out.push('"');
                out.push_str(&body);
                out.push('"');
            } else {
                out.push_str(&body);
            }
        }
        out.push('\n');
        Ok(out)
    }
}

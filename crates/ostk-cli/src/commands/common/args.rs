//! Argument parsers osc-lib's actions imply, shared by many commands.

/// osc-lib's `NonNegativeAction` on `--limit` (an int; negative numbers refused).
pub fn limit(s: &str) -> Result<u64, String> {
    non_negative(s, "--limit")
}

/// osc-lib's `NonNegativeAction` on `--max-items`.
pub fn max_items(s: &str) -> Result<u64, String> {
    non_negative(s, "--max-items")
}

fn non_negative(s: &str, option: &str) -> Result<u64, String> {
    match s.trim().parse::<i64>() {
        Ok(v) if v >= 0 => Ok(v as u64),
        Ok(_) => Err(format!("{option} expected a non-negative integer")),
        Err(_) => Err(format!("invalid int value: '{s}'")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn limits() {
        assert_eq!(super::limit("5"), Ok(5));
        assert_eq!(
            super::limit("-1"),
            Err("--limit expected a non-negative integer".into())
        );
        assert_eq!(super::max_items("x"), Err("invalid int value: 'x'".into()));
    }
}

//! Counted nouns for messages: "1 error", "2 errors" (the review found a badge reading
//! "1 errors"). One helper so every count in the app agrees.

/// `n` followed by `one` or `many`: `count(1, "error", "errors")` is "1 error".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(0, "error", "errors"), "0 errors");
        assert_eq!(count(1, "error", "errors"), "1 error");
        assert_eq!(count(2, "error", "errors"), "2 errors");
        assert_eq!(count(1, "node pool", "node pools"), "1 node pool");
    }
}

//! Quoting for every text format the exports write, so that no character in a value can change
//! the command or document around it (issue 5, docs/aks-rules.md §5.6).
//!
//! Strategy: single quotes everywhere a shell is involved, because nothing inside them is
//! special except the quote itself. Values are quoted whole; a value that is already inert
//! (letters, digits and a few punctuation marks) is left bare so scripts stay readable.

use std::borrow::Cow;

/// Characters that are literal in an unquoted bash word anywhere in it (no glob, expansion,
/// word splitting, redirection, history or comment meaning).
fn bash_inert(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '-' | '.' | ':' | '/' | '%' | '+' | '=' | '@' | ',')
}

/// A bash word that expands to exactly `value`.
///
/// Inside `'…'` every byte is literal, including newlines, `$`, backticks, `"` and any
/// unicode; a `'` itself is written `'\''` (close, escaped quote, reopen). bash strings cannot
/// hold NUL, so callers reject NUL first ([`has_nul`]).
pub fn bash(value: &str) -> Cow<'_, str> {
    if !value.is_empty() && value.chars().all(bash_inert) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    Cow::Owned(out)
}

/// PowerShell treats these four as single quotes too (the language spec's
/// single-quote-character class), so each must be doubled like `'`.
fn pwsh_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// A PowerShell verbatim string literal `'…'` whose value is exactly `value`.
///
/// In a single-quoted string nothing expands (`$`, backtick, `"` are literal); the only
/// special characters are the single-quote family, doubled here. Always quoted: in argument
/// mode PowerShell gives meaning to `@`, `,`, `(`, `{`, `;`, `#`, `<` and leading `-`.
pub fn pwsh(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        if pwsh_single_quote(c) {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// Whether `value` holds a NUL, which no shell argument can carry.
pub fn has_nul(value: &str) -> bool {
    value.contains('\0')
}

/// Text for a `#` or `//` comment line: control characters (newlines above all, which would end
/// the comment and start a command) become spaces.
pub fn comment(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A Bicep string literal `'…'` (escapes `\`, `'`, `${`, and control characters).
pub fn bicep(value: &str) -> String {
    let mut out = String::from("'");
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:X}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// An HCL (Terraform) string literal `"…"`: escapes `\`, `"`, control characters, and the
/// template introducers `${` / `%{` (doubled to `$${` / `%%{`).
pub fn hcl(value: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for a Markdown table cell or inline text: no line breaks, no raw HTML, no cell
/// separators, no emphasis or code markers that would swallow the rest of the line.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An RFC 5545 TEXT value (§3.3.11): `\\`, `;` and `,` escaped with a backslash, a line break
/// (`\r\n`, `\n` or `\r`) written `\n`; other control characters, which TEXT may not hold,
/// become U+FFFD so they stay visible. Folding is the writer's job, not this one's.
pub fn ics_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Undo [`bash`] the way bash reads a word made of bare chars, `'…'` and `\'`.
    fn bash_unquote(word: &str) -> String {
        let mut out = String::new();
        let mut in_quotes = false;
        let mut chars = word.chars();
        while let Some(c) = chars.next() {
            match (in_quotes, c) {
                (false, '\'') | (true, '\'') => in_quotes = !in_quotes,
                (false, '\\') => out.extend(chars.next()),
                (_, c) => out.push(c),
            }
        }
        assert!(!in_quotes, "unterminated quote in {word}");
        out
    }

    /// Undo [`pwsh`]: strip the outer quotes and halve doubled single-quote characters.
    fn pwsh_unquote(lit: &str) -> String {
        let inner = &lit[1..lit.len() - 1];
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if pwsh_single_quote(c) {
                let twin = chars.next();
                assert_eq!(twin, Some(c), "lone quote character in {lit}");
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn safe_words_stay_bare_and_the_rest_is_single_quoted() {
        assert_eq!(bash("rg-platform-dev"), "rg-platform-dev");
        assert_eq!(bash("--utc-offset=-08:00"), "--utc-offset=-08:00");
        assert_eq!(bash("rg(prod).eu"), "'rg(prod).eu'");
        assert_eq!(bash("it's"), "'it'\\''s'");
        assert_eq!(bash(""), "''");
        assert_eq!(pwsh("it’s"), "'it’’s'");
    }

    #[test]
    fn comments_cannot_be_escaped_with_a_newline() {
        assert_eq!(comment("a\nrm -rf /\r"), "a rm -rf / ");
    }

    #[test]
    fn template_introducers_are_neutralised() {
        assert_eq!(hcl("${var.x} %{if}"), r#""$${var.x} %%{if}""#);
        assert_eq!(bicep("${x}'"), r"'\${x}\''");
    }

    proptest! {
        #[test]
        fn bash_quoting_round_trips_and_leaves_no_bare_special(s in "\\PC*|[\\x00-\\x7f]*") {
            let q = bash(&s);
            prop_assert_eq!(bash_unquote(&q), s.clone());
            // Outside quotes only inert characters or the `\'` escape may appear.
            let mut in_quotes = false;
            let mut prev_backslash = false;
            for c in q.chars() {
                if c == '\'' && !prev_backslash { in_quotes = !in_quotes; prev_backslash = false; continue; }
                if !in_quotes {
                    prop_assert!(bash_inert(c) || c == '\\' || (prev_backslash && c == '\''), "bare {c:?} in {q}");
                }
                prev_backslash = !in_quotes && c == '\\';
            }
        }

        #[test]
        fn pwsh_quoting_round_trips_and_never_ends_early(s in "\\PC*|[\\x00-\\x7f]*|[\u{2018}-\u{201B}'$`\"]*") {
            let q = pwsh(&s);
            prop_assert_eq!(pwsh_unquote(&q), s);
        }

        #[test]
        fn hcl_and_bicep_literals_contain_no_raw_quote_or_line_break(s in "\\PC*|[\\x00-\\x7f]*") {
            let h = hcl(&s);
            let inner = &h[1..h.len() - 1];
            prop_assert!(!inner.replace("\\\\", "").replace("\\\"", "").contains('"'));
            prop_assert!(!inner.contains('\n'));
            let b = bicep(&s);
            let inner = &b[1..b.len() - 1];
            prop_assert!(!inner.replace("\\\\", "").replace("\\'", "").contains('\''));
            prop_assert!(!inner.contains('\n'));
        }

        #[test]
        fn markdown_text_has_no_line_break_or_cell_separator(s in "\\PC*|[\\x00-\\x7f]*") {
            let m = markdown(&s);
            prop_assert!(!m.contains('\n'));
            prop_assert!(!m.replace("\\|", "").contains('|'));
            prop_assert!(!m.contains('<'));
        }
    }

    #[test]
    fn ics_text_escapes_separators_backslashes_and_line_breaks() {
        assert_eq!(ics_text("a;b,c\\d"), "a\\;b\\,c\\\\d");
        assert_eq!(
            ics_text("one\r\ntwo\nthree\rfour"),
            "one\\ntwo\\nthree\\nfour"
        );
        assert_eq!(ics_text("tab\tesc\u{1b}"), "tab\tesc\u{FFFD}");
        assert_eq!(ics_text("ünï 日本 🚀"), "ünï 日本 🚀");
    }
}

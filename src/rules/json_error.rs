//! serde_json's error messages in plain words. Its own texts ("expected value", "EOF while
//! parsing a list") name parser states, not what the person pasting `az` output or a plan file
//! should look for; this says what is wrong at the spot and what usually causes it. Line and
//! column are reported separately by the callers ([`crate::rules::import`], [`crate::rules::plan`]).

/// What went wrong, without serde_json's " at line L column C" suffix.
pub(crate) fn plain(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    let raw = match raw.rfind(" at line ") {
        Some(i) => &raw[..i],
        None => raw.as_str(),
    };
    let words = match raw {
        "EOF while parsing a list" => {
            "the text ends before a list ([ … ]) is closed: part of the output is missing, paste all of it"
        }
        "EOF while parsing an object" => {
            "the text ends before an object ({ … }) is closed: part of the output is missing, paste all of it"
        }
        "EOF while parsing a string" => {
            "the text ends inside a quoted string: part of the output is missing, paste all of it"
        }
        "EOF while parsing a value" => {
            "the text ends where a value should follow: part of the output is missing, paste all of it"
        }
        "expected value" => {
            "this is not JSON: a JSON value (an object { … }, a list [ … ], text in double quotes or a number) should start here; run the az command with -o json"
        }
        "expected `,` or `]`" => "a comma or ] is missing here, between two items of a list",
        "expected `,` or `}`" => "a comma or } is missing here, between two fields of an object",
        "expected `:`" => "a colon is missing here, after a field name",
        "key must be a string" => "a field name must be in double quotes",
        "trailing comma" => "there is a comma before a closing bracket: remove it",
        "trailing characters" => "there is more text after the end of the JSON",
        "expected ident" => {
            "this word is not JSON: only true, false and null are written without quotes"
        }
        other => return format!("the JSON is malformed here ({other})"),
    };
    words.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        plain(&serde_json::from_str::<serde_json::Value>(text).unwrap_err())
    }

    #[test]
    fn parser_states_become_plain_words() {
        let cases = [
            ("hello world", "this is not JSON"),
            ("[1, 2", "before a list ([ … ]) is closed"),
            (r#"{"a": 1"#, "before an object ({ … }) is closed"),
            (r#"{"a": "b"#, "inside a quoted string"),
            ("[1 2]", "a comma or ] is missing"),
            (r#"{"a": 1 "b": 2}"#, "a comma or } is missing"),
            (r#"{"a" 1}"#, "a colon is missing"),
            ("{a: 1}", "a field name must be in double quotes"),
            ("[1,]", "comma before a closing bracket"),
            ("[1] x", "more text after the end"),
            ("[truth]", "only true, false and null"),
            ("[\"\\q\"]", "the JSON is malformed here (invalid escape)"),
        ];
        for (text, expected) in cases {
            let m = message(text);
            assert!(m.contains(expected), "{text}: {m}");
            assert!(!m.contains(" at line "), "{m}");
        }
    }
}

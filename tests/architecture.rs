//! Architecture invariant: `src/rules/` is the pure rule core and `src/view/` the pure view
//! model over it (ARCHITECTURE.md). Neither may name a browser crate, read a clock, or do I/O,
//! so the same code runs natively (tests, CLI) and in the browser, and every result is a
//! function of its inputs.
//!
//! The check reads the source, drops comments and string/char literals (a doc comment may say
//! "never call `Utc::now`"), splits the rest into tokens and looks for forbidden paths. It is a
//! guard against accidents, not against someone set on hiding a call behind an alias.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "architecture/import_graph.rs"]
mod import_graph;

/// What the rule core must not name, and why. Each entry is a token sequence: `::` and `!` are
/// tokens, so `Utc :: now` and `Utc::now` both match.
const FORBIDDEN: &[(&[&str], &str)] = &[
    (&["leptos"], "browser UI crate"),
    (&["web_sys"], "browser API crate"),
    (&["js_sys"], "browser API crate"),
    (&["gloo"], "browser API crate"),
    (&["wasm_bindgen"], "browser glue crate"),
    (
        &["Utc", "::", "now"],
        "clock read: take \"now\" as a parameter",
    ),
    (
        &["Local", "::", "now"],
        "clock read: take \"now\" as a parameter",
    ),
    (&["SystemTime"], "clock read: take \"now\" as a parameter"),
    (
        &["Instant", "::", "now"],
        "clock read: take \"now\" as a parameter",
    ),
    (
        &["std", "::", "fs"],
        "file I/O: the CLI and the UI do I/O, the core gets values",
    ),
    (&["std", "::", "net"], "network I/O"),
    (
        &["println", "!"],
        "console output: return values, let the caller print",
    ),
    (
        &["print", "!"],
        "console output: return values, let the caller print",
    ),
    (
        &["eprintln", "!"],
        "console output: return values, let the caller print",
    ),
    (
        &["eprint", "!"],
        "console output: return values, let the caller print",
    ),
    (
        &["dbg", "!"],
        "console output: return values, let the caller print",
    ),
];

/// Crate-name prefixes: `gloo_storage`, `wasm_bindgen_futures` are as forbidden as the roots.
const FORBIDDEN_PREFIXES: &[&str] = &["gloo_", "wasm_bindgen_", "leptos_"];

/// One forbidden use found in a file.
#[derive(Debug, PartialEq)]
struct Violation {
    line: u32,
    found: String,
    why: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
struct Token {
    text: String,
    line: u32,
}

/// Splits Rust source into identifier and punctuation tokens, skipping whitespace, comments
/// (line, doc, nested block) and the contents of string, raw-string, byte-string and char
/// literals. Lifetimes (`'a`) are kept apart from char literals.
fn tokenize(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let mut tokens = Vec::new();
    let mut line: u32 = 1;
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if let Some(len) = raw_string_len(&chars[i..]) {
            line += chars[i..i + len].iter().filter(|&&ch| ch == '\n').count() as u32;
            tokens.push(Token {
                text: "\"\"".into(),
                line,
            });
            i += len;
        } else if c == '"' || (c == 'b' && at(i + 1) == '"') {
            i += if c == 'b' { 2 } else { 1 };
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if at(i) == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 1;
            tokens.push(Token {
                text: "\"\"".into(),
                line,
            });
        } else if c == '\'' {
            // A char literal closes within a few chars ('x', '\n', '\u{1F600}'); a lifetime does not.
            let close = (i + 2..(i + 12).min(chars.len())).find(|&j| chars[j] == '\'');
            match close {
                Some(j) if at(i + 1) == '\\' || j == i + 2 => {
                    tokens.push(Token {
                        text: "''".into(),
                        line,
                    });
                    i = j + 1;
                }
                _ => {
                    tokens.push(Token {
                        text: "'".into(),
                        line,
                    });
                    i += 1;
                }
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(Token {
                text: chars[start..i].iter().collect(),
                line,
            });
        } else if c == ':' && at(i + 1) == ':' {
            tokens.push(Token {
                text: "::".into(),
                line,
            });
            i += 2;
        } else {
            tokens.push(Token {
                text: c.to_string(),
                line,
            });
            i += 1;
        }
    }
    tokens
}

/// Length of a raw (byte) string literal starting at `s[0]` (`r"..."`, `r#"..."#`, `br"..."`).
fn raw_string_len(s: &[char]) -> Option<usize> {
    let mut i = match s {
        ['r', ..] => 1,
        ['b', 'r', ..] => 2,
        _ => return None,
    };
    let hashes = s[i..].iter().take_while(|&&c| c == '#').count();
    i += hashes;
    if s.get(i) != Some(&'"') {
        return None;
    }
    i += 1;
    while i < s.len() {
        if s[i] == '"'
            && s[i + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == '#')
                .count()
                == hashes
        {
            return Some(i + 1 + hashes);
        }
        i += 1;
    }
    Some(s.len())
}

/// Every forbidden use in `src`, including `std::{fs, ..}` style imports.
fn violations(src: &str) -> Vec<Violation> {
    let tokens = tokenize(src);
    let mut found = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        for (pattern, why) in FORBIDDEN {
            let matches = pattern.len() <= tokens.len() - i
                && pattern.iter().zip(&tokens[i..]).all(|(p, t)| *p == t.text);
            if matches {
                found.push(Violation {
                    line: tok.line,
                    found: pattern.concat(),
                    why,
                });
            }
        }
        if let Some(prefix) = FORBIDDEN_PREFIXES
            .iter()
            .find(|p| tok.text.starts_with(**p))
        {
            found.push(Violation {
                line: tok.line,
                found: tok.text.clone(),
                why: forbidden_prefix_reason(prefix),
            });
        }
        // `use std::{fs, io}` names std::fs without the `std::fs` token sequence.
        let opens_std_group = tok.text == "std"
            && tokens.get(i + 1).is_some_and(|t| t.text == "::")
            && tokens.get(i + 2).is_some_and(|t| t.text == "{");
        if opens_std_group {
            let mut depth = 0;
            for t in &tokens[i + 2..] {
                match t.text.as_str() {
                    "{" => depth += 1,
                    "}" => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    "fs" | "net" if depth == 1 => found.push(Violation {
                        line: t.line,
                        found: format!("std::{{{}}}", t.text),
                        why: "I/O in the rule core",
                    }),
                    _ => {}
                }
            }
        }
    }
    found
}

fn forbidden_prefix_reason(prefix: &str) -> &'static str {
    match prefix {
        "gloo_" => "browser API crate",
        "wasm_bindgen_" => "browser glue crate",
        _ => "browser UI crate",
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The pure trees: the rule core, the view model the app, CLI and Markdown share, and the
/// exports worker's protocol.
const PURE_TREES: &[&str] = &["src/rules", "src/view", "src/offload"];

#[test]
fn rule_core_names_no_browser_crate_clock_or_io() {
    let mut report = Vec::new();
    for tree in PURE_TREES {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(tree);
        let mut files = Vec::new();
        rust_files(&root, &mut files);
        files.sort();
        // Guards against a vacuous pass after a move or rename of the directory.
        assert!(
            files.iter().any(|f| f.ends_with(format!("{tree}/mod.rs"))),
            "{tree}/mod.rs not found under {}",
            root.display()
        );
        for file in &files {
            let src = fs::read_to_string(file)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
            for v in violations(&src) {
                let rel = file
                    .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                    .unwrap_or(file);
                report.push(format!(
                    "{}:{}: `{}` ({})",
                    rel.display(),
                    v.line,
                    v.found,
                    v.why
                ));
            }
        }
    }
    assert!(
        report.is_empty(),
        "src/rules and src/view must stay pure (no browser crates, clock reads, I/O or printing):\n  {}",
        report.join("\n  ")
    );
}

#[test]
fn a_clock_read_in_code_is_reported_with_its_line() {
    let src = "fn f() {\n    let now = chrono::Utc::now();\n}\n";
    assert_eq!(
        violations(src),
        vec![Violation {
            line: 2,
            found: "Utc::now".into(),
            why: "clock read: take \"now\" as a parameter"
        }]
    );
}

#[test]
fn every_forbidden_name_is_caught_in_code() {
    let cases = [
        ("use leptos::prelude::*;", "leptos"),
        ("let w = web_sys::window();", "web_sys"),
        ("js_sys::Date::now()", "js_sys"),
        ("use gloo_storage::LocalStorage;", "gloo_storage"),
        ("use wasm_bindgen::prelude::*;", "wasm_bindgen"),
        (
            "wasm_bindgen_futures::spawn_local(f)",
            "wasm_bindgen_futures",
        ),
        ("Local :: now()", "Local::now"),
        ("let t = std::time::SystemTime::UNIX_EPOCH;", "SystemTime"),
        ("let t = Instant::now();", "Instant::now"),
        ("std::fs::read_to_string(p)", "std::fs"),
        ("use std::{collections::BTreeMap, fs};", "std::{fs}"),
        ("use std::net::TcpStream;", "std::net"),
        ("println!(\"{x}\")", "println!"),
        ("eprintln!(\"oops\")", "eprintln!"),
        ("dbg!(x)", "dbg!"),
    ];
    for (src, expected) in cases {
        let found: Vec<String> = violations(src).into_iter().map(|v| v.found).collect();
        assert!(
            found.contains(&expected.to_string()),
            "{src:?}: expected {expected}, found {found:?}"
        );
    }
}

#[test]
fn comments_and_literals_may_name_forbidden_things() {
    let src = r###"
        //! The core never calls `Utc::now`; "now" is a parameter.
        /// Unlike `std::fs`, this reads nothing.
        /* println!("x") /* nested: web_sys */ leptos */
        fn message() -> &'static str {
            let _c = '"';
            let _r = r#"SystemTime "quoted" Instant::now"#;
            "use leptos or gloo in the UI, not here: std::fs"
        }
    "###;
    assert_eq!(violations(src), vec![]);
}

#[test]
fn names_that_merely_contain_a_forbidden_word_are_allowed() {
    let src = "let fs_total = 1; let glossary = 2; struct MyLocal; MyLocal::now(); now_utc(); printer!(); system_time();";
    assert_eq!(violations(src), vec![]);
}

#[test]
fn line_numbers_count_lines_inside_comments_and_strings() {
    let src = "/* a\nb */\nlet s = \"x\ny\";\n// c\nprintln!(\"z\");";
    let lines: Vec<u32> = violations(src).into_iter().map(|v| v.line).collect();
    assert_eq!(lines, vec![6]);
}

// ---------------------------------------------------------------------------------------------
// Citations stay inside the repository: a comment or document that points at a file the next
// engineer does not have (`../shared/aks-rules.md`, a machine path, a team note) is a dead end.
// The AKS rules the code implements are in docs/aks-rules.md and docs/aks-2026.md.

/// Notes that once lived beside the repository. Citing one by its bare name is allowed only
/// where the name resolves to a file of the repository (`docs/aks-rules.md`, or `aks-rules.md`
/// from inside `docs/`).
const NOTE_NAMES: &[&str] = &["aks-rules.md", "aks-2026.md", "style.md", "toolchain.md"];

/// Absolute paths of the machines the project was built on.
const MACHINE_PATHS: &[&str] = &["/work/", "/home/", "/Users/"];

/// The characters a cited path is made of.
fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/')
}

/// Whether `rel`, relative to directory `base` (both inside `root`), names an existing file or
/// directory of the repository. `..` may not climb above `root`.
fn resolves_inside(root: &Path, base: &Path, rel: &str) -> bool {
    let mut parts: Vec<&str> = base
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return false;
                }
            }
            p => parts.push(p),
        }
    }
    root.join(parts.join("/")).exists()
}

/// The problems with the paths `text` (the file `file`, relative to `root`) cites, as
/// `line: what` strings.
fn outside_citations(root: &Path, file: &Path, text: &str) -> Vec<String> {
    let dir = file.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        for machine in MACHINE_PATHS {
            if line.contains(machine) {
                out.push(format!("{n}: a machine path ({machine}…)"));
            }
        }
        // Every `../…` path must stay inside the repository and exist there.
        let mut rest = line;
        while let Some(at) = rest.find("../") {
            // From the first `..`: what precedes it is a variable such as `$HERE/` (the
            // file's own directory) or nothing.
            let len = rest[at..]
                .find(|c| !is_path_char(c))
                .unwrap_or(rest.len() - at);
            let path = rest[at..at + len].trim_end_matches('.');
            if !resolves_inside(root, dir, path) {
                out.push(format!("{n}: {path} is not a file of the repository"));
            }
            rest = &rest[at + len..];
        }
        // A team note by name: only as a path that exists in the repository.
        for name in NOTE_NAMES {
            let mut from = 0;
            while let Some(at) = line[from..].find(name).map(|i| i + from) {
                let before = &line[..at];
                let start = before
                    .rfind(|c: char| !is_path_char(c))
                    .map_or(0, |i| i + 1);
                let cited = &line[start..at + name.len()];
                let whole_name = !before.ends_with(|c: char| is_path_char(c) && c != '/');
                if whole_name
                    && !resolves_inside(root, Path::new(""), cited)
                    && !resolves_inside(root, dir, cited)
                {
                    out.push(format!(
                        "{n}: cites {cited}, which is not in the repository (cite docs/aks-rules.md §N)"
                    ));
                }
                from = at + name.len();
            }
        }
    }
    out
}

/// The repository's tracked files, from `git ls-files`.
fn tracked_files(root: &Path) -> Vec<PathBuf> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["ls-files", "-z"])
        .output()
        .expect("git must be installed to list the tracked files");
    assert!(out.status.success(), "git ls-files failed: {out:?}");
    out.stdout
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned()))
        .collect()
}

#[test]
fn no_tracked_file_cites_a_path_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = tracked_files(root);
    assert!(
        files.iter().any(|f| f == Path::new("src/rules/mod.rs"))
            && files.iter().any(|f| f == Path::new("docs/aks-rules.md")),
        "git ls-files did not list the sources: {} files",
        files.len()
    );
    let mut report = Vec::new();
    // This file holds the examples the check is tested with.
    for file in files
        .iter()
        .filter(|f| *f != Path::new("tests/architecture.rs"))
    {
        // Binary files (images) hold no citations.
        let Ok(text) = fs::read_to_string(root.join(file)) else {
            continue;
        };
        for problem in outside_citations(root, file, &text) {
            report.push(format!("{}:{problem}", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "citations must point inside the repository:\n  {}",
        report.join("\n  ")
    );
}

#[test]
fn citations_outside_the_repository_are_caught() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = Path::new("src/rules/mod.rs");
    let bad = [
        "//! See `../shared/aks-rules.md` §3.",
        "// (aks-rules.md §4.2)",
        "// per style.md §1",
        "# see /work/shared/toolchain.md",
        "// include!(\"../../nowhere/x.rs\")",
    ];
    for line in bad {
        assert!(
            !outside_citations(root, file, line).is_empty(),
            "not caught: {line}"
        );
    }
    let good = [
        "//! (docs/aks-rules.md §4.2, docs/aks-2026.md §1.1)",
        "// include_str!(\"../../tests/fixtures/pitfalls.json\")",
        "// `tests/architecture.rs`, README.md",
    ];
    for line in good {
        assert_eq!(
            outside_citations(root, file, line),
            Vec::<String>::new(),
            "{line}"
        );
    }
    // From inside docs/, the sibling file is cited by its bare name.
    let doc = Path::new("docs/plan-format.md");
    assert!(outside_citations(root, doc, "[aks-rules.md](aks-rules.md) §8 A-3").is_empty());
}

//! Architecture invariant: no import cycle between two concepts (issue 12 item 3).
//!
//! A concept is a top-level module of a layer: `rules::plan`, `rules::projection`, `view::…`,
//! `ui::components`. Its own files may import each other in a circle (a module and its
//! children usually do), but a strongly connected component of the file import graph must
//! never hold files of two concepts: that is a cycle between two ideas, and neither can then be
//! read, tested or moved without the other.
//!
//! The graph is read from the source: an edge runs from a file to the file module that a path
//! starting with `crate::`, `super::`, `self::` or a child module's name resolves to (the
//! longest prefix of the path that is a file module, so an item path resolves to its file).
//! Test code (`#[cfg(test)]` items and `#[cfg(test)] mod x;` files) is left out: a test is a
//! client of the code it checks and may use the demo plan or a test kit from anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use super::{Token, rust_files, tokenize};

/// A module path below the crate root, e.g. `["rules", "projection", "timeline"]`.
type ModPath = Vec<String>;

/// The file import graph: every file module and the file modules it imports.
#[derive(Debug, Default)]
struct Graph {
    edges: BTreeMap<ModPath, BTreeSet<ModPath>>,
}

/// `src/rules/projection/mod.rs` → `rules::projection`; `src/lib.rs` → the crate root.
fn module_of(relative: &str) -> ModPath {
    let without_ext = relative.strip_suffix(".rs").unwrap_or(relative);
    let mut parts: ModPath = without_ext.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The concept a module belongs to: its first two path segments (`rules::projection`).
fn concept(module: &[String]) -> String {
    module[..module.len().min(2)].join("::")
}

/// Index just past the item starting at `i` (up to its `;` or its balanced `{…}` block).
fn skip_item(tokens: &[Token], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < tokens.len() {
        match tokens[i].text.as_str() {
            ";" if depth == 0 => return i + 1,
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

fn is_cfg_test(tokens: &[Token], i: usize) -> bool {
    let want = ["#", "[", "cfg", "(", "test", ")", "]"];
    tokens.len() >= i + want.len() && want.iter().zip(&tokens[i..]).all(|(w, t)| *w == t.text)
}

fn is_ident(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The paths of a `use` tree or an expression path starting at `tokens[i]`, groups expanded
/// (`a::{b, c::d}` gives `a::b` and `a::c::d`), and the index after it.
fn paths_at(tokens: &[Token], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    while i < tokens.len() {
        let text = tokens[i].text.as_str();
        if text == "{" {
            let mut out = Vec::new();
            i += 1;
            while i < tokens.len() && tokens[i].text != "}" {
                let (inner, next) = paths_at(tokens, i);
                out.extend(inner.into_iter().map(|p| [prefix.clone(), p].concat()));
                i = next;
                if tokens.get(i).is_some_and(|t| t.text == ",") {
                    i += 1;
                }
            }
            return (out, i + 1);
        }
        if is_ident(text) || text == "*" {
            prefix.push(text.to_owned());
            i += 1;
            if tokens.get(i).is_some_and(|t| t.text == "::") {
                i += 1;
                continue;
            }
        }
        break;
    }
    (vec![prefix], i)
}

/// The file module `path` names, seen from module `here` (a file module plus any inline
/// modules), or `None` when it leaves the crate.
fn resolve(files: &BTreeSet<ModPath>, here: &[String], path: &[String]) -> Option<ModPath> {
    let mut current: ModPath = here.to_vec();
    let mut rest = path;
    while let Some((first, tail)) = rest.split_first() {
        match first.as_str() {
            "crate" => current.clear(),
            "super" => {
                current.pop()?;
            }
            "self" => {}
            _ => break,
        }
        rest = tail;
    }
    let mut best = (0..=current.len())
        .rev()
        .map(|n| current[..n].to_vec())
        .find(|m| files.contains(m));
    for segment in rest {
        current.push(segment.clone());
        if files.contains(&current) {
            best = Some(current.clone());
        } else if best.is_some() {
            break;
        }
    }
    best
}

/// The imports of one file, and the child modules it declares for tests only.
fn imports(
    files: &BTreeSet<ModPath>,
    module: &ModPath,
    src: &str,
) -> (BTreeSet<ModPath>, Vec<ModPath>) {
    let tokens = tokenize(src);
    let mut found = BTreeSet::new();
    let mut test_children = Vec::new();
    // Inline modules we are inside: (name, brace depth of their body).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let text = tokens[i].text.as_str();
        let next = tokens.get(i + 1).map(|t| t.text.as_str());
        let previous = i.checked_sub(1).map(|p| tokens[p].text.as_str());
        let here: ModPath = module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(name, _)| name.clone()))
            .collect();
        if is_cfg_test(&tokens, i) {
            let item = i + 7;
            if tokens.get(item).is_some_and(|t| t.text == "mod")
                && tokens.get(item + 2).is_some_and(|t| t.text == ";")
            {
                let mut child = here.clone();
                child.push(tokens[item + 1].text.clone());
                test_children.push(child);
            }
            i = skip_item(&tokens, item);
            continue;
        }
        match text {
            "mod" if tokens.get(i + 2).is_some_and(|t| t.text == "{") => {
                depth += 1;
                inline.push((tokens[i + 1].text.clone(), depth));
                i += 3;
                continue;
            }
            "{" => depth += 1,
            "}" => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ if next == Some("::") && previous != Some("::") && is_ident(text) => {
                let anchored = matches!(text, "crate" | "super" | "self");
                let mut child = here.clone();
                child.push(text.to_owned());
                if anchored || files.contains(&child) {
                    let (paths, after) = paths_at(&tokens, i);
                    for path in paths {
                        let path = if anchored {
                            path
                        } else {
                            [vec!["self".to_owned()], path].concat()
                        };
                        if let Some(target) = resolve(files, &here, &path) {
                            found.insert(target);
                        }
                    }
                    i = after;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found.remove(module);
    (found, test_children)
}

/// The graph of `sources` (relative path below `src/` → text), test-only files left out.
fn graph(sources: &BTreeMap<String, String>) -> Graph {
    let modules: BTreeMap<ModPath, &String> = sources
        .iter()
        .map(|(path, src)| (module_of(path), src))
        .collect();
    let files: BTreeSet<ModPath> = modules.keys().cloned().collect();
    let mut test_only: Vec<ModPath> = Vec::new();
    let mut g = Graph::default();
    for (module, src) in &modules {
        let (found, tests) = imports(&files, module, src);
        test_only.extend(tests);
        g.edges.insert(module.clone(), found);
    }
    let is_test = |m: &ModPath| test_only.iter().any(|t| m.starts_with(t));
    g.edges.retain(|m, _| !is_test(m));
    for targets in g.edges.values_mut() {
        targets.retain(|t| !is_test(t));
    }
    g
}

/// Strongly connected components (Tarjan), each sorted, largest first.
fn components(g: &Graph) -> Vec<Vec<ModPath>> {
    struct State<'a> {
        g: &'a Graph,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on_stack: BTreeSet<&'a ModPath>,
        out: Vec<Vec<ModPath>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a ModPath) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let targets = s.g.edges.get(v).into_iter().flatten();
        for w in targets.filter(|w| s.g.edges.contains_key(*w)) {
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            component.sort();
            s.out.push(component);
        }
    }
    let mut s = State {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.edges.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out.sort_by_key(|c| std::cmp::Reverse(c.len()));
    s.out
}

/// Every cycle that spans more than one concept, as a readable report (empty when none).
fn cross_concept_cycles(g: &Graph) -> Vec<String> {
    components(g)
        .into_iter()
        .filter(|c| c.iter().map(|m| concept(m)).collect::<BTreeSet<_>>().len() > 1)
        .map(|c| {
            let members: BTreeSet<&ModPath> = c.iter().collect();
            let crossing: Vec<String> = c
                .iter()
                .flat_map(|m| {
                    g.edges[m]
                        .iter()
                        .filter(|t| members.contains(t) && concept(t) != concept(m))
                        .map(move |t| format!("{} -> {}", m.join("::"), t.join("::")))
                })
                .collect();
            format!(
                "{} files in one cycle; edges between concepts:\n    {}",
                c.len(),
                crossing.join("\n    ")
            )
        })
        .collect()
}

fn library_sources() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .into_iter()
        .filter_map(|f| {
            let rel = f
                .strip_prefix(&root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            // The binaries are crates of their own (`crate::` means them, not the library).
            if rel.starts_with("bin/") || rel == "main.rs" {
                return None;
            }
            let src = fs::read_to_string(&f)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", f.display()));
            Some((rel, src))
        })
        .collect()
}

#[test]
fn no_import_cycle_spans_two_concepts() {
    let sources = library_sources();
    // Guards against a vacuous pass after a move of the tree.
    assert!(sources.contains_key("rules/plan.rs") && sources.len() > 100);
    let g = graph(&sources);
    let cycles = cross_concept_cycles(&g);
    assert!(
        cycles.is_empty(),
        "import cycles between concepts (put shared data in a lower layer):\n  {}",
        cycles.join("\n  ")
    );
}

#[test]
fn the_plan_sits_below_what_reads_it() {
    let g = graph(&library_sources());
    let plan = module_of("rules/plan.rs");
    let reach = reachable(&g, &plan);
    for above in [
        "rules/projection/mod.rs",
        "rules/findings/mod.rs",
        "rules/export/mod.rs",
    ] {
        assert!(
            !reach.contains(&module_of(above)),
            "rules::plan reaches {above}"
        );
    }
    // And the finding is a leaf: it imports nothing of ours outside itself.
    let finding = module_of("rules/finding/mod.rs");
    let outside: Vec<ModPath> = reachable(&g, &finding)
        .into_iter()
        .filter(|m| concept(m) != "rules::finding")
        .collect();
    assert!(outside.is_empty(), "rules::finding imports {outside:?}");
}

fn reachable(g: &Graph, from: &ModPath) -> BTreeSet<ModPath> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.clone()];
    while let Some(m) = todo.pop() {
        for t in g.edges.get(&m).into_iter().flatten() {
            if seen.insert(t.clone()) {
                todo.push(t.clone());
            }
        }
    }
    seen
}

fn sources_of(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(p, s)| ((*p).to_owned(), (*s).to_owned()))
        .collect()
}

#[test]
fn a_cycle_between_two_concepts_is_reported() {
    let g = graph(&sources_of(&[
        ("lib.rs", "pub mod rules;"),
        ("rules/mod.rs", "pub mod a; pub mod b;"),
        ("rules/a.rs", "use super::b::Thing; pub struct A;"),
        ("rules/b/mod.rs", "mod inner; pub use inner::Thing;"),
        ("rules/b/inner.rs", "pub struct Thing(crate::rules::a::A);"),
    ]));
    let cycles = cross_concept_cycles(&g);
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert!(cycles[0].starts_with("3 files"), "{}", cycles[0]);
    assert!(cycles[0].contains("rules::a -> rules::b"), "{}", cycles[0]);
    assert!(
        cycles[0].contains("rules::b::inner -> rules::a"),
        "{}",
        cycles[0]
    );
}

#[test]
fn a_cycle_inside_one_concept_and_test_code_are_allowed() {
    let g = graph(&sources_of(&[
        (
            "rules/a/mod.rs",
            "mod x; use x::X; pub struct A;\n#[cfg(test)] mod tests;",
        ),
        ("rules/a/x.rs", "use super::A; pub struct X;"),
        ("rules/a/tests.rs", "use crate::rules::b::B;"),
        (
            "rules/b.rs",
            "use crate::rules::a::{A, x::X};\n#[cfg(test)]\nmod tests { use super::super::a::A; }",
        ),
    ]));
    assert_eq!(cross_concept_cycles(&g), Vec::<String>::new());
    // The group `{A, x::X}` resolves to both files; the test module is out of the graph.
    let b = &g.edges[&module_of("rules/b.rs")];
    assert!(b.contains(&module_of("rules/a/mod.rs")) && b.contains(&module_of("rules/a/x.rs")));
    assert!(!g.edges.contains_key(&module_of("rules/a/tests.rs")));
}

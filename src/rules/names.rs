//! Azure and AKS naming rules (docs/aks-rules.md §6), reusable by findings and exports.
//!
//! Each validator returns the first rule a name breaks, as a [`NameError`] whose message names
//! the value and says how to fix it.

use std::fmt;

use super::os::OsType;

/// Cluster names: 1–63 (API path pattern, NAMES).
pub const CLUSTER_NAME_MAX: u32 = 63;
/// Node pool names: 1–12 per the API regex `^[a-z][a-z0-9]{0,11}$`.
pub const POOL_NAME_MAX: u32 = 12;
/// The AKS FAQ says Linux pool names are 1–11; the API allows 12 (§8 A-19), so 12 is a warning.
pub const LINUX_POOL_NAME_SOFT_MAX: u32 = 11;
/// Windows pool names: 1–6 (AKS-FAQ-NAMES, §8 A-19).
pub const WINDOWS_POOL_NAME_MAX: u32 = 6;
/// Resource group names: 1–90 (NAMES; SDK `max_length=90`).
pub const RESOURCE_GROUP_MAX: u32 = 90;
/// The auto-generated node resource group `MC_<rg>_<cluster>_<region>`: at most 80 characters
/// (AKS-FAQ-NAMES).
pub const NODE_RESOURCE_GROUP_MAX: u32 = 80;
/// A node pool name AKS reserves (CL 2025-04-27).
pub const RESERVED_POOL_NAME: &str = "aksmanagedap";

/// What kind of name a [`NameError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    Cluster,
    Pool,
    WindowsPool,
    ResourceGroup,
}

impl fmt::Display for NameKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NameKind::Cluster => "cluster name",
            NameKind::Pool => "node pool name",
            NameKind::WindowsPool => "Windows node pool name",
            NameKind::ResourceGroup => "resource group name",
        })
    }
}

/// A name AKS or ARM would reject.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("the {kind} is empty: enter a name")]
    Empty { kind: NameKind },
    #[error("the {kind} {name:?} is {len} characters long: shorten it to at most {max}")]
    TooLong {
        kind: NameKind,
        name: String,
        len: u32,
        max: u32,
    },
    #[error("the {kind} {name:?} contains {ch:?}: use only {allowed}")]
    InvalidChar {
        kind: NameKind,
        name: String,
        ch: char,
        allowed: &'static str,
    },
    #[error("the {kind} {name:?} starts with {ch:?}: it must start with {rule}")]
    BadFirst {
        kind: NameKind,
        name: String,
        ch: char,
        rule: &'static str,
    },
    #[error("the {kind} {name:?} ends with {ch:?}: it must end with {rule}")]
    BadLast {
        kind: NameKind,
        name: String,
        ch: char,
        rule: &'static str,
    },
    #[error("the node pool name {name:?} is reserved by AKS: choose another name")]
    Reserved { name: String },
}

impl NameError {
    pub fn kind(&self) -> NameKind {
        match self {
            NameError::Empty { kind }
            | NameError::TooLong { kind, .. }
            | NameError::InvalidChar { kind, .. }
            | NameError::BadFirst { kind, .. }
            | NameError::BadLast { kind, .. } => *kind,
            NameError::Reserved { .. } => NameKind::Pool,
        }
    }
}

/// Characters in a name, as u32 (names are short; saturates rather than overflowing).
pub fn char_len(name: &str) -> u32 {
    u32::try_from(name.chars().count()).unwrap_or(u32::MAX)
}

fn check_len(kind: NameKind, name: &str, max: u32) -> Result<(), NameError> {
    let len = char_len(name);
    if len == 0 {
        return Err(NameError::Empty { kind });
    }
    if len > max {
        return Err(NameError::TooLong {
            kind,
            name: name.to_owned(),
            len,
            max,
        });
    }
    Ok(())
}

fn first_bad_char(
    kind: NameKind,
    name: &str,
    ok: impl Fn(char) -> bool,
    allowed: &'static str,
) -> Result<(), NameError> {
    match name.chars().find(|&c| !ok(c)) {
        Some(ch) => Err(NameError::InvalidChar {
            kind,
            name: name.to_owned(),
            ch,
            allowed,
        }),
        None => Ok(()),
    }
}

/// `managedClusters` name: 1–63 ASCII letters, digits, `-` and `_`, first and last character
/// alphanumeric (regex `^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$`, §6).
pub fn validate_cluster_name(name: &str) -> Result<(), NameError> {
    let kind = NameKind::Cluster;
    check_len(kind, name, CLUSTER_NAME_MAX)?;
    first_bad_char(
        kind,
        name,
        |c| c.is_ascii_alphanumeric() || c == '-' || c == '_',
        "letters a-z, A-Z, digits, '-' and '_'",
    )?;
    edge_chars(
        kind,
        name,
        |c| c.is_ascii_alphanumeric(),
        "a letter or a digit",
    )
}

/// Node pool name: API regex `^[a-z][a-z0-9]{0,11}$`, not the reserved `aksmanagedap`, and at
/// most 6 characters for Windows pools (§6, §8 A-19).
pub fn validate_pool_name(name: &str, os: OsType) -> Result<(), NameError> {
    let kind = NameKind::Pool;
    check_len(kind, name, POOL_NAME_MAX)?;
    first_bad_char(
        kind,
        name,
        |c| c.is_ascii_lowercase() || c.is_ascii_digit(),
        "lowercase letters a-z and digits",
    )?;
    if let Some(ch) = name.chars().next().filter(|c| !c.is_ascii_lowercase()) {
        return Err(NameError::BadFirst {
            kind,
            name: name.to_owned(),
            ch,
            rule: "a lowercase letter",
        });
    }
    if name == RESERVED_POOL_NAME {
        return Err(NameError::Reserved {
            name: name.to_owned(),
        });
    }
    if os == OsType::Windows {
        check_len(NameKind::WindowsPool, name, WINDOWS_POOL_NAME_MAX)?;
    }
    Ok(())
}

/// Resource group name: 1–90 Unicode letters or digits, `_`, `-`, `.`, `(`, `)`, not ending
/// in `.` (§6, NAMES).
pub fn validate_resource_group_name(name: &str) -> Result<(), NameError> {
    let kind = NameKind::ResourceGroup;
    check_len(kind, name, RESOURCE_GROUP_MAX)?;
    first_bad_char(
        kind,
        name,
        |c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '(' | ')'),
        "letters, digits, '_', '-', '.', '(' and ')'",
    )?;
    match name.chars().last() {
        Some(ch @ '.') => Err(NameError::BadLast {
            kind,
            name: name.to_owned(),
            ch,
            rule: "any allowed character but '.'",
        }),
        _ => Ok(()),
    }
}

fn edge_chars(
    kind: NameKind,
    name: &str,
    ok: impl Fn(char) -> bool,
    rule: &'static str,
) -> Result<(), NameError> {
    if let Some(ch) = name.chars().next().filter(|&c| !ok(c)) {
        return Err(NameError::BadFirst {
            kind,
            name: name.to_owned(),
            ch,
            rule,
        });
    }
    if let Some(ch) = name.chars().last().filter(|&c| !ok(c)) {
        return Err(NameError::BadLast {
            kind,
            name: name.to_owned(),
            ch,
            rule,
        });
    }
    Ok(())
}

/// The node resource group AKS generates when `--node-resource-group` is not given.
pub fn node_resource_group_name(resource_group: &str, cluster: &str, location: &str) -> String {
    format!("MC_{resource_group}_{cluster}_{location}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_names_follow_the_api_pattern() {
        for ok in ["a", "aks-prod_01", "A1", &"x".repeat(63)] {
            assert_eq!(validate_cluster_name(ok), Ok(()), "{ok}");
        }
        type Check = fn(&NameError) -> bool;
        let cases: [(&str, Check); 6] = [
            ("", |e| matches!(e, NameError::Empty { .. })),
            ("-aks", |e| matches!(e, NameError::BadFirst { ch: '-', .. })),
            ("aks_", |e| matches!(e, NameError::BadLast { ch: '_', .. })),
            ("aks.prod", |e| {
                matches!(e, NameError::InvalidChar { ch: '.', .. })
            }),
            ("aks prod", |e| {
                matches!(e, NameError::InvalidChar { ch: ' ', .. })
            }),
            ("ä", |e| {
                matches!(e, NameError::InvalidChar { ch: 'ä', .. })
            }),
        ];
        for (name, expected) in cases {
            let err = validate_cluster_name(name).unwrap_err();
            assert!(expected(&err), "{name}: {err:?}");
        }
        let long = "x".repeat(64);
        assert!(matches!(
            validate_cluster_name(&long),
            Err(NameError::TooLong {
                len: 64,
                max: 63,
                ..
            })
        ));
    }

    #[test]
    fn pool_names_are_lowercase_and_start_with_a_letter() {
        for ok in ["system", "apps1", "abcdefghijkl"] {
            assert_eq!(validate_pool_name(ok, OsType::Linux), Ok(()), "{ok}");
        }
        assert!(matches!(
            validate_pool_name("Apps", OsType::Linux),
            Err(NameError::InvalidChar { ch: 'A', .. })
        ));
        assert!(matches!(
            validate_pool_name("1apps", OsType::Linux),
            Err(NameError::BadFirst { ch: '1', .. })
        ));
        assert!(matches!(
            validate_pool_name("app-s", OsType::Linux),
            Err(NameError::InvalidChar { ch: '-', .. })
        ));
        assert!(matches!(
            validate_pool_name("abcdefghijklm", OsType::Linux),
            Err(NameError::TooLong { max: 12, .. })
        ));
    }

    #[test]
    fn the_reserved_pool_name_is_rejected() {
        assert_eq!(
            validate_pool_name("aksmanagedap", OsType::Linux),
            Err(NameError::Reserved {
                name: "aksmanagedap".into()
            })
        );
    }

    #[test]
    fn windows_pool_names_are_at_most_six_characters() {
        assert_eq!(validate_pool_name("win22", OsType::Windows), Ok(()));
        let err = validate_pool_name("windows", OsType::Windows).unwrap_err();
        assert_eq!(err.kind(), NameKind::WindowsPool);
        assert!(err.to_string().contains("at most 6"), "{err}");
    }

    #[test]
    fn resource_group_names_allow_unicode_and_parentheses_but_no_trailing_dot() {
        for ok in ["rg", "rg(prod).eu", "rg-äöü_1", &"r".repeat(90)] {
            assert_eq!(validate_resource_group_name(ok), Ok(()), "{ok}");
        }
        assert!(matches!(
            validate_resource_group_name("rg."),
            Err(NameError::BadLast { ch: '.', .. })
        ));
        assert!(matches!(
            validate_resource_group_name("rg/prod"),
            Err(NameError::InvalidChar { ch: '/', .. })
        ));
        assert!(matches!(
            validate_resource_group_name(&"r".repeat(91)),
            Err(NameError::TooLong { max: 90, .. })
        ));
        assert!(matches!(
            validate_resource_group_name(""),
            Err(NameError::Empty { .. })
        ));
    }

    #[test]
    fn messages_name_the_value_and_the_fix() {
        let err = validate_cluster_name("aks.prod").unwrap_err().to_string();
        assert!(
            err.contains("\"aks.prod\"") && err.contains("use only"),
            "{err}"
        );
    }

    #[test]
    fn the_node_resource_group_name_is_built_like_aks_builds_it() {
        assert_eq!(
            node_resource_group_name("rg", "aks", "westeurope"),
            "MC_rg_aks_westeurope"
        );
    }
}

//! Share links: the whole plan in the URL fragment (never sent to a server), compressed,
//! checksummed and versioned (issue 5).
//!
//! Format v1: `#p=1.<base64url(crc32_be(json) ‖ deflate(json))>` where `json` is the plan's
//! JSON in the [`compact`] form (short keys, derived fields left out). The CRC covers the decompressed JSON, so any edit or damage that still
//! inflates is caught. Invariant: every link version ever published keeps decoding
//! (`share_links_of_version_1_still_open` pins a v1 string).

mod base64url;
mod compact;
mod crc32;
mod diff;

pub use diff::{Change, diff};

use super::plan::{Plan, PlanError};

/// The link format this planner writes.
pub const LINK_VERSION: u32 = 1;

/// The fragment parameter holding the plan.
const KEY: &str = "p=";

/// A decompressed plan larger than this is refused (a link is at most a few KB; this stops a
/// crafted link from inflating to gigabytes).
const MAX_PLAN_BYTES: usize = 4 * 1024 * 1024;

/// Highest DEFLATE level miniz offers: links are written rarely and read often.
const LEVEL: u8 = 10;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error(
        "this is not an aks-planner link: it has no #p=… part; copy the whole link from the planner's Share button"
    )]
    NotAPlannerLink,
    #[error(
        "this link was made by a newer planner (link format {0}); this planner reads format 1: open it with the newer planner"
    )]
    UnknownVersion(String),
    #[error(
        "the link is damaged: {found:?} at position {position} of the plan data is not a link character; copy the link again"
    )]
    BadCharacter { position: u32, found: char },
    #[error(
        "the link is cut short: copy the whole link again (it ends with the plan data, often several hundred characters)"
    )]
    Truncated,
    #[error("the link was altered or damaged: its checksum does not match; ask for the link again")]
    Tampered,
    #[error(
        "the link's plan is larger than {MAX_PLAN_BYTES} bytes once unpacked; refusing to open it"
    )]
    TooLarge,
    #[error("the link holds a plan this planner cannot read: {0}")]
    Plan(#[from] PlanError),
    #[error(
        "the link ends at #p= with no plan data after it: copy the whole link again (the plan data follows #p=, often several hundred characters)"
    )]
    Empty,
    #[error(
        "the link is damaged: {found:?} after #p= is not a valid %-escape (% must be followed by two hex digits); copy the link again"
    )]
    BadEscape { found: String },
    #[error(
        "the link holds JSON text after #p=, not the planner's packed plan data: make the link with the Share section of the Export tab"
    )]
    PlanJson,
    #[error(
        "the plan data after #p= must start with a link format number and a dot (like #p=1.…), but it starts with {found:?}: copy the whole link again"
    )]
    NoVersion { found: String },
}

/// The fragment for `plan`, starting with `#`.
pub fn encode(plan: &Plan) -> String {
    format!("#{KEY}{}", pack(plan, LEVEL))
}

/// `<version>.<data>`, the value after `p=`: the plan compacted, compressed at DEFLATE `level`
/// (0–10) and checksummed.
fn pack(plan: &Plan, level: u8) -> String {
    format!(
        "{LINK_VERSION}.{}",
        deflate_text(&compact::pack(plan.to_value()).to_string(), level)
    )
}

/// `base64url(crc32_be(text) ‖ deflate(text))` at DEFLATE `level` (0–10): the link's data,
/// and the body of the plan a browser saves ([`saved`](super::saved)), which skips the
/// compaction and uses a fast level because it writes after every pause in editing.
pub fn deflate_text(text: &str, level: u8) -> String {
    let mut bytes = crc32::crc32(text.as_bytes()).to_be_bytes().to_vec();
    bytes.extend(miniz_oxide::deflate::compress_to_vec(
        text.as_bytes(),
        level,
    ));
    base64url::encode(&bytes)
}

/// Reads a [`deflate_text`] value, refusing one that inflates to more than `limit` bytes.
pub fn inflate_text(data: &str, limit: usize) -> Result<String, ShareError> {
    let bytes = base64url::decode(data).map_err(|e| match e {
        base64url::DecodeError::BadChar { position, found } => {
            ShareError::BadCharacter { position, found }
        }
        base64url::DecodeError::BadLength => ShareError::Truncated,
    })?;
    let (crc, deflated) = match bytes.split_first_chunk::<4>() {
        Some((crc, rest)) if !rest.is_empty() => (u32::from_be_bytes(*crc), rest),
        _ => return Err(ShareError::Truncated),
    };
    let text =
        miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, limit).map_err(|e| {
            use miniz_oxide::inflate::TINFLStatus;
            match e.status {
                TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                    ShareError::Truncated
                }
                TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                _ => ShareError::Tampered,
            }
        })?;
    if crc32::crc32(&text) != crc {
        return Err(ShareError::Tampered);
    }
    String::from_utf8(text).map_err(|_| ShareError::Tampered)
}

/// A full link: `base` (any fragment removed) followed by the plan fragment.
pub fn link(base: &str, plan: &Plan) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}{}", encode(plan))
}

/// The `#p=…` fragment when `text` is a planner link (a whole link, a fragment or the bare
/// `p=…` value, as one token), e.g. pasted where `az` JSON was expected; `None` otherwise.
pub fn link_fragment(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.contains(char::is_whitespace) {
        return None;
    }
    let fragment = text.split_once('#').map_or(text, |(_, f)| f);
    fragment
        .split('&')
        .any(|part| part.starts_with(KEY))
        .then(|| format!("#{fragment}"))
}

/// Reads a plan from a link, a fragment (`#p=…`) or the bare `p=…` value.
pub fn decode(link: &str) -> Result<Plan, ShareError> {
    let value = link_value(link).ok_or(ShareError::NotAPlannerLink)?;
    match value.split_once('.') {
        Some(("1", data)) => decode_v1(data),
        Some((other, _)) if is_number(other) => Err(ShareError::UnknownVersion(other.to_owned())),
        _ => Err(malformed(value)),
    }
}

/// Whether `link` (a whole URL, its fragment, or the fragment's text) is a planner link: one
/// [`decode`] reads or explains, never [`ShareError::NotAPlannerLink`]. Cheap: the app asks it
/// of every fragment before it loads the code that opens links.
pub fn holds_link(link: &str) -> bool {
    link_value(link).is_some()
}

/// The value of the fragment's `p=` key.
fn link_value(link: &str) -> Option<&str> {
    let fragment = match link.trim().split_once('#') {
        Some((_, f)) => f,
        None => link.trim(),
    };
    fragment.split('&').find_map(|part| part.strip_prefix(KEY))
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Why a `p=` value without a `<version>.` prefix is not a link. It is still a planner link
/// (the `p=` key is ours), so each shape gets its own message rather than being ignored.
fn malformed(value: &str) -> ShareError {
    let Some(text) = percent_decode(value) else {
        let at = value.find('%').unwrap_or(0);
        let found: String = value[at..].chars().take(3).collect();
        return ShareError::BadEscape { found };
    };
    let text = text.trim();
    if text.is_empty() {
        ShareError::Empty
    } else if is_number(text) {
        // `#p=1`: the link was cut right after its version.
        ShareError::Truncated
    } else if text.starts_with(['{', '[']) {
        ShareError::PlanJson
    } else {
        ShareError::NoVersion {
            found: text.chars().take(FOUND_CHARS).collect(),
        }
    }
}

/// How much of a malformed value a message quotes.
const FOUND_CHARS: usize = 20;

/// `%XX` escapes decoded (browsers escape spaces, quotes and braces in `location.hash`);
/// `None` for a `%` not followed by two hex digits or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let digit = |k: usize| bytes.get(k).and_then(|&d| char::from(d).to_digit(16));
            let value = digit(i + 1)? * 16 + digit(i + 2)?;
            out.push(u8::try_from(value).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn decode_v1(data: &str) -> Result<Plan, ShareError> {
    let packed = inflate_text(data, MAX_PLAN_BYTES)?;
    // from_str over from_slice: the str reader's Value parser is already linked (bundle size).
    let value: serde_json::Value =
        serde_json::from_str(&packed).map_err(|_| ShareError::Tampered)?;
    let text = serde_json::to_string(&compact::unpack(value)).unwrap_or_default();
    let (plan, _notices) = Plan::from_json(&text)?;
    Ok(plan)
}

#[cfg(test)]
mod tests;

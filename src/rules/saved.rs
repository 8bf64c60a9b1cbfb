//! The plan as a browser saves it between visits: the plan file's JSON, DEFLATE-compressed and
//! checksummed with the share link's codec ([`share::deflate_text`]), inside a small JSON
//! envelope that also carries a *save generation*.
//!
//! Why packed: local storage holds about 5 million characters per site, and a plan's JSON is
//! about 1,700 characters per cluster, so plain JSON stops fitting near 2,900 clusters; packed,
//! a 5,000-cluster plan takes a small fraction of that.
//!
//! Why a generation: every tab of the planner autosaves the same key. Each save writes the
//! generation it replaces plus one and the writing tab's id; a tab that finds a save (generation
//! and writer) other than the one it last read or wrote knows another tab saved in between, and
//! asks instead of silently overwriting that tab's work.
//!
//! Invariants:
//! - Every format ever saved keeps reading: the plain plan JSON that earlier versions saved
//!   reads as generation 0 (with its unknown-field notices).
//! - Reading never changes anything; an unreadable text returns an error saying why.

use serde::{Deserialize, Serialize};

use super::plan::{Notice, Plan, PlanError};
use super::share::{self, ShareError};

/// DEFLATE level for saves: they happen after every pause in editing, so speed matters more
/// than the last few percent of size (links use the slowest, smallest level).
const SAVE_LEVEL: u8 = 1;

/// A saved plan unpacks to at most this many bytes of JSON (a 5,000-cluster plan is about
/// 9 MB; this bounds the memory a damaged save can ask for).
const MAX_SAVED_BYTES: usize = 64 * 1024 * 1024;

/// What is written to storage, as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPlan {
    /// Counts saves of this browser's plan; see the module documentation.
    pub generation: u64,
    /// Which tab wrote it (any text unique per tab): two tabs that both saved generation N
    /// from N − 1 at the same moment are told apart, so neither overwrites the other silently.
    #[serde(default)]
    pub writer: String,
    /// [`share::deflate_text`] of the plan's compact JSON.
    pub plan: String,
}

/// Which save a saved text is, without its plan (skipped, not unpacked). Older plain-JSON saves
/// are generation 0 with no writer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SaveId {
    pub generation: u64,
    #[serde(default)]
    pub writer: String,
}

/// A saved plan read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub plan: Plan,
    pub id: SaveId,
    /// Unknown fields ignored in an older, plain-JSON save.
    pub notices: Vec<Notice>,
}

/// Why a saved text could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SavedError {
    #[error("it is not a plan file: {0}")]
    Plain(#[from] PlanError),
    #[error("its packed plan is damaged: {0}")]
    Packed(#[from] ShareError),
    #[error("it is not JSON the planner wrote: {0}")]
    Envelope(String),
}

impl SavedPlan {
    /// The envelope for `plan`, saved by `writer` as generation `generation`.
    pub fn new(plan: &Plan, generation: u64, writer: &str) -> Self {
        SavedPlan {
            generation,
            writer: writer.to_owned(),
            plan: share::deflate_text(&plan.to_compact_json(), SAVE_LEVEL),
        }
    }

    /// Which save this is.
    pub fn id(&self) -> SaveId {
        SaveId {
            generation: self.generation,
            writer: self.writer.clone(),
        }
    }

    /// The envelope as stored text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Reads a saved text: this module's envelope, or the plain plan JSON of earlier versions.
pub fn read(text: &str) -> Result<Opened, SavedError> {
    if is_envelope(text) {
        let saved: SavedPlan =
            serde_json::from_str(text).map_err(|e| SavedError::Envelope(e.to_string()))?;
        let json = share::inflate_text(&saved.plan, MAX_SAVED_BYTES)?;
        let (plan, notices) = Plan::from_json(&json)?;
        return Ok(Opened {
            plan,
            id: saved.id(),
            notices,
        });
    }
    let (plan, notices) = Plan::from_json(text)?;
    Ok(Opened {
        plan,
        id: SaveId::default(),
        notices,
    })
}

/// Which save a saved text is, without unpacking its plan: generation 0 for a plain-JSON
/// save, `None` for text that is neither.
pub fn id(text: &str) -> Option<SaveId> {
    if is_envelope(text) {
        serde_json::from_str::<SaveId>(text).ok()
    } else {
        Plan::from_json(text).ok().map(|_| SaveId::default())
    }
}

/// An envelope starts with its generation (serde writes fields in declaration order); a plan
/// file starts with any other key.
fn is_envelope(text: &str) -> bool {
    text.trim_start()
        .strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with("\"generation\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::{demo_plan, fleet};

    #[test]
    fn a_saved_plan_reads_back_with_its_generation() {
        let plan = demo_plan();
        let text = SavedPlan::new(&plan, 7, "tab-a").to_text();
        let opened = read(&text).expect("reads");
        assert_eq!(opened.plan, plan);
        let id = SaveId {
            generation: 7,
            writer: "tab-a".into(),
        };
        assert_eq!(opened.id, id);
        assert_eq!(super::id(&text), Some(id));
    }

    #[test]
    fn an_earlier_plain_json_save_still_reads_as_generation_0_with_its_notices() {
        let mut value = demo_plan().to_value();
        value["owner"] = serde_json::json!("team-a");
        let text = value.to_string();
        let opened = read(&text).expect("reads");
        assert_eq!(opened.plan, demo_plan());
        assert_eq!(opened.id, SaveId::default());
        assert_eq!(opened.notices.len(), 1, "{:?}", opened.notices);
        assert_eq!(opened.notices[0].path, "owner");
        assert_eq!(id(&text), Some(SaveId::default()));
    }

    #[test]
    fn a_5000_cluster_plan_fits_local_storage_with_room_to_spare() {
        // Local storage: about 5,000,000 UTF-16 code units per site (Chromium, Firefox).
        let plan = fleet(5_000);
        let plain = plan.to_json().len();
        let saved = SavedPlan::new(&plan, 1, "t").to_text();
        assert!(plain > 5_000_000, "the plain JSON ({plain}) would not fit");
        assert!(
            saved.len() < 1_000_000,
            "saved text is {} characters",
            saved.len()
        );
        assert_eq!(read(&saved).expect("reads").plan, plan);
    }

    #[test]
    fn damage_is_reported_not_guessed_around() {
        let text = SavedPlan::new(&demo_plan(), 3, "t").to_text();
        // Flip one character of the packed data.
        let at = text.len() - 10;
        let mut bytes = text.into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let damaged = String::from_utf8(bytes).expect("ascii");
        assert!(matches!(read(&damaged), Err(SavedError::Packed(_))));
        assert!(matches!(
            read("{\"generation\": 1}"),
            Err(SavedError::Envelope(_))
        ));
        assert!(matches!(read("not json"), Err(SavedError::Plain(_))));
        assert_eq!(id("not json"), None);
    }
}

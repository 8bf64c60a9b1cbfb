//! The app's state: one plan signal, its undo history, and the little UI state around it
//! (selected cluster, open tab, status line). Everything else is derived with `Memo`s that call
//! `crate::rules`; effects exist only to talk to the outside world (localStorage, focus).

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::cluster::Cluster;
use crate::rules::edit;
use crate::rules::findings::cache::{FindingsCache, Projected};
use crate::rules::findings::{self, FieldPath, Finding, Severity, fields};
use crate::rules::history::History;
use crate::rules::plan::Plan;
use crate::rules::pool::AgentPool;
use crate::rules::projection::HORIZON_WEEKS;
use crate::rules::projection::cache::ProjectionCache;
use crate::rules::projection::{Projection, project};
use crate::rules::snapshot::Snapshot;

use super::checked::Checked;
pub use super::focus::focus_by_id;
use super::storage;

/// The tabs of the main area, each with its own component file under `components/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Plan,
    Windows,
    Timeline,
    Export,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Plan, Tab::Windows, Tab::Timeline, Tab::Export];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Plan => "Plan",
            Tab::Windows => "Windows",
            Tab::Timeline => "Timeline",
            Tab::Export => "Export",
        }
    }

    /// The tab a key press on `self` moves to in the tab bar (ARIA tabs pattern), if any.
    pub fn after_key(self, key: &str) -> Option<Tab> {
        let at = Tab::ALL.iter().position(|t| *t == self)?;
        let last = Tab::ALL.len() - 1;
        let to = match key {
            "ArrowRight" => (at + 1) % Tab::ALL.len(),
            "ArrowLeft" => (at + last) % Tab::ALL.len(),
            "Home" => 0,
            "End" => last,
            _ => return None,
        };
        Tab::ALL.get(to).copied()
    }

    /// Used for the tab's and its panel's DOM ids and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Plan => "plan",
            Tab::Windows => "windows",
            Tab::Timeline => "timeline",
            Tab::Export => "export",
        }
    }

    /// The tab that shows a field: maintenance configurations and their assumptions are on
    /// the Windows tab, everything else on the Plan tab.
    pub fn for_path(path: &FieldPath) -> Tab {
        if path.config.is_some() || fields::RecurrenceReading::parse(&path.field).is_some() {
            Tab::Windows
        } else {
            Tab::Plan
        }
    }
}

/// A short message in the status line, optionally offering to undo what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub offer_undo: bool,
    /// Problems (e.g. an unreadable saved plan) stay until dismissed and look different.
    pub is_problem: bool,
}

/// A whole-plan replacement waiting for the user's confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replacement {
    Empty,
    Demo,
}

/// The context every component reads. `Copy`: it only holds arena handles.
#[derive(Clone, Copy)]
pub struct PlanState {
    /// The single source of truth. Private: every change goes through [`PlanState::edit`]
    /// (undoable, autosaved); components read it through [`PlanState::plan`].
    plan: RwSignal<Plan>,
    /// The plan the projection and the findings are made from: `plan`, a frame late after an
    /// edit that projects a big fleet again (`ui::checked`).
    checked: Checked,
    /// Undo steps as snapshots that share unchanged clusters (`rules::snapshot`).
    history: RwSignal<History<Snapshot>>,
    /// The cluster open in the editor (clamped by [`PlanState::selected_cluster`]).
    selected: RwSignal<usize>,
    pub tab: RwSignal<Tab>,
    pub status: RwSignal<Option<Status>>,
    pub pending_replacement: RwSignal<Option<Replacement>>,
    /// Shared with the findings cache: an edit copies no finding it did not change. The list an
    /// edit replaces is freed after the edit is painted (after a change of every cluster, the
    /// last reference to every old finding).
    pub findings: Memo<Arc<Vec<Arc<Finding>>>>,
    /// The errors and warnings on the fields the app draws, each with the DOM id of its field
    /// (`FieldPath::dom_id`), made once per change of the findings or of the open cluster
    /// rather than by every field from all of them. Only the plan's own fields and the open
    /// cluster's: every cluster field drawn (the cluster editor, its pools, its windows) is the
    /// open cluster's, and naming every finding of 2,000 clusters took milliseconds per edit.
    /// Notes are left out: fields do not repeat them.
    /// Keyed by that id, so a field finds its own in one look-up, not by reading them all.
    pub field_findings: Memo<BTreeMap<String, Vec<Arc<Finding>>>>,
    /// Errors per cluster index (the sidebar's badges), made once per change of the findings.
    pub cluster_errors: Memo<Vec<u32>>,
    /// The fleet's projection from "now" over the timeline's horizon, of the checked plan
    /// (`ui::checked`: a frame after an edit that projects 500 clusters or more again). Computed
    /// once per edit (the findings include its findings), and only for the clusters the edit
    /// touched. Not moved to a Web Worker: an edit of one cluster projects one cluster (about a
    /// millisecond), and the edits that change every cluster (a step timing) need the whole
    /// result on screen at once, so a worker would add a copy of it per edit (README
    /// "Fleets of 200 to 2,000 clusters").
    pub projection: Memo<Arc<Projection>>,
    pub cluster_count: Memo<usize>,
    pub selected_cluster: Memo<Option<usize>>,
    pub can_undo: Memo<bool>,
    pub can_redo: Memo<bool>,
}

impl PlanState {
    /// Opens the plan saved in this browser, or the demo, and starts autosaving. With the
    /// `?bench=N` test hook it opens a generated fleet instead and never reads or writes the
    /// saved plan.
    pub fn open() -> Self {
        if let Some(n) = crate::ui::clock::bench_clusters() {
            let state = Self::with_plan(crate::rules::demo::fleet(n), None);
            state.tab.set(Tab::Timeline);
            return state;
        }
        let (initial, last, problem, notice) = match storage::load() {
            storage::Loaded::Plan { plan, id, notice } => (*plan, id, None, notice),
            storage::Loaded::Nothing => (
                crate::rules::demo::demo_plan(),
                Default::default(),
                None,
                None,
            ),
            storage::Loaded::Unreadable { text, error } => (
                crate::rules::demo::demo_plan(),
                Default::default(),
                Some(storage::SaveProblem::Unreadable { text, error }),
                None,
            ),
        };
        let state = Self::with_plan(initial, notice);
        let host = storage::Host {
            plan: state.plan(),
            adopt: Callback::new(move |(plan, message): (Plan, &'static str)| {
                state.adopt(plan, message)
            }),
            say: Callback::new(move |message: &'static str| state.say(message, false)),
        };
        storage::Autosave::start(host, last, problem);
        state
    }

    /// The state around `initial`, without autosave; `notice` is shown as a problem.
    fn with_plan(initial: Plan, notice: Option<String>) -> Self {
        let checked = Checked::new(initial.clone());
        let checked_plan = checked.plan();
        let plan = RwSignal::new(initial);
        let history = RwSignal::new(History::default());
        let selected = RwSignal::new(0usize);
        let cluster_count = Memo::new(move |_| plan.with(|p| p.clusters.len()));
        // "Now" is read once, here in the UI, and passed to the rule core (which never reads a
        // clock) for the findings that depend on it (e.g. a window start date in the past).
        let instant = crate::ui::clock::now();
        let now = Some(instant);
        // Clusters an edit did not touch keep their projection (rules::projection::cache).
        let cache = StoredValue::new(ProjectionCache::default());
        let projection = Memo::new(move |last: Option<&Arc<Projection>>| {
            // The projection this one replaces is freed after the edit is painted.
            if let Some(last) = last {
                crate::ui::later::drop_after_paint(Arc::clone(last));
            }
            Arc::new(checked_plan.with(|p| {
                cache
                    .try_update_value(|c| {
                        let projected = c.project(p, instant, HORIZON_WEEKS);
                        crate::ui::work::projected(c.projected());
                        projected
                    })
                    .unwrap_or_else(|| project(p, instant, HORIZON_WEEKS))
            }))
        });
        // One set of findings (issue 10): the plan and window checks and the projection's.
        // Clusters an edit did not touch keep their checks (rules::findings::cache).
        let checks = StoredValue::new(FindingsCache::default());
        let findings = Memo::new(move |last: Option<&Arc<Vec<Arc<Finding>>>>| {
            if let Some(last) = last {
                crate::ui::later::drop_after_paint(Arc::clone(last));
            }
            let found = projection.with(|pr| {
                checked_plan.with(|p| {
                    checks
                        .try_update_value(|c| {
                            let found = c.all(
                                p,
                                now,
                                Projected {
                                    findings: &pr.findings,
                                    quota: Some(&pr.quota),
                                },
                            );
                            crate::ui::work::rechecked(c.rechecked());
                            found
                        })
                        .unwrap_or_else(|| {
                            findings::merge(findings::check_at(p, now), &pr.findings)
                                .into_iter()
                                .map(Arc::new)
                                .collect()
                        })
                })
            });
            Arc::new(found)
        });
        let selected_cluster = Memo::new(move |_| {
            let count = cluster_count.get();
            (count > 0).then(|| selected.get().min(count - 1))
        });
        PlanState {
            plan,
            checked,
            history,
            selected,
            tab: RwSignal::new(Tab::Plan),
            status: RwSignal::new(notice.map(|text| Status {
                text,
                offer_undo: false,
                is_problem: true,
            })),
            pending_replacement: RwSignal::new(None),
            findings,
            field_findings: Memo::new(move |_| {
                let open = selected_cluster.get();
                findings.with(|f| by_field(f, open))
            }),
            cluster_errors: Memo::new(move |_| {
                findings.with(|f| errors_per_cluster(f, cluster_count.get()))
            }),
            projection,
            cluster_count,
            selected_cluster,
            can_undo: Memo::new(move |_| history.with(History::can_undo)),
            can_redo: Memo::new(move |_| history.with(History::can_redo)),
        }
    }

    /// The plan, read-only (changes go through [`PlanState::edit`]).
    pub fn plan(&self) -> ReadSignal<Plan> {
        self.plan.read_only()
    }

    /// True while the projection and the findings are of the plan before the last edit: for
    /// a frame after an edit that projects a big fleet again (`ui::checked`).
    pub fn updating(&self) -> ReadSignal<bool> {
        self.checked.updating()
    }

    /// `aria-busy` of the panels made from the projection: "true" while [`Self::updating`]
    /// (tracked: call it inside the attribute's closure).
    pub fn busy(&self) -> &'static str {
        if self.checked.updating().get() {
            "true"
        } else {
            "false"
        }
    }

    /// Makes `next` the plan; the projection and the findings follow (`ui::checked`).
    fn publish(&self, next: Plan) {
        self.plan.with_untracked(|before| {
            self.checked.follow(before, &next, self.plan.read_only());
        });
        self.plan.set(next);
    }

    /// Applies an edit to a copy of the plan; if anything changed, records an undo step and
    /// publishes the new plan. `group` joins consecutive edits of one field into one step.
    pub fn edit<R>(&self, group: Option<&str>, change: impl FnOnce(&mut Plan) -> R) -> R {
        let before = self.plan.get_untracked();
        let mut next = before.clone();
        let result = change(&mut next);
        if next != before {
            self.history.update(|h| {
                let step = Snapshot::new(before, h.latest());
                h.record(step, group);
            });
            self.publish(next);
        }
        result
    }

    /// A value read from cluster `cluster` (the default while it does not exist, e.g. during
    /// the frame in which it was removed).
    pub fn cluster_value<T>(&self, cluster: usize, read: fn(&Cluster) -> T) -> Memo<T>
    where
        T: PartialEq + Default + Send + Sync + 'static,
    {
        let plan = self.plan;
        Memo::new(move |_| plan.with(|p| p.clusters.get(cluster).map(read).unwrap_or_default()))
    }

    /// A value read from pool `pool` of cluster `cluster` (with its cluster, e.g. for the
    /// Kubernetes version an assumed default depends on).
    pub fn pool_value<T>(
        &self,
        cluster: usize,
        pool: usize,
        read: fn(&Cluster, &AgentPool) -> T,
    ) -> Memo<T>
    where
        T: PartialEq + Default + Send + Sync + 'static,
    {
        let plan = self.plan;
        Memo::new(move |_| {
            plan.with(|p| {
                p.clusters
                    .get(cluster)
                    .and_then(|c| c.agent_pool_profiles.get(pool).map(|pl| read(c, pl)))
                    .unwrap_or_default()
            })
        })
    }

    /// Edits one cluster's fields (nothing happens if it no longer exists).
    pub fn edit_cluster(
        &self,
        cluster: usize,
        group: Option<&str>,
        change: impl FnOnce(&mut Cluster),
    ) {
        self.edit(group, |plan| {
            if let Ok(c) = edit::cluster_mut(plan, cluster) {
                change(c);
            }
        });
    }

    /// Edits one pool's fields (nothing happens if it no longer exists).
    pub fn edit_pool(
        &self,
        cluster: usize,
        pool: usize,
        group: Option<&str>,
        change: impl FnOnce(&mut AgentPool),
    ) {
        self.edit(group, |plan| {
            if let Ok(p) = edit::pool_mut(plan, cluster, pool) {
                change(p);
            }
        });
    }

    /// Ends the current typing group (called when a field loses focus).
    pub fn seal_history(&self) {
        self.history.update_untracked(History::seal);
    }

    pub fn undo(&self) {
        let present = self.plan.get_untracked();
        let step = self
            .history
            .try_update(|h| h.undo(Snapshot::new(present, h.latest())));
        if let Some(Some(previous)) = step {
            self.publish(previous.plan());
            self.say("Undone.", false);
        }
    }

    pub fn redo(&self) {
        let present = self.plan.get_untracked();
        let step = self
            .history
            .try_update(|h| h.redo(Snapshot::new(present, h.latest())));
        if let Some(Some(next)) = step {
            self.publish(next.plan());
            self.say("Redone.", false);
        }
    }

    pub fn select(&self, cluster: usize) {
        self.selected.set(cluster);
    }

    /// Replaces the whole plan, asking first when that would discard a non-empty plan.
    pub fn request_replacement(&self, replacement: Replacement) {
        let discards_work = self
            .plan
            .with_untracked(|p| !p.clusters.is_empty() && *p != replacement_plan(replacement));
        if discards_work {
            self.pending_replacement.set(Some(replacement));
        } else {
            self.replace(replacement);
        }
    }

    /// Replaces the plan now (still undoable).
    pub fn replace(&self, replacement: Replacement) {
        self.pending_replacement.set(None);
        let text = match replacement {
            Replacement::Empty => "Started an empty plan.",
            Replacement::Demo => "Opened the demo plan.",
        };
        self.replace_with(replacement_plan(replacement), text);
    }

    /// Replaces the plan with `plan` (a shared link's, an import's) as one undo step, selects
    /// its first cluster and says `message` with an Undo button.
    pub fn replace_with(&self, plan: Plan, message: &str) {
        self.edit(None, |p| *p = plan);
        self.selected.set(0);
        self.say(message, true);
    }

    /// Shows `plan` (e.g. saved by another tab) as one undo step, keeping the selected cluster
    /// and tab, and says `message` with an Undo button.
    pub fn adopt(&self, plan: Plan, message: &str) {
        self.edit(None, |p| *p = plan);
        self.say(message, true);
    }

    /// Shows a status message; `offer_undo` adds an Undo button next to it.
    pub fn say(&self, text: &str, offer_undo: bool) {
        self.status.set(Some(Status {
            text: text.to_owned(),
            offer_undo,
            is_problem: false,
        }));
    }

    /// Shows the field a finding points at: selects its cluster and tab, then focuses the
    /// input whose id is [`FieldPath::dom_id`] (or, when that field is not on screen, the
    /// configuration's on/off switch or the cluster's name).
    pub fn focus_field(&self, path: &FieldPath) {
        if let Some(cluster) = path.cluster {
            self.selected.set(cluster);
        }
        // Setting the same tab would re-render it (signals notify on every set).
        let tab = Tab::for_path(path);
        if self.tab.get_untracked() != tab {
            self.tab.set(tab);
        }
        let mut ids = vec![path.dom_id()];
        // A configuration-level finding (no single field) lands on its on/off switch.
        ids.extend(path.cluster.map(|c| match &path.config {
            Some(config) => format!("c{c}-{config}-enabled"),
            None => format!("c{c}-name"),
        }));
        // Once the selected cluster's editor is drawn, or the tab's module loaded and drawn.
        super::focus::focus_when_drawn(ids);
    }
}

/// The rule core's errors and warnings about one field (notes stay in the Findings panel).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldFinding {
    pub severity: Severity,
    pub message: String,
    /// How to fix it; shown for errors, whose message alone says only what is wrong.
    pub fix: String,
}

impl FieldFinding {
    pub fn of(finding: &Finding) -> Self {
        FieldFinding {
            severity: finding.severity,
            message: finding.message.clone(),
            fix: finding.fix.clone(),
        }
    }
}

/// The errors and warnings by the DOM id of the field they are about, in the findings' order
/// (shared, not copied: a field copies the texts of its own only): those about no cluster
/// and those about the `open` one.
fn by_field(findings: &[Arc<Finding>], open: Option<usize>) -> BTreeMap<String, Vec<Arc<Finding>>> {
    let mut out: BTreeMap<String, Vec<Arc<Finding>>> = BTreeMap::new();
    let drawn = |f: &Finding| f.path.cluster.is_none_or(|c| Some(c) == open);
    for f in (findings.iter()).filter(|f| f.severity != Severity::Note && drawn(f)) {
        out.entry(f.path.dom_id()).or_default().push(Arc::clone(f));
    }
    out
}

/// How many errors each of `clusters` clusters has.
fn errors_per_cluster(findings: &[Arc<Finding>], clusters: usize) -> Vec<u32> {
    let mut counts = vec![0u32; clusters];
    for f in findings.iter().filter(|f| f.severity == Severity::Error) {
        if let Some(n) = f.path.cluster.and_then(|c| counts.get_mut(c)) {
            *n = n.saturating_add(1);
        }
    }
    counts
}

fn replacement_plan(replacement: Replacement) -> Plan {
    match replacement {
        Replacement::Empty => Plan::default(),
        Replacement::Demo => crate::rules::demo::demo_plan(),
    }
}

/// The state provided by [`super::App`].
pub fn use_plan_state() -> PlanState {
    expect_context::<PlanState>()
}

/// The DOM id of a plan field's input, built by the same [`FieldPath::dom_id`] the findings use,
/// so that a finding and its input always agree.
pub fn dom_id(cluster: usize, pool: Option<usize>, field: &str) -> String {
    FieldPath {
        cluster: Some(cluster),
        cluster_name: None,
        pool,
        pool_name: None,
        config: None,
        field: field.to_owned(),
    }
    .dom_id()
}

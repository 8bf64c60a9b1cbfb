//! One maintenance configuration of the open cluster: switch it on or off, edit its window
//! (only the fields its schedule type has), read it back as a sentence, see its next windows and
//! its daylight-saving drift. The legacy `default` form is shown read-only with a conversion.

use leptos::prelude::*;

use crate::rules::maintenance::describe::{describe, describe_legacy, format_date};
use crate::rules::maintenance::editing::new_window;
use crate::rules::maintenance::{
    ConfigName, DefaultConfig, MaintenanceWindow, TimeSpan, legacy_to_window,
};
use crate::ui::components::blackout_list::BlackoutList;
use crate::ui::components::dst_panel::DstPanel;
use crate::ui::components::window_fields::{WindowFields, WindowTarget};
use crate::ui::components::window_list::WindowList;
use crate::ui::components::windows_tab::WindowsView;
use crate::ui::state::{PlanState, use_plan_state};

/// Which form a configuration has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Absent,
    Window,
    Legacy,
}

/// `c{i}-{configName}-{field}`: the same id `FieldPath::dom_id` gives a finding on that field.
pub fn config_dom_id(cluster: usize, config: ConfigName, field: &str) -> String {
    crate::rules::findings::FieldPath {
        cluster: Some(cluster),
        cluster_name: None,
        pool: None,
        pool_name: None,
        config: Some(config.as_str().to_owned()),
        field: field.to_owned(),
    }
    .dom_id()
}

/// The configuration's window, live (`None` when absent or legacy).
pub fn window_memo(
    state: PlanState,
    cluster: usize,
    config: ConfigName,
) -> Memo<Option<MaintenanceWindow>> {
    Memo::new(move |_| {
        state.plan().with(|p| {
            p.clusters
                .get(cluster)
                .and_then(|c| c.maintenance_configurations.window(config).cloned())
        })
    })
}

/// Edits the configuration's window (nothing happens if it has none).
pub fn edit_window(
    state: PlanState,
    cluster: usize,
    config: ConfigName,
    group: Option<&str>,
    change: impl FnOnce(&mut MaintenanceWindow),
) {
    state.edit_cluster(cluster, group, |c| {
        if let Some(w) = c.maintenance_configurations.window_mut(config) {
            change(w);
        }
    });
}

fn purpose(config: ConfigName) -> &'static str {
    match config {
        ConfigName::Default => {
            "AKS weekly releases (control plane components, add-ons). Weekly, every week only."
        }
        ConfigName::AutoUpgrade => {
            "When the cluster auto-upgrade channel may upgrade Kubernetes (upgradeChannel)."
        }
        ConfigName::NodeOs => {
            "When the node OS channel may apply new node images or security patches (nodeOSUpgradeChannel)."
        }
    }
}

#[component]
pub fn WindowEditor(cluster: usize, config: ConfigName, view: WindowsView) -> impl IntoView {
    let state = use_plan_state();
    let i = cluster;
    let form = Memo::new(move |_| {
        state.plan().with(|p| {
            let cfgs = p.clusters.get(i).map(|c| &c.maintenance_configurations);
            match (config, cfgs) {
                (ConfigName::Default, Some(c)) => match &c.default {
                    Some(DefaultConfig::Window(_)) => Form::Window,
                    Some(DefaultConfig::Legacy { .. }) => Form::Legacy,
                    None => Form::Absent,
                },
                (_, Some(c)) if c.window(config).is_some() => Form::Window,
                _ => Form::Absent,
            }
        })
    });
    let window = window_memo(state, i, config);
    let id = move |field: &str| config_dom_id(i, config, field);
    let title_id = id("title");
    let enabled_id = id("enabled");
    let toggle = move |on: bool| {
        state.edit_cluster(i, None, |c| {
            c.maintenance_configurations
                .set_window(config, on.then(new_window));
        });
        if !on {
            state.say(&format!("Removed the {} window.", config.as_str()), true);
        }
    };
    view! {
        <section
            class="card window-editor"
            aria-labelledby=title_id.clone()
            data-testid=id("editor")
            class:off=move || form.get() == Form::Absent
        >
            <div class="window-head">
                <h3 id=title_id.clone()>
                    {config.label()} " " <code class="config-name">{config.as_str()}</code>
                </h3>
                <div class="field checkbox window-toggle">
                    <input
                        id=enabled_id.clone()
                        data-testid=enabled_id.clone()
                        type="checkbox"
                        prop:checked=move || form.get() != Form::Absent
                        on:change:target=move |ev| toggle(ev.target().checked())
                    />
                    <label for=enabled_id>"Use this configuration"</label>
                </div>
            </div>
            <p class="hint window-purpose">{purpose(config)}</p>
            {move || match form.get() {
                Form::Absent => view! {
                    <p class="empty">
                        {match config {
                            ConfigName::Default => "No default window: AKS may roll out its weekly releases at any time.",
                            _ => "No window: AKS may start these upgrades at any time (the findings say what that means for the channel).",
                        }}
                    </p>
                }
                .into_any(),
                Form::Legacy => view! { <LegacyDefault cluster=i view=view /> }.into_any(),
                Form::Window => view! {
                    <p class="window-sentence" data-testid=id("sentence")>
                        {move || window.with(|w| w.as_ref().map(describe).unwrap_or_default())}
                    </p>
                    <WindowFields target=WindowTarget::plan(state, i, config, view.now, view.options) />
                    <BlackoutList cluster=i config=config view=view />
                    <WindowList cluster=i config=config view=view />
                    <DstPanel cluster=i config=config view=view />
                }
                .into_any(),
            }}
        </section>
    }
}

/// The legacy `default` form (§3.3): what it says, its next windows, and a conversion to the
/// maintenanceWindow form, listing what the conversion changes.
#[component]
fn LegacyDefault(cluster: usize, view: WindowsView) -> impl IntoView {
    let state = use_plan_state();
    let i = cluster;
    let legacy = Memo::new(move |_| {
        state.plan().with(|p| {
            match p
                .clusters
                .get(i)
                .and_then(|c| c.maintenance_configurations.default.as_ref())
            {
                Some(DefaultConfig::Legacy {
                    time_in_week,
                    not_allowed_time,
                }) => Some((time_in_week.clone(), not_allowed_time.clone())),
                _ => None,
            }
        })
    });
    let convertible = Memo::new(move |_| {
        legacy.with(|l| {
            l.as_ref()
                .and_then(|(t, n)| legacy_to_window(t, n))
                .is_some()
        })
    });
    let convert = move |_| {
        let Some((time_in_week, not_allowed_time)) = legacy.get_untracked() else {
            return;
        };
        let Some(conversion) = legacy_to_window(&time_in_week, &not_allowed_time) else {
            return;
        };
        state.edit_cluster(i, None, |c| {
            c.maintenance_configurations
                .set_window(ConfigName::Default, Some(conversion.window));
        });
        let detail = if conversion.changes.is_empty() {
            "exactly".to_owned()
        } else {
            conversion.changes.join("; ")
        };
        state.say(
            &format!("Converted the legacy default window: {detail}."),
            true,
        );
    };
    let block_id = config_dom_id(i, ConfigName::Default, "timeInWeek");
    view! {
        <div class="legacy-default" id=block_id.clone() tabindex="-1" data-testid=block_id>
            <p class="window-sentence" data-testid=config_dom_id(i, ConfigName::Default, "sentence")>
                {move || legacy.with(|l| l.as_ref().map(|(t, _)| describe_legacy(t)).unwrap_or_default())}
            </p>
            <p class="hint">
                "This is the legacy form (timeInWeek hour slots in UTC). It is read-only here: AKS now documents the maintenanceWindow form, which the other configurations use."
            </p>
            {move || legacy.with(|l| l.as_ref().map(|(_, n)| legacy_blackouts(n)))}
            <button
                type="button"
                class="btn"
                data-testid=config_dom_id(i, ConfigName::Default, "convert")
                disabled=move || !convertible.get()
                on:click=convert
            >
                "Convert to a maintenanceWindow"
            </button>
            <Show when=move || !convertible.get()>
                <p class="hint">"No usable hour slot: nothing to convert. Switch the configuration off and on to start a new window."</p>
            </Show>
            <WindowList cluster=i config=ConfigName::Default view=view />
        </div>
    }
}

fn legacy_blackouts(spans: &[TimeSpan]) -> impl IntoView + use<> {
    let items: Vec<String> = spans
        .iter()
        .map(|s| {
            format!(
                "{} {} to {} {} UTC",
                format_date(s.start.date_naive()),
                crate::rules::timefmt::hour_minute(&s.start),
                format_date(s.end.date_naive()),
                crate::rules::timefmt::hour_minute(&s.end)
            )
        })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <p class="legacy-blackouts">
                "No maintenance (notAllowedTime): " {items.join(", ")}
            </p>
        }
    })
}

//! Fleet checks (issue 4): clusters of one subscription opening a window at the same instant
//! (ARM throttling risk) and ring order with a suggested stagger.

use std::sync::Arc;

use leptos::prelude::*;

use crate::rules::projection::Projection;
use crate::view::timeline::when;

#[component]
pub fn FleetPanel(projection: Memo<Arc<Projection>>) -> impl IntoView {
    let fleet = Memo::new(move |_| projection.with(|p| p.fleet.clone()));
    view! {
        <section class="card tl-panel" aria-labelledby="fleet-title" data-testid="fleet-panel">
            <h3 id="fleet-title">"Fleet checks"</h3>
            {move || {
                let f = fleet.get();
                let collisions = if f.collisions.is_empty() {
                    view! { <p data-testid="fleet-collisions"><span aria-hidden="true">"✓ "</span>"No two clusters of a subscription open a window at the same instant."</p> }.into_any()
                } else {
                    view! {
                        <div data-testid="fleet-collisions">
                            <p><span aria-hidden="true">"! "</span>"Clusters of one subscription sharing a window start (ARM throttling risk): stagger them."</p>
                            <ul class="tl-list">
                                {f.collisions.iter().map(|c| {
                                    let text = format!(
                                        "{}: {} — {} shared start(s), first {}",
                                        c.subscription,
                                        c.clusters.join(", "),
                                        c.occurrences,
                                        when(c.first_start),
                                    );
                                    view! { <li>{text}</li> }
                                }).collect_view()}
                            </ul>
                        </div>
                    }.into_any()
                };
                let rings = if f.rings.is_empty() {
                    "No cluster has a ring (tag ring=0..n, or environment dev/test/prod).".to_owned()
                } else {
                    let mut list: Vec<String> = f.rings.iter().map(|(c, r)| format!("{c} (ring {r})")).collect();
                    crate::rules::stable_sort::sort(&mut list);
                    format!("Rings: {}.", list.join(", "))
                };
                let stagger = if f.stagger.is_empty() {
                    view! { <p data-testid="fleet-stagger"><span aria-hidden="true">"✓ "</span>"Every later ring gets each release only after the earlier ring finished and soaked."</p> }.into_any()
                } else {
                    view! {
                        <ul class="tl-list" data-testid="fleet-stagger">
                            {f.stagger.iter().map(|s| {
                                let text = match s.suggested_delay_hours {
                                    Some(h) => format!(
                                        "Ring {} upgrades before ring {} finished and soaked ({} release(s)): delay ring {}'s windows by at least {h} h.",
                                        s.later_ring, s.earlier_ring, s.violations, s.later_ring,
                                    ),
                                    None => format!(
                                        "Ring {} upgrades releases ring {} never finishes within the horizon ({} release(s)): give ring {} a window first.",
                                        s.later_ring, s.earlier_ring, s.violations, s.earlier_ring,
                                    ),
                                };
                                view! { <li><span aria-hidden="true">"! "</span>{text}</li> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                };
                view! {
                    {collisions}
                    <p class="muted">{rings}</p>
                    {stagger}
                }
            }}
        </section>
    }
}

//! Finding clusters in a big plan: a search text and facets (environment, ring, subscription,
//! region, tag), and the values each facet takes in the plan (the choices a filter offers).

use std::collections::BTreeSet;

use crate::rules::cluster::Cluster;
use crate::rules::plan::Plan;
use crate::rules::stable_sort;

/// Which clusters to show or select. Every part that is set must match; an empty filter
/// matches every cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Found, ignoring case, in the name, resource group, region, subscription or a tag value.
    pub text: String,
    /// The `environment` tag (or `env`).
    pub environment: Option<String>,
    /// The `ring` tag.
    pub ring: Option<String>,
    pub subscription: Option<String>,
    /// The region (`location`).
    pub region: Option<String>,
    /// Any tag, as `key=value`.
    pub tag: Option<(String, String)>,
}

/// A cluster's environment: its `environment` tag, else its `env` tag.
pub fn environment(cluster: &Cluster) -> Option<&str> {
    cluster
        .tags
        .get("environment")
        .or_else(|| cluster.tags.get("env"))
        .map(String::as_str)
}

/// A cluster's `ring` tag.
pub fn ring(cluster: &Cluster) -> Option<&str> {
    cluster.tags.get("ring").map(String::as_str)
}

/// The distinct `rings` (trimmed), in [`sort_rings`] order. Each ring is copied once, and only
/// the distinct ones are sorted: the bulk editor reads the rings of every selected cluster on
/// every edit, and sorting 2,000 copies parsed each one at every comparison.
pub fn distinct_rings<'a>(rings: impl Iterator<Item = &'a str>) -> Vec<String> {
    // A fleet has a few rings: a list is searched faster than a set is built, and adds no set
    // type to the browser module.
    let mut distinct: Vec<&str> = Vec::new();
    for ring in rings.map(str::trim) {
        if !distinct.contains(&ring) {
            distinct.push(ring);
        }
    }
    let mut rings: Vec<String> = distinct.into_iter().map(str::to_owned).collect();
    sort_rings(&mut rings);
    rings
}

/// Numeric rings in number order (ring 10 after ring 9), others after them by text.
pub fn sort_rings(rings: &mut [String]) {
    let number = |r: &str| r.parse::<u32>().map_or(u64::MAX, u64::from);
    stable_sort::sort_by(rings, |a, b| {
        number(a).cmp(&number(b)).then_with(|| a.cmp(b))
    });
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, cluster: &Cluster) -> bool {
        let same = |wanted: &Option<String>, value: Option<&str>| {
            wanted.as_deref().is_none_or(|w| value == Some(w))
        };
        same(&self.environment, environment(cluster))
            && same(&self.ring, ring(cluster))
            && same(&self.subscription, Some(&cluster.subscription))
            && same(&self.region, Some(&cluster.location))
            && self
                .tag
                .as_ref()
                .is_none_or(|(k, v)| cluster.tags.get(k) == Some(v))
            && self.matches_text(cluster)
    }

    fn matches_text(&self, cluster: &Cluster) -> bool {
        let needle = self.text.trim().to_ascii_lowercase();
        if needle.is_empty() {
            return true;
        }
        let found = |hay: &str| hay.to_ascii_lowercase().contains(&needle);
        found(&cluster.name)
            || found(&cluster.resource_group)
            || found(&cluster.location)
            || found(&cluster.subscription)
            || cluster.tags.values().any(|v| found(v))
    }

    /// The indices of the clusters of `plan` that match, in plan order.
    pub fn matching(&self, plan: &Plan) -> Vec<usize> {
        plan.clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| self.matches(c))
            .map(|(i, _)| i)
            .collect()
    }
}

/// The values each facet takes in a plan, sorted, without blanks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub environments: Vec<String>,
    pub rings: Vec<String>,
    pub subscriptions: Vec<String>,
    pub regions: Vec<String>,
    /// Every tag as `(key, value)`.
    pub tags: Vec<(String, String)>,
}

pub fn facets(plan: &Plan) -> Facets {
    let mut environments = BTreeSet::new();
    let mut rings = BTreeSet::new();
    let mut subscriptions = BTreeSet::new();
    let mut regions = BTreeSet::new();
    let mut tags = BTreeSet::new();
    let add = |set: &mut BTreeSet<String>, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            set.insert(v.to_owned());
        }
    };
    for c in &plan.clusters {
        add(&mut environments, environment(c));
        add(&mut rings, ring(c));
        add(&mut subscriptions, Some(&c.subscription));
        add(&mut regions, Some(&c.location));
        tags.extend(c.tags.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    let mut rings: Vec<String> = rings.into_iter().collect();
    sort_rings(&mut rings);
    Facets {
        environments: environments.into_iter().collect(),
        rings,
        subscriptions: subscriptions.into_iter().collect(),
        regions: regions.into_iter().collect(),
        tags: tags.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::fleet;

    #[test]
    fn distinct_rings_are_the_sorted_rings_without_repeats() {
        let rings = ["2", " b", "10", "2 ", "b", "9", "ring-1", "10", "02"];
        // The plain way: every copy trimmed, sorted, then repeats dropped.
        let mut every: Vec<String> = rings.iter().map(|r| r.trim().to_owned()).collect();
        sort_rings(&mut every);
        every.dedup();
        assert_eq!(distinct_rings(rings.into_iter()), every);
        assert_eq!(every, ["02", "2", "9", "10", "b", "ring-1"]);
    }

    #[test]
    fn rings_sort_numbers_first_in_number_order_then_by_text() {
        let mut rings: Vec<String> = ["b", "10", "9", "a", "02", "2", "ring-1"]
            .map(String::from)
            .to_vec();
        // The reference: the standard library's sort on the (number, text) key.
        let mut reference = rings.clone();
        reference.sort_by_key(|r| (r.parse::<u32>().map_or(u64::MAX, u64::from), r.clone()));
        sort_rings(&mut rings);
        assert_eq!(rings, reference);
        assert_eq!(rings, ["02", "2", "9", "10", "a", "b", "ring-1"]);
    }

    /// fleet(n): cluster i is `aks-{i:03}`, ring i % 3, subscription `sub-{i % 10}`, westeurope.
    #[test]
    fn facets_and_text_select_the_clusters_a_reader_expects() {
        let plan = fleet(30);
        let ring1 = Filter {
            ring: Some("1".into()),
            ..Filter::default()
        };
        let expected: Vec<usize> = (0..30).filter(|i| i % 3 == 1).collect();
        assert_eq!(ring1.matching(&plan), expected);

        let both = Filter {
            ring: Some("1".into()),
            subscription: Some("sub-4".into()),
            ..Filter::default()
        };
        // i % 3 == 1 and i % 10 == 4: 4 only (4, 34, ... beyond 30).
        assert_eq!(both.matching(&plan), vec![4]);

        let text = Filter {
            text: "AKS-02".into(),
            ..Filter::default()
        };
        assert_eq!(text.matching(&plan), (20..30).collect::<Vec<_>>());

        let region = Filter {
            region: Some("northeurope".into()),
            ..Filter::default()
        };
        assert!(region.matching(&plan).is_empty());
        assert_eq!(Filter::default().matching(&plan).len(), 30);
    }

    #[test]
    fn facets_list_each_value_once_with_rings_in_number_order() {
        let mut plan = fleet(12);
        plan.clusters[0].tags.insert("ring".into(), "10".into());
        plan.clusters[1]
            .tags
            .insert("environment".into(), "prod".into());
        let f = facets(&plan);
        assert_eq!(f.rings, vec!["0", "1", "2", "10"]);
        assert_eq!(f.environments, vec!["prod"]);
        assert_eq!(f.regions, vec!["westeurope"]);
        assert_eq!(f.subscriptions.len(), 10);
        assert!(f.tags.contains(&("environment".into(), "prod".into())));
        let tagged = Filter {
            tag: Some(("environment".into(), "prod".into())),
            ..Filter::default()
        };
        assert_eq!(tagged.matching(&plan), vec![1]);
    }
}

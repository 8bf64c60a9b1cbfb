//! A plan's clusters, each behind a shared pointer (issue 11, "Scale"): copying a plan copies
//! one pointer per cluster, so an edit, an undo step and a cached projection share every
//! cluster the edit did not change, and "which clusters changed" is a pointer comparison
//! ([`Clusters::arcs`] with `Arc::ptr_eq`) instead of a deep one.
//!
//! Invariant: it reads, writes (JSON) and compares exactly as a `Vec<Cluster>` would; a
//! change through [`Clusters::get_mut`], [`Clusters::iter_mut`] or indexing copies the one
//! cluster it changes when that cluster is shared (clone on write, `Arc::make_mut`) and
//! leaves every other plan that shares it as it was.

use std::collections::HashMap;
use std::ops::{Index, IndexMut};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::cluster::Cluster;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Clusters(Vec<Arc<Cluster>>);

impl Clusters {
    pub fn new() -> Self {
        Clusters(Vec::new())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The shared clusters themselves: two plans hold the same cluster when `Arc::ptr_eq`.
    pub fn arcs(&self) -> &[Arc<Cluster>] {
        &self.0
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Cluster> + ExactSizeIterator + Clone {
        self.0.iter().map(|c| &**c)
    }

    /// Each cluster writable; a shared one is copied first.
    pub fn iter_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = &mut Cluster> + ExactSizeIterator {
        self.0.iter_mut().map(Arc::make_mut)
    }

    pub fn get(&self, index: usize) -> Option<&Cluster> {
        self.0.get(index).map(|c| &**c)
    }

    /// Cluster `index` writable; copied first if it is shared.
    pub fn get_mut(&mut self, index: usize) -> Option<&mut Cluster> {
        self.0.get_mut(index).map(Arc::make_mut)
    }

    pub fn first(&self) -> Option<&Cluster> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&Cluster> {
        self.0.last().map(|c| &**c)
    }

    pub fn push(&mut self, cluster: Cluster) {
        self.0.push(Arc::new(cluster));
    }

    /// Appends a cluster shared with another plan.
    pub fn push_shared(&mut self, cluster: Arc<Cluster>) {
        self.0.push(cluster);
    }

    /// Puts `cluster` in place of cluster `index` (without copying the one it replaces).
    pub fn set(&mut self, index: usize, cluster: Cluster) {
        self.0[index] = Arc::new(cluster);
    }

    pub fn insert(&mut self, index: usize, cluster: Cluster) {
        self.0.insert(index, Arc::new(cluster));
    }

    pub fn remove(&mut self, index: usize) -> Cluster {
        Arc::unwrap_or_clone(self.0.remove(index))
    }

    pub fn pop(&mut self) -> Option<Cluster> {
        self.0.pop().map(Arc::unwrap_or_clone)
    }

    pub fn swap(&mut self, a: usize, b: usize) {
        self.0.swap(a, b);
    }

    pub fn truncate(&mut self, len: usize) {
        self.0.truncate(len);
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Replaces each cluster that equals one of `like`'s (at the same position, else of the
    /// same name) by `like`'s, so the two share it. Changes no value.
    pub fn share_equal(&mut self, like: &Clusters) {
        let mut misses = Vec::new();
        for (i, cluster) in self.0.iter_mut().enumerate() {
            match like.0.get(i) {
                Some(old) if Arc::ptr_eq(old, cluster) || old == cluster => {
                    *cluster = Arc::clone(old);
                }
                _ => misses.push(i),
            }
        }
        // One cluster changed in place (a rename, every keystroke of one): it cannot be found
        // at another position, since every other position holds its own cluster. Looking it up
        // by name would index every name of the fleet for nothing (3 ms at 2,000 clusters).
        if misses.is_empty() || (misses.len() == 1 && self.0.len() == like.0.len()) {
            return;
        }
        let by_name: HashMap<&str, &Arc<Cluster>> =
            like.0.iter().map(|c| (c.name.as_str(), c)).collect();
        for i in misses {
            let Some(cluster) = self.0.get_mut(i) else {
                continue;
            };
            if let Some(old) = by_name.get(cluster.name.as_str())
                && *old == cluster
            {
                *cluster = Arc::clone(old);
            }
        }
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&Cluster) -> bool) {
        self.0.retain(|c| keep(c));
    }
}

impl Index<usize> for Clusters {
    type Output = Cluster;

    fn index(&self, index: usize) -> &Cluster {
        &self.0[index]
    }
}

impl IndexMut<usize> for Clusters {
    /// Cluster `index` writable; copied first if it is shared.
    fn index_mut(&mut self, index: usize) -> &mut Cluster {
        Arc::make_mut(&mut self.0[index])
    }
}

impl<'a> IntoIterator for &'a Clusters {
    type Item = &'a Cluster;
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, Arc<Cluster>>, fn(&Arc<Cluster>) -> &Cluster>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|c| &**c)
    }
}

impl IntoIterator for Clusters {
    type Item = Cluster;
    type IntoIter = std::iter::Map<std::vec::IntoIter<Arc<Cluster>>, fn(Arc<Cluster>) -> Cluster>;

    /// The clusters, copied where another plan still shares them.
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter().map(Arc::unwrap_or_clone)
    }
}

impl<'a> IntoIterator for &'a mut Clusters {
    type Item = &'a mut Cluster;
    type IntoIter = std::iter::Map<
        std::slice::IterMut<'a, Arc<Cluster>>,
        fn(&mut Arc<Cluster>) -> &mut Cluster,
    >;

    /// Each cluster writable; a shared one is copied first.
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut().map(Arc::make_mut)
    }
}

impl FromIterator<Cluster> for Clusters {
    fn from_iter<I: IntoIterator<Item = Cluster>>(iter: I) -> Self {
        Clusters(iter.into_iter().map(Arc::new).collect())
    }
}

impl FromIterator<Arc<Cluster>> for Clusters {
    fn from_iter<I: IntoIterator<Item = Arc<Cluster>>>(iter: I) -> Self {
        Clusters(iter.into_iter().collect())
    }
}

impl From<Vec<Cluster>> for Clusters {
    fn from(clusters: Vec<Cluster>) -> Self {
        clusters.into_iter().collect()
    }
}

impl Extend<Cluster> for Clusters {
    fn extend<I: IntoIterator<Item = Cluster>>(&mut self, iter: I) {
        self.0.extend(iter.into_iter().map(Arc::new));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::demo::fleet;

    #[test]
    fn a_copy_shares_every_cluster_until_one_is_changed() {
        let plan = fleet(5);
        let mut copy = plan.clone();
        let shared = |a: &Clusters, b: &Clusters| {
            a.arcs()
                .iter()
                .zip(b.arcs())
                .filter(|(x, y)| Arc::ptr_eq(x, y))
                .count()
        };
        assert_eq!(shared(&plan.clusters, &copy.clusters), 5);
        copy.clusters[2].name = "renamed".into();
        assert_eq!(shared(&plan.clusters, &copy.clusters), 4);
        // The original is untouched (clone on write), and equality is by value.
        assert_eq!(plan.clusters[2].name, fleet(5).clusters[2].name);
        assert_ne!(plan, copy);
        copy.clusters[2].name = plan.clusters[2].name.clone();
        assert_eq!(plan, copy);
    }

    #[test]
    fn it_reads_and_writes_json_as_a_list_of_clusters() {
        let plan = fleet(3);
        let as_vec: Vec<Cluster> = plan.clusters.iter().cloned().collect();
        assert_eq!(
            serde_json::to_string(&plan.clusters).unwrap(),
            serde_json::to_string(&as_vec).unwrap()
        );
        let back: Clusters =
            serde_json::from_str(&serde_json::to_string(&as_vec).unwrap()).unwrap();
        assert_eq!(back, plan.clusters);
    }
}

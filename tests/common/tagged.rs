//! `Tagged`: an element equal to another by `key` alone, told apart by `tag`, so that a test can
//! see which of two equal keys or elements an ordered collection keeps (std's `BTreeMap` and
//! `BTreeSet` document the choice for each method).
//!
//! Use it from a test file with `#[path = "common/tagged.rs"] mod tagged;`.

use std::cmp::Ordering;

/// Equal by `Ord` when the keys are, whatever the tags.
#[derive(Clone, Debug)]
pub(crate) struct Tagged {
    pub(crate) key: u16,
    pub(crate) tag: &'static str,
}

/// A `Tagged` with this key and tag.
pub(crate) fn tagged(key: u16, tag: &'static str) -> Tagged {
    Tagged { key, tag }
}

impl PartialEq for Tagged {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Tagged {}

impl PartialOrd for Tagged {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Tagged {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

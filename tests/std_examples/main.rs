//! std's own doc examples, rewritten with the frozen containers in place of the std ones, as a
//! new user would write them from std's documentation: every method the frozen type shares with
//! `HashMap`, `HashSet`, `BTreeMap`, `BTreeSet`, `Vec`/`VecDeque` and rayon's traits must accept
//! the same code and give the same results. Compile-time checks pin the signatures and trait
//! surfaces that std documents.
//!
//! Where a frozen type must differ (keys and values are `Clone`, because updates copy shared
//! nodes), the example derives `Clone` and nothing else changes.

mod map;
mod ord_map;
mod ord_set;
// rayon's pool (crossbeam-epoch) is refused by Miri's strict provenance; tests/rayon.rs runs
// natively and under ThreadSanitizer.
#[cfg(all(feature = "rayon", not(miri)))]
mod rayon;
mod set;
mod vec;

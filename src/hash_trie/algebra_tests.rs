//! The two-trie walks ([`merge`](super::merge), [`subset`](super::subset),
//! [`diff`](super::diff)) against a model, with hash functions that collide on purpose, and the
//! check that every result has the canonical shape of a trie built from scratch.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::node::{Loose, Slot, slots};
use super::{Change, HashTrie, Rule};

/// Hash functions of a key, from well spread to fully colliding.
const HASHERS: [fn(u16) -> u32; 4] = [
    |k| u32::from(k).wrapping_mul(0x9e37_79b9),
    // Only the top bits vary: every key shares the first levels.
    |k| u32::from(k % 8) << 29,
    // Few hashes: collision nodes everywhere.
    |k| u32::from(k % 5),
    // Pairs of keys collide completely, the rest spread.
    |k| u32::from(k / 2).wrapping_mul(0x85eb_ca6b),
];

/// Under Miri (which looks for undefined behaviour, not logic errors) one spread and one
/// colliding hash function only.
pub(super) fn hashers() -> &'static [fn(u16) -> u32] {
    if cfg!(miri) {
        &[HASHERS[0], HASHERS[2]]
    } else {
        &HASHERS
    }
}

pub(super) type Model = BTreeMap<u16, u32>;

pub(super) fn build(model: &Model, hash: fn(u16) -> u32) -> HashTrie<u16, u32> {
    let entries = model
        .iter()
        .map(|(&key, &value)| Loose {
            hash: hash(key),
            key,
            value,
        })
        .collect();
    HashTrie::from_entries(entries, |a, b| a == b, |_, _| {})
}

/// The trie of `model`, edited from `base` by single inserts and removals (so it shares nodes
/// with it), as a version of a map would be.
fn edited(base: &HashTrie<u16, u32>, model: &Model, hash: fn(u16) -> u32) -> HashTrie<u16, u32> {
    let mut trie = base.clone();
    let present: Vec<(u16, u32)> = trie.iter().map(|(&k, &v)| (k, v)).collect();
    for (key, value) in present {
        if model.get(&key) != Some(&value) {
            let h = hash(key);
            if let Some((location, ..)) = trie.find(h, |k| *k == key) {
                trie.remove_at(h, location);
            }
        }
    }
    for (&key, &value) in model {
        let h = hash(key);
        if trie.find(h, |k| *k == key).is_none() {
            trie.insert_absent(h, key, value);
        }
    }
    trie
}

pub(super) fn to_model(trie: &HashTrie<u16, u32>) -> Model {
    let model: Model = trie.iter().map(|(&k, &v)| (k, v)).collect();
    assert_eq!(model.len(), trie.len(), "len agrees with iteration");
    model
}

/// `trie` holds `model` and has the shape a trie built from scratch has.
pub(super) fn assert_canonical(trie: &HashTrie<u16, u32>, model: &Model, hash: fn(u16) -> u32) {
    assert_eq!(&to_model(trie), model);
    let fresh = build(model, hash);
    assert!(
        trie.same_shape_eq(&fresh, |a, b| a == b, |a, b| a == b),
        "not in canonical shape"
    );
    if let Some(root) = &trie.root {
        assert_no_lone_entries(root, true);
    }
}

fn assert_no_lone_entries(node: &super::node::Node<u16, u32>, is_root: bool) {
    if !is_root {
        let single = slots(node).len() == 1 && matches!(slots(node)[0], Slot::Entry { .. });
        assert!(!single, "a non-root node with one entry");
    }
    for slot in slots(node) {
        if let Slot::Child(child) = slot {
            assert_no_lone_entries(child, false);
        }
    }
}

fn models() -> impl Strategy<Value = (Model, Model, bool)> {
    let most = if cfg!(miri) { 8 } else { 120 };
    let model = move || prop::collection::btree_map(0..300u16, 0..4u32, 0..most);
    (model(), model(), any::<bool>())
}

fn check_all(a_model: &Model, b_model: &Model, share: bool, hash: fn(u16) -> u32) {
    let a = build(a_model, hash);
    let b = if share {
        edited(&a, b_model, hash)
    } else {
        build(b_model, hash)
    };
    let eq = |x: &u16, y: &u16| x == y;
    let keep = |_: &u16, _: &u32, _: &u32| None;
    let in_b = |k: &u16| b_model.contains_key(k);
    let in_a = |k: &u16| a_model.contains_key(k);

    let union: Model = b_model
        .iter()
        .chain(a_model)
        .map(|(&k, &v)| (k, v))
        .collect();
    assert_canonical(&a.combine(&b, Rule::UNION, eq, keep), &union, hash);
    let inter: Model = a_model
        .iter()
        .filter(|(k, _)| in_b(k))
        .map(|(&k, &v)| (k, v))
        .collect();
    assert_canonical(&a.combine(&b, Rule::INTERSECTION, eq, keep), &inter, hash);
    let diff: Model = a_model
        .iter()
        .filter(|(k, _)| !in_b(k))
        .map(|(&k, &v)| (k, v))
        .collect();
    assert_canonical(&a.combine(&b, Rule::DIFFERENCE, eq, keep), &diff, hash);
    let mut xor = diff.clone();
    xor.extend(b_model.iter().filter(|(k, _)| !in_a(k)));
    assert_canonical(
        &a.combine(&b, Rule::SYMMETRIC_DIFFERENCE, eq, keep),
        &xor,
        hash,
    );

    let with_sum = Rule {
        skip_shared: false,
        ..Rule::UNION
    };
    let summed = a.combine(&b, with_sum, eq, |_, x, y| Some(x + y + 10));
    let mut sum_model = union.clone();
    for (k, v) in sum_model.iter_mut() {
        if let (Some(x), Some(y)) = (a_model.get(k), b_model.get(k)) {
            *v = x + y + 10;
        }
    }
    assert_canonical(&summed, &sum_model, hash);

    let subset = a_model.keys().all(in_b);
    assert_eq!(a.keys_subset(&b, eq), subset);
    assert_eq!(b.keys_subset(&a, eq), b_model.keys().all(in_a));
    assert_eq!(a.keys_disjoint(&b, eq), inter.is_empty());
    assert_eq!(b.keys_disjoint(&a, eq), inter.is_empty());

    let mut changes: Vec<(u16, Option<u32>, Option<u32>)> = a
        .diff(&b, eq, |x, y| x == y)
        .into_iter()
        .map(|change| match change {
            Change::Added(&k, &v) => (k, None, Some(v)),
            Change::Updated((&k, &v), (_, &w)) => (k, Some(v), Some(w)),
            Change::Removed(&k, &v) => (k, Some(v), None),
        })
        .collect();
    changes.sort_unstable();
    let mut expected: Vec<(u16, Option<u32>, Option<u32>)> = a_model
        .keys()
        .chain(b_model.keys())
        .map(|k| (*k, a_model.get(k).copied(), b_model.get(k).copied()))
        .filter(|(_, x, y)| x != y)
        .collect();
    expected.sort_unstable();
    expected.dedup();
    assert_eq!(changes, expected);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(if cfg!(miri) { 1 } else { 96 }))]

    #[test]
    fn combinations_match_the_model_and_stay_canonical((a, b, share) in models()) {
        for &hash in hashers() {
            check_all(&a, &b, share, hash);
            check_all(&b, &a, share, hash);
        }
    }

    #[test]
    fn versions_a_few_entries_apart((base, edits) in (
        prop::collection::btree_map(0..2000u16, 0..4u32, 0..if cfg!(miri) { 16 } else { 400 }),
        prop::collection::vec((0..2000u16, prop::option::of(0..4u32)), 0..6),
    )) {
        let mut other = base.clone();
        for (key, value) in edits {
            match value {
                Some(value) => { other.insert(key, value); }
                None => { other.remove(&key); }
            }
        }
        for &hash in hashers() {
            check_all(&base, &other, true, hash);
            check_all(&other, &base, true, hash);
        }
    }
}

#[test]
fn combining_with_a_subset_version_reuses_the_whole_trie() {
    let hash = HASHERS[0];
    let model: Model = (0..if cfg!(miri) { 100 } else { 500 })
        .map(|k| (k, 0))
        .collect();
    let a = build(&model, hash);
    let mut smaller = model.clone();
    smaller.remove(&77);
    let b = edited(&a, &smaller, hash);
    let eq = |x: &u16, y: &u16| x == y;
    assert!(a.combine(&b, Rule::UNION, eq, |_, _, _| None).ptr_eq(&a));
    assert!(
        b.combine(&a, Rule::INTERSECTION, eq, |_, _, _| None)
            .ptr_eq(&b)
    );
}

//! In-place edits of uniquely owned nodes, which may leave a vacant tail past a node's live
//! slots: sequences of inserts and removals on unique and shared tries, with old versions kept,
//! checked against a model, against the canonical shape of a trie built from scratch, and for the
//! invariant that no reader sees a spare slot.

use proptest::prelude::*;

use super::HashTrie;
use super::algebra_tests::{Model, assert_canonical, build, hashers};
use super::iter::walks::assert_walks_agree;
use super::node::{Node, Slot, live_len, slots};

/// Inserts `key` (if absent) or removes it (if present), in the trie and in the model.
fn toggle(trie: &mut HashTrie<u16, u32>, model: &mut Model, key: u16, hash: fn(u16) -> u32) {
    let h = hash(key);
    match trie.find(h, |k| *k == key) {
        Some((location, ..)) => {
            let (k, v) = trie.remove_at(h, location);
            assert_eq!(model.remove(&key), Some(v));
            assert_eq!(k, key);
        }
        None => {
            let value = u32::from(key) * 7;
            let location = trie.insert_absent(h, key, value);
            assert_eq!(trie.entry_at(h, location), (&key, &value));
            model.insert(key, value);
        }
    }
}

/// Every node's slots past its live ones are vacant, and a collision node has none.
fn assert_tails_vacant(node: &Node<u16, u32>) {
    let live = live_len(node);
    assert!(node.slice[live..].iter().all(|s| matches!(s, Slot::Vacant)));
    if node.header.data == 0 && node.header.nodes == 0 {
        assert_eq!(live, node.slice.len(), "a collision node is exact");
    }
    let capacity = node.slice.len();
    assert!(
        capacity < 4 || live > capacity / 2,
        "{live} live slots of {capacity}"
    );
    for slot in slots(node) {
        match slot {
            Slot::Child(child) => assert_tails_vacant(child),
            Slot::Entry { .. } => {}
            Slot::Vacant => panic!("a vacant live slot"),
        }
    }
}

fn check(trie: &HashTrie<u16, u32>, model: &Model, hash: fn(u16) -> u32) {
    assert_canonical(trie, model, hash);
    assert_walks_agree(trie, trie.len() / 4);
    if let Some(root) = &trie.root {
        assert_tails_vacant(root);
    }
}

/// Whether any node of `trie` has spare slots.
fn has_spare(node: &Node<u16, u32>) -> bool {
    live_len(node) < node.slice.len()
        || slots(node).iter().any(|slot| match slot {
            Slot::Child(child) => has_spare(child),
            _ => false,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(if cfg!(miri) { 1 } else { 64 }))]

    /// Toggles keys one at a time; every so often keeps a clone (so later edits meet shared
    /// nodes), and checks every kept version after every step.
    #[test]
    fn toggles_match_the_model_with_versions_kept(
        start in prop::collection::btree_map(0..200u16, 0..4u32, 0..80),
        steps in prop::collection::vec(
            (0..200u16, any::<bool>()),
            0..if cfg!(miri) { 12 } else { 160 },
        ),
    ) {
        for &hash in hashers() {
            let mut trie = build(&start, hash);
            let mut model = start.clone();
            let mut kept: Vec<(HashTrie<u16, u32>, Model)> = Vec::new();
            for &(key, keep) in &steps {
                if keep && kept.len() < 6 {
                    kept.push((trie.clone(), model.clone()));
                }
                toggle(&mut trie, &mut model, key, hash);
                check(&trie, &model, hash);
                for (version, version_model) in &kept {
                    prop_assert_eq!(&super::algebra_tests::to_model(version), version_model);
                }
            }
            for (version, version_model) in &kept {
                check(version, version_model, hash);
            }
            // A trie grown and shrunk in place equals the one built from its entries.
            prop_assert!(trie.same_shape_eq(&build(&model, hash), |a, b| a == b, |a, b| a == b));
        }
    }
}

/// A removal from a unique node keeps its allocation (a vacant tail), and the next insert into
/// it fills the tail in place; a shared node is copied exact.
#[test]
fn unique_nodes_are_edited_in_place() {
    let hash = |k: u16| u32::from(k);
    let mut model = Model::new();
    let mut trie = HashTrie::new();
    for key in 0..3 {
        toggle(&mut trie, &mut model, key, hash);
    }
    let root = |trie: &HashTrie<u16, u32>| triomphe::Arc::as_ptr(trie.root.as_ref().unwrap());
    let before = root(&trie);
    toggle(&mut trie, &mut model, 1, hash);
    assert_eq!(root(&trie), before, "removal in place");
    assert_eq!(trie.root.as_ref().unwrap().slice.len(), 3);
    assert!(has_spare(trie.root.as_ref().unwrap()));
    check(&trie, &model, hash);

    let kept = trie.clone();
    toggle(&mut trie, &mut model, 1, hash);
    assert_ne!(root(&trie), before, "a shared root is copied");
    assert_eq!(root(&kept), before, "and the old version keeps it");
    assert_eq!(live_len(trie.root.as_ref().unwrap()), 3);
    assert_eq!(trie.root.as_ref().unwrap().slice.len(), 3);
    drop(kept);

    toggle(&mut trie, &mut model, 2, hash);
    let shrunk = root(&trie);
    toggle(&mut trie, &mut model, 9, hash);
    assert_eq!(root(&trie), shrunk, "insert into the vacant tail in place");
    assert!(!has_spare(trie.root.as_ref().unwrap()));
    check(&trie, &model, hash);

    // A root grown to 32 slots and emptied down to one entry gives its spare slots back.
    for key in 10..200 {
        toggle(&mut trie, &mut model, key, hash);
    }
    assert_eq!(trie.root.as_ref().unwrap().slice.len(), 32);
    for key in (0..200).filter(|&key| key != 150) {
        if model.contains_key(&key) {
            toggle(&mut trie, &mut model, key, hash);
        }
    }
    assert!(trie.root.as_ref().unwrap().slice.len() <= 3);
    check(&trie, &model, hash);
}

//! Deep documents: a `FrozenValue` nested a million levels deep (built in a loop) drops, clones,
//! compares, hashes, prints and is edited on a 2 MiB thread stack, Rust's default for spawned
//! threads. Nothing here recurses per level.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::thread;

use deepfreeze::{FrozenObject, FrozenValue, frozen_value};

/// Levels of nesting (fewer under Miri, which is slow; the code paths are the same).
const DEEP: usize = if cfg!(miri) { 300 } else { 1_000_000 };

const TWO_MIB: usize = 2 * 1024 * 1024;

fn on_2_mib_thread<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    thread::Builder::new()
        .stack_size(TWO_MIB)
        .spawn(f)
        .expect("spawning a thread")
        .join()
        .expect("the thread panicked")
}

/// `[[[...[leaf]...]]]`, `depth` arrays deep.
fn nested_arrays(depth: usize, leaf: FrozenValue) -> FrozenValue {
    (0..depth).fold(leaf, |inner, _| FrozenValue::from(vec![inner]))
}

/// `{"k": {"k": ... leaf}}`, `depth` objects deep, alternating with arrays.
fn nested_mixed(depth: usize, leaf: FrozenValue) -> FrozenValue {
    (0..depth).fold(leaf, |inner, level| {
        if level % 2 == 0 {
            FrozenValue::Object([("k", inner)].into_iter().collect::<FrozenObject>())
        } else {
            FrozenValue::from(vec![FrozenValue::Null, inner])
        }
    })
}

fn hash_of(value: &FrozenValue) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[test]
fn a_million_levels_drop_on_a_2_mib_stack() {
    on_2_mib_thread(|| {
        drop(nested_arrays(DEEP, frozen_value!(1)));
        drop(nested_mixed(DEEP, frozen_value!("leaf")));
    });
}

#[test]
fn dropping_one_of_two_versions_that_share_a_deep_subtree_leaves_the_other_whole() {
    on_2_mib_thread(|| {
        let a = nested_arrays(DEEP, frozen_value!(1));
        let b = frozen_value!({"shared": (a.clone())});
        drop(a);
        // `b` still holds the whole chain: walk to the bottom.
        let mut at = &b["shared"];
        let mut levels = 0;
        while let Some(inner) = at.get(0) {
            at = inner;
            levels += 1;
        }
        assert_eq!((levels, at), (DEEP, &frozen_value!(1)));
        drop(b);
    });
}

#[test]
fn clone_eq_ord_hash_debug_and_display_work_a_million_levels_deep() {
    on_2_mib_thread(|| {
        let a = nested_mixed(DEEP, frozen_value!(1));
        let b = nested_mixed(DEEP, frozen_value!(1));
        let c = nested_mixed(DEEP, frozen_value!(2));
        // Equal by content though built separately (no shared storage to skip).
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.cmp(&c), std::cmp::Ordering::Less);
        assert_eq!(hash_of(&a), hash_of(&b));
        assert_ne!(hash_of(&a), hash_of(&c));
        let copy = a.clone();
        assert!(copy.ptr_eq(&a));
        let text = a.to_string();
        assert_eq!(text.len(), (DEEP / 2) * "{\"k\":[null,]}".len() + 1);
        // The outermost level is an array (the levels alternate, starting from an object).
        assert!(text.starts_with("[null,{\"k\":[null,"));
        let closers = "}]".repeat(DEEP / 2);
        assert!(text.ends_with(&format!("{{\"k\":1{closers}")));
        let debug = format!("{a:?}");
        assert!(debug.starts_with("Array [Null, Object {\"k\": Array [Null, "));
        assert!(debug.ends_with(&format!("{{\"k\": Number(1){closers}")));
    });
}

#[test]
fn pointer_edits_deep_in_the_document_share_the_rest() {
    on_2_mib_thread(|| {
        let depth = if cfg!(miri) { 50 } else { 1_000 };
        let doc = nested_arrays(depth, frozen_value!({"x": 1, "y": [1, 2, 3]}));
        let pointer = format!("{}/x", "/0".repeat(depth));
        let edited = doc.with_pointer(&pointer, 2).expect("the path exists");
        assert_eq!(edited.pointer(&pointer), Some(&frozen_value!(2)));
        assert_eq!(doc.pointer(&pointer), Some(&frozen_value!(1)));
        let y = format!("{}/y", "/0".repeat(depth));
        assert!(edited.pointer(&y).unwrap().ptr_eq(doc.pointer(&y).unwrap()));
        let removed = edited.without_pointer(&pointer).expect("the member exists");
        assert_eq!(removed.pointer(&pointer), None);
    });
}

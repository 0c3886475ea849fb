//! The iterator `Debug` policy (docs/DESIGN.md, "Iterator `Debug`"), one iterator of each type:
//! a `Clone` iterator lists the items it has yet to yield, like std's; any other shows its name
//! and, when known, how many items remain.

use deepfreeze::{
    FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice, FrozenValue,
    FrozenVec,
};

fn debug(value: &impl std::fmt::Debug) -> String {
    format!("{value:?}")
}

/// A partly consumed iterator lists only what is left.
fn after_one<I: Iterator + std::fmt::Debug>(mut iter: I) -> String {
    iter.next();
    debug(&iter)
}

#[test]
fn sequences_list_what_remains() {
    // As std's `vec::IntoIter`: the name around what remains (bytes as `FrozenBytes` shows them).
    let bytes = FrozenBytes::from(&b"ab"[..]);
    assert_eq!(debug(&bytes.clone().into_iter()), r#"IntoIter(b"ab")"#);
    assert_eq!(after_one(bytes.into_iter()), r#"IntoIter(b"b")"#);

    let slice = FrozenSlice::from(vec![1, 2, 3]);
    assert_eq!(after_one(slice.clone().into_iter()), "IntoIter([2, 3])");
    assert_eq!(debug(&slice.iter()), "Iter([1, 2, 3])"); // std's own `slice::Iter`

    // Short (one array) and long (a tree) vectors.
    for len in [3, 100] {
        let vec: FrozenVec<u32> = (0..len).collect();
        let rest: Vec<u32> = (1..len).collect();
        assert_eq!(after_one(vec.iter()), format!("Iter({rest:?})"));
        let front: Vec<u32> = (0..len - 1).collect();
        assert_eq!(
            after_one(vec.iter().rev()),
            format!("Rev {{ iter: Iter({front:?}) }}")
        );
        assert_eq!(
            after_one(vec.clone().into_iter()),
            format!("IntoIter({rest:?})")
        );
    }
}

#[test]
fn hash_containers() {
    let map = FrozenMap::from([(1, 'a')]);
    assert_eq!(debug(&map.iter()), "[(1, 'a')]");
    assert_eq!(debug(&map.keys()), "[1]");
    assert_eq!(debug(&map.values()), "['a']");
    assert_eq!(debug(&map.clone().into_iter()), "IntoIter { remaining: 1 }");
    assert_eq!(debug(&map.clone().into_keys()), "IntoKeys { remaining: 1 }");
    assert_eq!(
        debug(&map.clone().into_values()),
        "IntoValues { remaining: 1 }"
    );
    let mut m = map.clone();
    assert_eq!(debug(&m.iter_mut()), "IterMut { remaining: 1 }");
    assert_eq!(debug(&m.values_mut()), "ValuesMut { remaining: 1 }");
    assert_eq!(
        debug(&m.extract_if(|_, _| false)),
        "ExtractIf { remaining: 1 }"
    );
    assert_eq!(debug(&m.drain()), "Drain { remaining: 1 }");

    let (a, b) = (FrozenSet::from([1, 2]), FrozenSet::from([2]));
    assert_eq!(debug(&b.iter()), "[2]");
    assert_eq!(debug(&a.intersection(&b)), "[2]");
    assert_eq!(debug(&a.difference(&b)), "[1]");
    assert_eq!(debug(&b.union(&b)), "[2]");
    assert_eq!(debug(&b.symmetric_difference(&b)), "[]");
    assert_eq!(debug(&b.clone().into_iter()), "IntoIter { remaining: 1 }");
    let mut s = b.clone();
    assert_eq!(
        debug(&s.extract_if(|_| false)),
        "ExtractIf { remaining: 1 }"
    );
    assert_eq!(debug(&s.drain()), "Drain { remaining: 1 }");
}

#[test]
fn ordered_containers() {
    let map = FrozenOrdMap::from([(1, 'a'), (2, 'b')]);
    assert_eq!(after_one(map.iter()), "[(2, 'b')]");
    assert_eq!(after_one(map.range(1..)), "[(2, 'b')]");
    assert_eq!(after_one(map.clone().into_iter()), "[(2, 'b')]");
    assert_eq!(after_one(map.keys()), "[2]");
    assert_eq!(after_one(map.values()), "['b']");
    assert_eq!(debug(&map.diff(&map)), "Diff { .. }");

    let set = FrozenOrdSet::from([1, 2]);
    assert_eq!(after_one(set.iter()), "[2]");
    assert_eq!(after_one(set.clone().into_iter()), "[2]");
    assert_eq!(debug(&set.range(1..)), "Range { .. }");
    assert_eq!(debug(&set.diff(&set)), "Diff { .. }");
}

#[test]
fn documents() {
    let value: FrozenValue = serde_json_free_object();
    let object = value.as_object().expect("an object");
    assert_eq!(after_one(object.iter()), r#"[("b", Number(2))]"#);
}

/// `{"a": 1, "b": 2}` without the serde_json feature.
fn serde_json_free_object() -> FrozenValue {
    FrozenValue::from_iter([("a", 1), ("b", 2)])
}

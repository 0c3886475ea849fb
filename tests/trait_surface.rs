//! The std trait surface of every container (the table in docs/DESIGN.md, "Trait surfaces"),
//! asserted at compile time, and the behaviour of the conversions and comparisons that make the
//! siblings agree, each against its std equivalent.

// Each comparison is written both ways on purpose: the two directions are two impls.
#![allow(clippy::op_ref, clippy::nonminimal_bool)]

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Debug;
use std::hash::Hash;

use deepfreeze::{
    FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice, FrozenStr,
    FrozenValue, FrozenVec,
};
use static_assertions::{assert_impl_all, assert_not_impl_any};

/// What every container has.
macro_rules! common {
    ($($ty:ty),+) => {$(
        assert_impl_all!($ty: Clone, Debug, Default, PartialEq, Eq, Hash, Send, Sync);
    )+};
}

common!(
    FrozenStr,
    FrozenBytes,
    FrozenSlice<u8>,
    FrozenVec<u8>,
    FrozenMap<u8, u8>,
    FrozenSet<u8>,
    FrozenOrdMap<u8, u8>,
    FrozenOrdSet<u8>,
    FrozenValue
);

// Ordered by content where the std equivalent is (not the hash containers, as std's are not).
assert_impl_all!(FrozenStr: Ord);
assert_impl_all!(FrozenBytes: Ord);
assert_impl_all!(FrozenSlice<u8>: Ord);
assert_impl_all!(FrozenVec<u8>: Ord);
assert_impl_all!(FrozenOrdMap<u8, u8>: Ord);
assert_impl_all!(FrozenOrdSet<u8>: Ord);
assert_impl_all!(FrozenValue: Ord);

// Sequences: built from what `Vec<T>` is built from, equal to what `Vec<T>` equals, both ways.
macro_rules! sequence {
    ($ty:ty, $elem:ty) => {
        assert_impl_all!($ty:
            From<&'static [$elem]>, From<[$elem; 2]>, From<&'static [$elem; 2]>, From<Vec<$elem>>,
            From<Box<[$elem]>>, FromIterator<$elem>,
            PartialEq<[$elem]>, PartialEq<&'static [$elem]>, PartialEq<[$elem; 2]>,
            PartialEq<&'static [$elem; 2]>, PartialEq<Vec<$elem>>);
        assert_impl_all!(Vec<$elem>: From<$ty>, From<&'static $ty>, PartialEq<$ty>);
        assert_impl_all!([$elem]: PartialEq<$ty>);
        assert_impl_all!(&'static [$elem]: PartialEq<$ty>);
        assert_impl_all!([$elem; 2]: PartialEq<$ty>);
        assert_impl_all!(&'static $ty: IntoIterator);
        assert_impl_all!($ty: IntoIterator);
    };
}

sequence!(FrozenBytes, u8);
sequence!(FrozenSlice<u8>, u8);
sequence!(FrozenVec<u8>, u8);
assert_impl_all!(FrozenVec<u8>: Extend<u8>, Extend<&'static u8>);

assert_impl_all!(FrozenStr:
    From<&'static str>, From<String>, From<&'static String>, From<Box<str>>,
    From<Cow<'static, str>>, From<char>, FromIterator<char>, FromIterator<&'static str>,
    PartialEq<str>, PartialEq<&'static str>, PartialEq<String>, PartialEq<Cow<'static, str>>);
assert_impl_all!(String: From<FrozenStr>, From<&'static FrozenStr>, PartialEq<FrozenStr>);
assert_impl_all!(str: PartialEq<FrozenStr>);
assert_impl_all!(&'static str: PartialEq<FrozenStr>);
assert_impl_all!(Cow<'static, str>: PartialEq<FrozenStr>);

// Maps: from the std maps, pairs, arrays and slices of pairs; into the std maps by value and by
// reference. No `PartialEq` with the std maps is implemented on the std side (nor either way for
// the hash maps): std's maps have one `PartialEq` impl each, which `assert_eq!(m, it.collect())`
// relies on to infer the collected type (see `tests/std_examples`).
macro_rules! map {
    ($ty:ty, $std:ty) => {
        assert_impl_all!($ty:
            From<$std>, From<BTreeMap<u8, u8>>, From<Vec<(u8, u8)>>, From<[(u8, u8); 2]>,
            From<&'static [(u8, u8)]>, FromIterator<(u8, u8)>, Extend<(u8, u8)>,
            Extend<(&'static u8, &'static u8)>, std::ops::Index<&'static u8>);
        assert_impl_all!($std: From<$ty>, From<&'static $ty>);
        assert_not_impl_any!($std: PartialEq<$ty>);
        assert_impl_all!(&'static $ty: IntoIterator);
        assert_impl_all!($ty: IntoIterator);
    };
}

map!(FrozenMap<u8, u8>, HashMap<u8, u8, deepfreeze::map::DefaultHashBuilder>);
map!(FrozenOrdMap<u8, u8>, BTreeMap<u8, u8>);
assert_impl_all!(FrozenOrdMap<u8, u8>: PartialEq<BTreeMap<u8, u8>>);
assert_not_impl_any!(FrozenMap<u8, u8>: PartialEq<HashMap<u8, u8>>);
assert_impl_all!(&'static mut FrozenMap<u8, u8>: IntoIterator); // it has `iter_mut`
assert_impl_all!(BTreeMap<u8, u8>: From<FrozenMap<u8, u8>>, From<&'static FrozenMap<u8, u8>>);

macro_rules! set {
    ($ty:ty, $std:ty) => {
        assert_impl_all!($ty:
            From<$std>, From<BTreeSet<u8>>, From<Vec<u8>>, From<[u8; 2]>, From<&'static [u8]>,
            FromIterator<u8>, Extend<u8>, Extend<&'static u8>);
        assert_impl_all!($std: From<$ty>, From<&'static $ty>);
        assert_not_impl_any!($std: PartialEq<$ty>);
        assert_impl_all!(&'static $ty: IntoIterator);
        assert_impl_all!($ty: IntoIterator);
    };
}

set!(FrozenSet<u8>, HashSet<u8, deepfreeze::map::DefaultHashBuilder>);
set!(FrozenOrdSet<u8>, BTreeSet<u8>);
assert_impl_all!(FrozenOrdSet<u8>: PartialEq<BTreeSet<u8>>);
assert_not_impl_any!(FrozenSet<u8>: PartialEq<HashSet<u8>>);
assert_impl_all!(BTreeSet<u8>: From<FrozenSet<u8>>, From<&'static FrozenSet<u8>>);
assert_impl_all!(FrozenVec<u8>: From<VecDeque<u8>>);

#[test]
fn strings_convert_and_compare_like_string() {
    let s = FrozenStr::from("text");
    assert_eq!(String::from(&s), "text");
    assert!(s == Cow::Borrowed("text") && Cow::<str>::Owned("text".into()) == s);
    assert!(s != Cow::Borrowed("other") && Cow::Borrowed("") != s);
}

#[test]
fn sequences_convert_by_reference_and_from_arrays() {
    let bytes = FrozenBytes::from([1, 2, 3]);
    assert_eq!(Vec::from(&bytes), [1, 2, 3]);
    assert_eq!(bytes, FrozenBytes::from(vec![1, 2, 3]));

    let slice = FrozenSlice::from(&[String::from("a"), String::from("b")]);
    assert_eq!(Vec::from(&slice), ["a", "b"]);
    assert_eq!(slice.len(), 2);

    let long: Vec<u32> = (0..100).collect();
    for v in [vec![1, 2, 3], long] {
        let vec = FrozenVec::from(v.clone().into_boxed_slice());
        assert_eq!(vec, v);
        assert!(v[..] == vec && &v[..] == vec);
        let mut other = v.clone();
        other[0] += 1;
        assert!(other[..] != vec && &other[..] != vec);
    }
    let vec = FrozenVec::from(&[1, 2]);
    assert!(vec == &[1, 2] && [1, 2] == vec && [2, 1] != vec && vec != &[1, 2, 3][..]);
}

#[test]
fn hash_maps_convert_to_hash_map_for_comparison() {
    let entries: Vec<(u32, char)> = (0..50)
        .map(|i| (i, char::from(b'a' + (i % 26) as u8)))
        .collect();
    let map = FrozenMap::from(&entries[..]);
    let std_map: HashMap<u32, char> = entries.iter().copied().collect(); // std's RandomState
    assert_eq!(
        map.iter().map(|(k, v)| (*k, *v)).collect::<HashMap<_, _>>(),
        std_map
    );
    let back = HashMap::from(&map); // with the map's own hasher
    assert_eq!(back.into_iter().collect::<HashMap<_, _>>(), std_map);
    assert_eq!(
        BTreeMap::from(&map),
        entries.iter().copied().collect::<BTreeMap<_, _>>()
    );
    assert_eq!(map.len(), 50); // the conversions by reference left it whole

    let repeated = FrozenMap::from(&[(1, 'a'), (1, 'b')][..]);
    assert_eq!(repeated, FrozenMap::from([(1, 'b')]));
}

#[test]
fn hash_sets_convert_to_hash_set_for_comparison() {
    let values: Vec<u32> = (0..50).collect();
    let set = FrozenSet::from(&values[..]);
    let std_set: HashSet<u32> = values.iter().copied().collect();
    assert_eq!(set.iter().copied().collect::<HashSet<_>>(), std_set);
    let back = HashSet::from(&set);
    assert_eq!(back.into_iter().collect::<HashSet<_>>(), std_set);
    assert_eq!(
        BTreeSet::from(&set),
        values.iter().copied().collect::<BTreeSet<_>>()
    );
    assert_eq!(set.len(), 50);
}

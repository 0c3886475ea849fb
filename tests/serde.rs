//! Serde round trips and wire shapes of every frozen type (feature `serde`).
//!
//! Every type round-trips through a self-describing format (serde_json) and a compact,
//! non-self-describing one (postcard), and serializes to exactly the bytes of its std equivalent.
#![cfg(feature = "serde")]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Debug;
use std::hash::{BuildHasherDefault, DefaultHasher};

use deepfreeze::{
    Frozen, FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// Round-trips `value` through serde_json and postcard and checks it comes back equal.
fn round_trip<T>(value: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let json = serde_json::to_string(value).expect("serialize json");
    let back: T = serde_json::from_str(&json).expect("deserialize json");
    assert_eq!(&back, value, "json: {json}");

    let bytes = postcard::to_allocvec(value).expect("serialize postcard");
    let back: T = postcard::from_bytes(&bytes).expect("deserialize postcard");
    assert_eq!(&back, value, "postcard: {bytes:?}");
}

/// Checks that `frozen` serializes to exactly the JSON and postcard bytes of `std`, and that the
/// std value's bytes deserialize into a frozen value equal to `frozen`.
fn same_wire<F, S>(frozen: &F, std: &S)
where
    F: Serialize + DeserializeOwned + PartialEq + Debug,
    S: Serialize,
{
    let json = serde_json::to_string(std).unwrap();
    assert_eq!(serde_json::to_string(frozen).unwrap(), json);
    assert_eq!(&serde_json::from_str::<F>(&json).unwrap(), frozen);

    let bytes = postcard::to_allocvec(std).unwrap();
    assert_eq!(postcard::to_allocvec(frozen).unwrap(), bytes);
    assert_eq!(&postcard::from_bytes::<F>(&bytes).unwrap(), frozen);
}

const LONG: &str = "a string long enough that no handle can keep it inline: 0123456789";

#[test]
fn frozen_arc_round_trips_and_is_transparent() {
    round_trip(&FrozenArc::new(7_u64));
    round_trip(&FrozenArc::new(String::from(LONG)));
    round_trip(&FrozenArc::new((1_u8, FrozenStr::from("pair"))));
    same_wire(&FrozenArc::new(-3_i32), &-3_i32);
    same_wire(&FrozenArc::new(vec![1_u16, 2, 3]), &vec![1_u16, 2, 3]);
    same_wire(&FrozenArc::new(FrozenArc::new(5_u8)), &5_u8);
}

#[test]
fn frozen_str_round_trips_like_a_string() {
    for s in [
        "",
        "a",
        "short",
        "héllo wörld ✓",
        LONG,
        "quote \" and \\ and \n",
    ] {
        round_trip(&FrozenStr::from(s));
        same_wire(&FrozenStr::from(s), &String::from(s));
    }
    // JSON escapes arrive as an owned string, not a borrowed one.
    let escaped: FrozenStr = serde_json::from_str(r#""tab\there""#).unwrap();
    assert_eq!(&*escaped, "tab\there");
}

#[test]
fn frozen_bytes_round_trip_like_serde_bytes() {
    for b in [&b""[..], b"\x00", b"\xff\x00binary\x80", LONG.as_bytes()] {
        let bytes = FrozenBytes::from(b);
        round_trip(&bytes);
        // postcard: `serialize_bytes` is a length prefix and the raw bytes, which is also
        // exactly how postcard writes a `Vec<u8>`.
        assert_eq!(
            postcard::to_allocvec(&bytes).unwrap(),
            postcard::to_allocvec(&b.to_vec()).unwrap()
        );
        // JSON writes bytes as an array of numbers, like a `Vec<u8>`, and reads them back.
        same_wire(&bytes, &b.to_vec());
    }
    // A JSON string deserializes into its UTF-8 bytes.
    let from_str: FrozenBytes = serde_json::from_str(r#""abc""#).unwrap();
    assert_eq!(&*from_str, b"abc");
}

#[test]
fn frozen_slice_and_vec_round_trip_like_a_vec() {
    for len in [0_usize, 1, 2, 33, 1000] {
        let std: Vec<u32> = (0..len as u32)
            .map(|i| i.wrapping_mul(2_654_435_761))
            .collect();
        let slice = FrozenSlice::from(std.clone());
        let vec: FrozenVec<u32> = std.iter().copied().collect();
        round_trip(&slice);
        round_trip(&vec);
        same_wire(&slice, &std);
        same_wire(&vec, &std);
    }
    let strings = vec![String::from("x"), String::from(LONG)];
    let frozen: FrozenVec<FrozenStr> = strings
        .iter()
        .map(|s| FrozenStr::from(s.as_str()))
        .collect();
    same_wire(&frozen, &strings);
}

#[test]
fn frozen_sets_round_trip_like_std_sets() {
    let ord: FrozenOrdSet<i64> = [5, -1, 3, 1000, 0].into_iter().collect();
    round_trip(&ord);
    same_wire(&ord, &BTreeSet::from([5_i64, -1, 3, 1000, 0]));
    round_trip(&FrozenOrdSet::<u8>::new());

    let hash: FrozenSet<FrozenStr> = ["a", "bb", LONG].into_iter().map(FrozenStr::from).collect();
    round_trip(&hash);
    // One element: the order is deterministic, so the bytes can be compared.
    let one: FrozenSet<u64> = [42].into_iter().collect();
    same_wire(&one, &HashSet::from([42_u64]));
    round_trip(&FrozenSet::<u64>::default());

    let big: FrozenSet<u32> = (0..2000).collect();
    round_trip(&big);
    // A hasher of the caller's choice.
    let custom: FrozenSet<u32, BuildHasherDefault<DefaultHasher>> = (0..50).collect();
    round_trip(&custom);
}

#[test]
fn frozen_maps_round_trip_like_std_maps() {
    let ord: FrozenOrdMap<u32, FrozenStr> = [(3, "three"), (1, "one"), (2, LONG)]
        .into_iter()
        .map(|(k, v)| (k, FrozenStr::from(v)))
        .collect();
    round_trip(&ord);
    let std: BTreeMap<u32, String> = ord.iter().map(|(k, v)| (*k, v.to_string())).collect();
    same_wire(&ord, &std);
    round_trip(&FrozenOrdMap::<FrozenStr, u8>::new());

    let hash: FrozenMap<FrozenStr, Vec<u8>> = [("k1", vec![1]), ("k2", vec![]), (LONG, vec![3, 4])]
        .into_iter()
        .map(|(k, v)| (FrozenStr::from(k), v))
        .collect();
    round_trip(&hash);
    let one: FrozenMap<u64, bool> = [(9, true)].into_iter().collect();
    same_wire(&one, &HashMap::from([(9_u64, true)]));
    round_trip(&FrozenMap::<u64, u64>::default());

    let big: FrozenMap<u32, u64> = (0..2000).map(|i| (i, u64::from(i) << 20)).collect();
    round_trip(&big);
    let custom: FrozenMap<u32, u32, BuildHasherDefault<DefaultHasher>> =
        (0..50).map(|i| (i, i)).collect();
    round_trip(&custom);
}

#[test]
fn duplicate_keys_keep_the_last_value_like_std() {
    let json = r#"{"a":1,"b":2,"a":3}"#;
    let std: HashMap<String, u8> = serde_json::from_str(json).unwrap();
    let frozen: FrozenMap<FrozenStr, u8> = serde_json::from_str(json).unwrap();
    let ord: FrozenOrdMap<FrozenStr, u8> = serde_json::from_str(json).unwrap();
    assert_eq!(frozen.len(), std.len());
    assert_eq!(ord.len(), std.len());
    for (k, v) in &std {
        let key = FrozenStr::from(k.as_str());
        assert_eq!(
            frozen.iter().find(|(fk, _)| **fk == key).map(|(_, v)| *v),
            Some(*v)
        );
        assert_eq!(
            ord.iter().find(|(fk, _)| **fk == key).map(|(_, v)| *v),
            Some(*v)
        );
    }
}

#[test]
fn wrong_shapes_are_errors() {
    assert!(serde_json::from_str::<FrozenStr>("12").is_err());
    assert!(serde_json::from_str::<FrozenVec<u8>>(r#"{"a":1}"#).is_err());
    assert!(serde_json::from_str::<FrozenOrdMap<u8, u8>>("[1,2]").is_err());
    assert!(serde_json::from_str::<FrozenBytes>("[1,256]").is_err());
    assert!(serde_json::from_str::<FrozenSlice<u8>>(r#""abc""#).is_err());
}

/// A user type mixing every frozen container, deriving `Frozen` and the serde traits.
#[derive(Frozen, Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Record {
    name: FrozenStr,
    payload: FrozenBytes,
    scores: FrozenVec<u32>,
    fixed: FrozenSlice<i16>,
    attrs: FrozenMap<FrozenStr, i64>,
    sorted: FrozenOrdMap<u32, FrozenStr>,
    tags: FrozenSet<FrozenStr>,
    levels: FrozenOrdSet<u8>,
    shared: FrozenArc<Inner>,
    maybe: Option<FrozenArc<Inner>>,
}

#[derive(Frozen, Serialize, Deserialize, Debug, PartialEq, Clone)]
enum Inner {
    Empty,
    Point { x: i32, y: i32 },
    Text(FrozenStr),
}

/// The same shape with std types: what `Record` must look like on the wire.
#[derive(Serialize)]
struct StdRecord {
    name: String,
    #[serde(serialize_with = "as_bytes")]
    payload: Vec<u8>,
    scores: Vec<u32>,
    fixed: Vec<i16>,
    attrs: HashMap<String, i64>,
    sorted: BTreeMap<u32, String>,
    tags: HashSet<String>,
    levels: BTreeSet<u8>,
    shared: StdInner,
    maybe: Option<StdInner>,
}

#[derive(Serialize)]
enum StdInner {
    #[allow(dead_code)]
    Empty,
    Point {
        x: i32,
        y: i32,
    },
    Text(String),
}

fn as_bytes<S: serde::Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytes)
}

fn record() -> Record {
    Record {
        name: FrozenStr::from("sensor-7"),
        payload: FrozenBytes::from(&b"\x01\x02\xff"[..]),
        scores: [3, 1, 4, 1, 5].into_iter().collect(),
        fixed: FrozenSlice::from(vec![-1, 0, 1]),
        attrs: [(FrozenStr::from("gain"), -12)].into_iter().collect(),
        sorted: [(2, FrozenStr::from("b")), (1, FrozenStr::from("a"))]
            .into_iter()
            .collect(),
        tags: [FrozenStr::from(LONG)].into_iter().collect(),
        levels: [9, 3, 6].into_iter().collect(),
        shared: FrozenArc::new(Inner::Point { x: 1, y: -2 }),
        maybe: Some(FrozenArc::new(Inner::Text(FrozenStr::from("t")))),
    }
}

#[test]
fn derived_struct_round_trips() {
    let value = record();
    round_trip(&value);
    round_trip(&Record {
        maybe: None,
        shared: FrozenArc::new(Inner::Empty),
        ..value
    });
}

#[test]
fn derived_struct_has_the_wire_shape_of_its_std_twin() {
    let std = StdRecord {
        name: "sensor-7".into(),
        payload: vec![1, 2, 0xff],
        scores: vec![3, 1, 4, 1, 5],
        fixed: vec![-1, 0, 1],
        attrs: HashMap::from([("gain".into(), -12)]),
        sorted: BTreeMap::from([(1, "a".into()), (2, "b".into())]),
        tags: HashSet::from([LONG.into()]),
        levels: BTreeSet::from([3, 6, 9]),
        shared: StdInner::Point { x: 1, y: -2 },
        maybe: Some(StdInner::Text("t".into())),
    };
    same_wire(&record(), &std);
}

/// A recursive frozen type: children through `FrozenArc` and `FrozenVec`.
#[derive(Frozen, Serialize, Deserialize, Debug, PartialEq, Clone)]
enum Tree {
    Leaf(u64),
    Pair(FrozenArc<Tree>, FrozenArc<Tree>),
    Many(FrozenVec<Tree>),
}

#[test]
fn recursive_derived_type_round_trips() {
    fn build(depth: u64) -> Tree {
        match depth {
            0 => Tree::Leaf(7),
            d if d % 2 == 0 => {
                Tree::Pair(FrozenArc::new(build(d - 1)), FrozenArc::new(Tree::Leaf(d)))
            }
            d => Tree::Many((0..3).map(|_| build(d - 1)).collect()),
        }
    }
    for depth in [0, 1, 2, 6] {
        round_trip(&build(depth));
    }
}

#[test]
fn shared_subtrees_serialize_once_per_reference() {
    // Serde has no notion of sharing: a `FrozenArc` seen twice is written twice, and reads back
    // as two equal (unshared) values, as with `std::sync::Arc` under serde's `rc` feature.
    let shared = FrozenArc::new(Tree::Leaf(1));
    let tree = Tree::Pair(shared.clone(), shared);
    let json = serde_json::to_string(&tree).unwrap();
    assert_eq!(json, r#"{"Pair":[{"Leaf":1},{"Leaf":1}]}"#);
    let back: Tree = serde_json::from_str(&json).unwrap();
    let Tree::Pair(a, b) = &back else {
        panic!("shape")
    };
    assert_eq!(a, b);
    assert!(!FrozenArc::ptr_eq(a, b));
}

/// Property tests over values drawn from the crate's own proptest strategies: every frozen type
/// round-trips, and the ordered and sequence types write exactly their std twin's bytes.
mod properties {
    use super::*;
    use deepfreeze::proptest as frozen;
    use proptest::prelude::*;

    /// Any chars, control and non-ASCII ones included (JSON escapes them). Not `any::<FrozenStr>()`:
    /// its `\PC*` regex compiles into an automaton that takes Miri over ten minutes per test and
    /// runs none of this crate's code.
    fn text() -> impl Strategy<Value = FrozenStr> {
        frozen::str_of(prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(if cfg!(miri) { 2 } else { 64 }))]

        #[test]
        fn strings_and_bytes(s in text(), b in frozen::bytes(0..64)) {
            round_trip(&s);
            round_trip(&b);
            same_wire(&s, &s.to_string());
        }

        #[test]
        fn sequences(v in frozen::vec(text(), 0..40), t in frozen::slice(any::<u64>(), 0..40)) {
            round_trip(&v);
            round_trip(&t);
            same_wire(&v, &v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            same_wire(&t, &t.to_vec());
        }

        #[test]
        fn ordered_maps_and_sets(
            m in frozen::ord_map(any::<u16>(), text(), 0..40),
            s in any::<FrozenOrdSet<i32>>(),
        ) {
            round_trip(&m);
            round_trip(&s);
            let std_map: BTreeMap<u16, String> = m.iter().map(|(k, v)| (*k, v.to_string())).collect();
            same_wire(&m, &std_map);
            same_wire(&s, &s.iter().copied().collect::<BTreeSet<_>>());
        }

        #[test]
        fn hash_maps_and_sets(
            m in frozen::hash_map(text(), any::<u32>(), 0..40),
            s in frozen::hash_set(any::<u16>(), 0..40),
        ) {
            round_trip(&m);
            round_trip(&s);
        }

        #[test]
        fn nested_frozen_values(
            v in frozen::vec(frozen::arc(frozen::ord_map(any::<u8>(), frozen::bytes(0..8), 0..4)), 0..8),
        ) {
            round_trip(&v);
        }
    }
}

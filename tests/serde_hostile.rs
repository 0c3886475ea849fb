//! Hostile serde input: huge length prefixes, invalid UTF-8, deep nesting (feature `serde`).
//!
//! Deserializing untrusted bytes must return an error, never panic, abort, overflow the stack or
//! allocate without bound. Allocation is measured with a counting global allocator that counts
//! per thread, so tests running in parallel do not disturb each other.
#![cfg(feature = "serde")]

use std::fmt::Debug;

use deepfreeze::serde::MAX_DEPTH;
use deepfreeze::{
    Frozen, FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

#[global_allocator]
static ALLOCATOR: counting_alloc::Counting = counting_alloc::Counting;

/// Runs `f` and returns its result with the bytes this thread requested meanwhile.
fn measure<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let (result, usage) = counting_alloc::measure(f);
    (result, usage.requested)
}

const TEN_MIB: usize = 10 << 20;

/// Runs `f` on a thread with a 2 MiB stack, Rust's default for spawned threads: a stack
/// overflow there aborts the whole test binary, so passing proves there was none.
fn on_small_stack<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic")
}

/// postcard's unsigned varint (LEB128) of `n`.
fn varint(mut n: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

// ---------------------------------------------------------------------------------------------
// Length prefixes.

/// A postcard seq/map/str/bytes claiming 2^60 items, followed by `tail`.
fn huge_prefix(tail: &[u8]) -> Vec<u8> {
    [varint(1 << 60), tail.to_vec()].concat()
}

fn rejects_cheaply<T: DeserializeOwned + Debug>(input: &[u8]) {
    let (result, bytes) = measure(|| postcard::from_bytes::<T>(input));
    assert!(
        result.is_err(),
        "{} accepted {input:?}: {result:?}",
        std::any::type_name::<T>()
    );
    assert!(
        bytes < TEN_MIB,
        "{} requested {bytes} bytes for a {}-byte input",
        std::any::type_name::<T>(),
        input.len()
    );
}

#[test]
fn varint_matches_postcard() {
    for n in [0_u64, 1, 127, 128, 300, 1 << 60, u64::MAX] {
        assert_eq!(varint(n), postcard::to_allocvec(&n).unwrap());
    }
}

#[test]
fn a_length_prefix_of_2_pow_60_is_an_error_not_an_allocation() {
    // A few real elements, then the input ends.
    let tail = [1_u8, 2, 3, 4];
    rejects_cheaply::<FrozenVec<u64>>(&huge_prefix(&tail));
    rejects_cheaply::<FrozenSlice<u64>>(&huge_prefix(&tail));
    rejects_cheaply::<FrozenSlice<u8>>(&huge_prefix(&tail));
    rejects_cheaply::<FrozenSlice<[u64; 32]>>(&huge_prefix(&tail));
    rejects_cheaply::<FrozenSet<u64>>(&huge_prefix(&tail));
    rejects_cheaply::<FrozenOrdSet<u64>>(&huge_prefix(&tail));
    rejects_cheaply::<FrozenMap<u64, u64>>(&huge_prefix(&tail));
    rejects_cheaply::<FrozenOrdMap<u64, u64>>(&huge_prefix(&tail));
    rejects_cheaply::<FrozenStr>(&huge_prefix(b"abc"));
    rejects_cheaply::<FrozenBytes>(&huge_prefix(b"abc"));
    rejects_cheaply::<FrozenArc<FrozenVec<u64>>>(&huge_prefix(&tail));
    // Nested: a huge outer prefix whose first element is a huge inner prefix.
    rejects_cheaply::<FrozenVec<FrozenSlice<u64>>>(&huge_prefix(&huge_prefix(&tail)));
}

#[test]
fn the_same_inputs_succeed_when_the_prefix_is_honest() {
    // Guards the test above: its inputs fail because of the prefix, not because of their shape.
    let tail = [1_u8, 2, 3, 4];
    let honest = [varint(4), tail.to_vec()].concat();
    let vec = postcard::from_bytes::<FrozenVec<u64>>(&honest).unwrap();
    assert_eq!(vec.iter().copied().collect::<Vec<_>>(), [1, 2, 3, 4]);
    let slice = postcard::from_bytes::<FrozenSlice<u64>>(&honest).unwrap();
    assert_eq!(&*slice, &[1, 2, 3, 4]);
    let bytes = postcard::from_bytes::<FrozenBytes>(&honest).unwrap();
    assert_eq!(&*bytes, &[1, 2, 3, 4]);
    let map = postcard::from_bytes::<FrozenOrdMap<u64, u64>>(&[2, 1, 2, 3, 4]).unwrap();
    assert_eq!(map.len(), 2);
}

/// Buffers nested through a recursive type.
#[derive(Frozen, Deserialize, Serialize, Debug, Clone, PartialEq)]
enum SliceNest {
    Leaf,
    Node(FrozenSlice<SliceNest>),
}

/// A deserializer that believes its input: every sequence claims 2^60 elements in its size hint
/// (as a format that trusts its length prefixes would), but holds one element, `Liar(depth - 1)`,
/// or none at depth 0. postcard itself drops a hint larger than the remaining input.
struct Liar(usize);

struct LiarSeq {
    depth: usize,
    done: bool,
}

impl<'de> serde::Deserializer<'de> for Liar {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_seq(LiarSeq {
            depth: self.0,
            done: self.0 == 0,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<'de> serde::de::SeqAccess<'de> for LiarSeq {
    type Error = serde::de::value::Error;

    fn next_element_seed<T: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        if std::mem::replace(&mut self.done, true) {
            Ok(None)
        } else {
            seed.deserialize(Liar(self.depth - 1)).map(Some)
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(1 << 60)
    }
}

/// Recursion through `FrozenSlice`: one frozen level per `Liar` level (`Liar(d)` is `d + 1`).
#[derive(Frozen, Deserialize, Debug, Clone)]
#[serde(transparent)]
struct Deep(#[allow(dead_code)] FrozenSlice<Deep>);

#[test]
fn a_lying_size_hint_preallocates_at_most_1_mib() {
    let (slice, bytes) = measure(|| FrozenSlice::<u64>::deserialize(Liar(0)));
    assert_eq!(slice.unwrap().len(), 0);
    // The buffer, plus the slice's own allocation (header and no elements).
    assert!(bytes <= (1 << 20) + 64, "requested {bytes} bytes");
    let (buf, bytes) = measure(|| FrozenBytes::deserialize(Liar(0)));
    assert_eq!(buf.unwrap().len(), 0);
    assert!(bytes <= (1 << 20) + 64, "requested {bytes} bytes");
}

#[test]
fn nested_lying_size_hints_preallocate_a_bounded_total() {
    // Every level preallocates from its hint while all the outer levels' buffers are alive. The
    // budget halves per level, so the total stays under 2 MiB instead of 1 MiB per level
    // (256 MiB at the depth limit).
    let (deep, bytes) =
        on_small_stack(|| measure(|| Deep::deserialize(Liar(MAX_DEPTH - 1)).map(drop)));
    assert!(deep.is_ok(), "{deep:?}");
    assert!(bytes < 3 << 20, "requested {bytes} bytes");
    // One level more is the depth error.
    let too_deep = on_small_stack(|| Deep::deserialize(Liar(MAX_DEPTH)).map(drop));
    assert!(too_deep.unwrap_err().to_string().contains("MAX_DEPTH"));
}

#[test]
fn nested_huge_prefixes_in_postcard_are_cheap() {
    // `Node` (variant 1) and a 2^60 length prefix, repeated as deep as the guard allows.
    let level = [vec![1_u8], varint(1 << 60)].concat();
    let input = level.repeat(MAX_DEPTH);
    let (result, bytes) =
        on_small_stack(move || measure(|| postcard::from_bytes::<SliceNest>(&input)));
    assert!(result.is_err());
    assert!(bytes < 3 << 20, "requested {bytes} bytes");
}

// ---------------------------------------------------------------------------------------------
// UTF-8.

#[test]
fn invalid_utf8_in_a_frozen_str_is_an_error() {
    // postcard: length 3, then bytes that are not UTF-8.
    for bad in [
        &[3_u8, 0xff, 0xfe, 0xfd][..],
        &[2, 0xc3, 0x28],
        &[1, 0x80],
        &[3, 0xed, 0xa0, 0x80],
    ] {
        assert!(postcard::from_bytes::<FrozenStr>(bad).is_err(), "{bad:?}");
        assert!(postcard::from_bytes::<FrozenVec<FrozenStr>>(&[&[1][..], bad].concat()).is_err());
    }
    assert_eq!(
        &*postcard::from_bytes::<FrozenStr>(&[2, 0xc3, 0xa9]).unwrap(),
        "é"
    );
    // JSON: a lone surrogate escape is not a Unicode scalar value.
    assert!(serde_json::from_str::<FrozenStr>(r#""\udc00""#).is_err());
}

#[test]
fn frozen_str_checks_utf8_when_a_format_hands_it_bytes() {
    use serde::de::value::{BytesDeserializer, Error};
    let bad = FrozenStr::deserialize(BytesDeserializer::<Error>::new(b"ok\xff"));
    assert!(bad.unwrap_err().to_string().contains("expected a string"));
    let good = FrozenStr::deserialize(BytesDeserializer::<Error>::new("ok é".as_bytes()));
    assert_eq!(&*good.unwrap(), "ok é");
}

// ---------------------------------------------------------------------------------------------
// Nesting depth.

/// Recursion through `FrozenArc`: postcard writes `Node` as byte 1 and `Leaf` as byte 0.
#[derive(Frozen, Deserialize, Serialize, Debug, Clone, PartialEq)]
enum ArcNest {
    Leaf,
    Node(FrozenArc<ArcNest>),
}

/// Recursion through `FrozenVec`: `Node` is byte 1, then the vector's length.
#[derive(Frozen, Deserialize, Serialize, Debug, Clone, PartialEq)]
enum VecNest {
    Leaf,
    Node(FrozenVec<VecNest>),
}

/// Recursion through `FrozenOrdMap` values.
#[derive(Frozen, Deserialize, Serialize, Debug, Clone, PartialEq)]
enum MapNest {
    Leaf,
    Node(FrozenOrdMap<u8, MapNest>),
}

/// Recursion through `FrozenMap` values.
#[derive(Frozen, Deserialize, Serialize, Debug, Clone, PartialEq)]
enum HashNest {
    Leaf,
    Node(FrozenMap<u8, HashNest>),
}

const HOSTILE_DEPTH: usize = 100_000;

/// postcard bytes of `depth` nested nodes around a leaf, each node written as `node`.
fn nested(node: &[u8], depth: usize) -> Vec<u8> {
    [node.repeat(depth), vec![0]].concat()
}

/// Checks that `depth` nested levels fail with the depth error and `MAX_DEPTH` levels (or as
/// many as fit, counting the containers per level) succeed, on a 2 MiB stack.
fn depth_is_bounded<T: DeserializeOwned + Debug + Send + 'static>(
    node: &'static [u8],
    containers_per_level: usize,
) {
    on_small_stack(move || {
        // postcard keeps only an error code for custom messages: the message itself is checked
        // with serde_json in `the_depth_error_names_the_limit`.
        assert_eq!(
            postcard::from_bytes::<T>(&nested(node, HOSTILE_DEPTH)).unwrap_err(),
            postcard::Error::SerdeDeCustom
        );
        let ok_depth = MAX_DEPTH / containers_per_level;
        let value = postcard::from_bytes::<T>(&nested(node, ok_depth));
        assert!(value.is_ok(), "{}: {value:?}", std::any::type_name::<T>());
        assert!(postcard::from_bytes::<T>(&nested(node, ok_depth + 1)).is_err());
        // Dropping the deepest accepted value on this small stack is fine too.
        drop(value);
    });
}

#[test]
fn deep_nesting_through_frozen_arc_is_an_error_not_an_overflow() {
    depth_is_bounded::<ArcNest>(&[1], 1);
}

#[test]
fn deep_nesting_through_frozen_vec_is_an_error_not_an_overflow() {
    depth_is_bounded::<VecNest>(&[1, 1], 1);
}

#[test]
fn deep_nesting_through_frozen_maps_is_an_error_not_an_overflow() {
    // `Node`, a map of length 1, key 7, then the value.
    depth_is_bounded::<MapNest>(&[1, 1, 7], 1);
    depth_is_bounded::<HashNest>(&[1, 1, 7], 1);
}

#[test]
fn deep_nesting_through_frozen_slices_is_an_error_not_an_overflow() {
    depth_is_bounded::<SliceNest>(&[1, 1], 1);
}

#[test]
fn deep_nesting_through_two_containers_per_level_counts_both() {
    #[derive(Frozen, Deserialize, Debug, Clone)]
    enum Double {
        Leaf,
        Node(#[allow(dead_code)] FrozenArc<FrozenVec<Double>>),
    }
    depth_is_bounded::<Double>(&[1, 1], 2);
}

#[test]
fn the_depth_error_names_the_limit() {
    // postcard keeps only an error code for custom messages, and serde_json stops at its own
    // recursion limit of 128 before ours. So nest 4 frozen containers per JSON array: 65 arrays
    // are 257 frozen levels (the outer `FrozenVec` plus 64 x 4), past our limit of 256 but
    // within serde_json's.
    #[derive(Frozen, Deserialize, Debug, Clone)]
    struct Wrap(#[allow(dead_code)] FrozenArc<FrozenArc<FrozenArc<FrozenVec<Wrap>>>>);
    // 4 frozen levels per JSON array level: 65 JSON levels = 260 frozen levels > 256.
    let json = format!("{}{}", "[".repeat(65), "]".repeat(65));
    let err = on_small_stack(move || serde_json::from_str::<FrozenVec<Wrap>>(&json).unwrap_err());
    assert!(
        err.to_string().contains("deepfreeze::serde::MAX_DEPTH"),
        "{err}"
    );
}

#[test]
fn deep_json_is_an_error_not_an_overflow() {
    let json = format!(
        "{}\"Leaf\"{}",
        r#"{"Node":"#.repeat(HOSTILE_DEPTH),
        "}".repeat(HOSTILE_DEPTH)
    );
    let result = on_small_stack(move || serde_json::from_str::<ArcNest>(&json).map(drop));
    assert!(result.is_err());
    let json = format!(
        "{}\"Leaf\"{}",
        r#"{"Node":["#.repeat(HOSTILE_DEPTH),
        "]}".repeat(HOSTILE_DEPTH)
    );
    let result = on_small_stack(move || serde_json::from_str::<VecNest>(&json).map(drop));
    assert!(result.is_err());
    // The same shape, shallow, is accepted: the failure above is the depth, not the syntax.
    let json = format!("{}\"Leaf\"{}", r#"{"Node":["#.repeat(5), "]}".repeat(5));
    assert!(serde_json::from_str::<VecNest>(&json).is_ok());
}

/// A chain built in memory, deeper than any input can produce.
fn deep_chain(depth: usize) -> ArcNest {
    (0..depth).fold(ArcNest::Leaf, |inner, _| {
        ArcNest::Node(FrozenArc::new(inner))
    })
}

#[test]
fn serializing_a_value_nested_too_deep_is_an_error_not_an_overflow() {
    let depth = if cfg!(miri) { 2_000 } else { HOSTILE_DEPTH };
    on_small_stack(move || {
        let chain = deep_chain(depth);
        assert!(postcard::to_allocvec(&chain).is_err());
        assert!(
            serde_json::to_string(&chain)
                .unwrap_err()
                .to_string()
                .contains("MAX_DEPTH")
        );
        // The deepest value that serializes also deserializes: the limits agree.
        let ok = deep_chain(MAX_DEPTH);
        let bytes = postcard::to_allocvec(&ok).unwrap();
        assert_eq!(postcard::from_bytes::<ArcNest>(&bytes).unwrap(), ok);
        assert!(postcard::to_allocvec(&deep_chain(MAX_DEPTH + 1)).is_err());
        // `chain` (100,000 nested `FrozenArc`s) drops here, on the 2 MiB stack.
    });
}

#[test]
fn a_failed_deserialization_leaves_the_depth_counter_balanced() {
    // After many errors at the limit, the full depth is still available on this thread.
    on_small_stack(|| {
        for _ in 0..3 {
            assert!(postcard::from_bytes::<ArcNest>(&nested(&[1], HOSTILE_DEPTH)).is_err());
            assert!(postcard::from_bytes::<ArcNest>(&nested(&[1], 10)[..5]).is_err());
        }
        assert!(postcard::from_bytes::<ArcNest>(&nested(&[1], MAX_DEPTH)).is_ok());
    });
}

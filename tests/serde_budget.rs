//! The limits of `deepfreeze::serde` on hostile input: the allocation budget (each container's
//! charge is an upper bound of what it keeps, checked with a counting allocator), the
//! configurable depth limit (a large record at the default limit on a 2 MiB stack), the cap on
//! zero-sized elements, and exact-sized byte buffers.
#![cfg(feature = "serde")]

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

use std::fmt::Debug;
use std::panic::{self, AssertUnwindSafe};

use counting_alloc::{Counting, measure};
use deepfreeze::serde::{
    MAX_DEPTH, MAX_ZERO_SIZED_ELEMENTS, max_depth, remaining_budget, with_budget, with_max_depth,
};
use deepfreeze::{
    FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[global_allocator]
static ALLOC: Counting = Counting;

/// Deserializes `T` from postcard `bytes` under an unbounded budget: the value, what the visitors
/// charged, and the bytes the value keeps allocated.
fn charged_and_kept<T: DeserializeOwned>(bytes: &[u8]) -> (T, usize, usize) {
    let ((value, left), usage) = measure(|| {
        with_budget(usize::MAX, || {
            let value = postcard::from_bytes::<T>(bytes).expect("valid input");
            (value, remaining_budget().unwrap())
        })
    });
    (value, usize::MAX - left, usage.retained.max(0) as usize)
}

/// For `std_value` of each size: its frozen twin deserialized from the same postcard keeps at
/// most what was charged, and is charged at most `slack` times what it keeps (plus 2 KiB), so the
/// budget neither under- nor grossly over-counts.
fn check_charges<S, F>(name: &str, sizes: &[usize], make: impl Fn(usize) -> S, slack: usize)
where
    S: Serialize,
    F: DeserializeOwned + Debug,
{
    for &n in sizes {
        let bytes = postcard::to_allocvec(&make(n)).unwrap();
        let (value, charged, kept) = charged_and_kept::<F>(&bytes);
        assert!(
            kept <= charged,
            "{name} of {n}: keeps {kept} B, charged only {charged} B"
        );
        assert!(
            charged <= slack * kept + 2048,
            "{name} of {n}: charged {charged} B for {kept} B kept"
        );
        drop(value);
    }
}

const SIZES: &[usize] = if cfg!(miri) {
    &[0, 1, 16, 65]
} else {
    &[
        0, 1, 2, 15, 16, 63, 64, 65, 127, 128, 129, 200, 1000, 1025, 5000, 20_000,
    ]
};

#[test]
fn every_container_is_charged_at_least_what_it_keeps() {
    let text = |n: usize| "x".repeat(n);
    check_charges::<String, FrozenStr>("FrozenStr", SIZES, text, 2);
    check_charges::<serde_bytes_like::Buf, FrozenBytes>(
        "FrozenBytes",
        SIZES,
        |n| serde_bytes_like::Buf(vec![7; n]),
        2,
    );
    check_charges::<Vec<u8>, FrozenBytes>("FrozenBytes (seq)", SIZES, |n| vec![7_u8; n], 4);
    let numbers = |n: usize| (0..n as u64).collect::<Vec<_>>();
    check_charges::<Vec<u64>, FrozenSlice<u64>>("FrozenSlice", SIZES, numbers, 4);
    check_charges::<Vec<u64>, FrozenVec<u64>>("FrozenVec", SIZES, numbers, 8);
    check_charges::<Vec<u64>, FrozenSet<u64>>("FrozenSet", SIZES, numbers, 8);
    check_charges::<Vec<u64>, FrozenOrdSet<u64>>("FrozenOrdSet", SIZES, numbers, 8);
    let pairs = |n: usize| (0..n as u64).map(|k| (k, k * 3)).collect::<Vec<_>>();
    check_charges::<Vec<(u64, u64)>, FrozenMap<u64, u64>>("FrozenMap", SIZES, pairs, 8);
    check_charges::<Vec<(u64, u64)>, FrozenOrdMap<u64, u64>>("FrozenOrdMap", SIZES, pairs, 8);
    check_charges::<u64, FrozenArc<u64>>("FrozenArc", &[0], |_| 5_u64, 2);
    let nested = |n: usize| vec![vec![1_u8]; n];
    check_charges::<Vec<Vec<u8>>, FrozenVec<FrozenVec<u8>>>(
        "FrozenVec<FrozenVec>",
        SIZES,
        nested,
        8,
    );
}

/// Serializes like `serde_bytes::ByteBuf`: postcard's bytes shape.
mod serde_bytes_like {
    pub(crate) struct Buf(pub(crate) Vec<u8>);

    impl serde::Serialize for Buf {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(&self.0)
        }
    }
}

/// An element that takes 2 bytes of postcard but 280 bytes of memory.
#[derive(Serialize, Deserialize, Clone, Debug)]
#[allow(clippy::large_enum_variant)] // the point: small on the wire, large in memory
enum Wide {
    Small(u8),
    Large([[u64; 17]; 2]),
}

/// `count` one-element vectors of a small `Wide` as postcard: 3 bytes each.
fn amplifying_input(count: usize) -> Vec<u8> {
    postcard::to_allocvec(&vec![vec![Wide::Small(1)]; count]).unwrap()
}

#[test]
fn a_budget_stops_memory_amplification_early() {
    assert_eq!(size_of::<Wide>(), 280);
    let count = if cfg!(miri) { 300 } else { 13_000 };
    let input = amplifying_input(count);
    let budget = if cfg!(miri) { 64 << 10 } else { 8 << 20 };
    let (result, usage) = measure(|| {
        with_budget(budget, || {
            postcard::from_bytes::<FrozenVec<FrozenVec<Wide>>>(&input)
        })
    });
    let err = result.expect_err("over budget");
    assert!(err.to_string().contains("allocation budget") || format!("{err:?}").contains("Custom"));
    assert!(
        usage.peak.max(0) as usize <= budget + (64 << 10),
        "{} B of input grew memory by {} B under a {budget} B budget",
        input.len(),
        usage.peak
    );
    // The budget was left as it was found, and a generous one lets the same input through.
    assert_eq!(remaining_budget(), None);
    let parsed = with_budget(usize::MAX, || {
        postcard::from_bytes::<FrozenVec<FrozenVec<Wide>>>(&input)
    });
    assert_eq!(parsed.unwrap().len(), count);
}

#[test]
fn budgets_nest_and_are_restored_after_a_panic() {
    let long = postcard::to_allocvec(&"y".repeat(100)).unwrap();
    with_budget(1000, || {
        let after_inner = with_budget(5000, || {
            // An inner budget is at most what the outer one has left.
            assert_eq!(remaining_budget(), Some(1000));
            let _: FrozenStr = postcard::from_bytes(&long).unwrap();
            let left = remaining_budget().unwrap();
            assert!(
                left <= 1000 - 116,
                "a 100-byte string is charged at least its bytes and header"
            );
            left
        });
        // What the inner one used is gone from the outer one.
        assert_eq!(remaining_budget(), Some(after_inner));
        let caught = panic::catch_unwind(AssertUnwindSafe(|| {
            with_budget(10, || panic!("inside a budget"));
        }));
        assert!(caught.is_err());
        assert_eq!(remaining_budget(), Some(after_inner));
        let err = with_budget(100, || postcard::from_bytes::<FrozenStr>(&long)).unwrap_err();
        assert_eq!(err, postcard::Error::SerdeDeCustom);
    });
    assert_eq!(remaining_budget(), None);
}

#[test]
fn the_depth_limit_is_configurable_and_restored_after_a_panic() {
    assert_eq!(max_depth(), MAX_DEPTH);
    let nested = |depth: usize| {
        let mut json = "[".repeat(depth);
        json.push_str(&"]".repeat(depth));
        json
    };
    #[derive(Deserialize, Clone, Debug)]
    struct Nest(#[allow(dead_code)] FrozenVec<Nest>);
    with_max_depth(10, || {
        assert!(serde_json::from_str::<Nest>(&nested(10)).is_ok());
        let err = serde_json::from_str::<Nest>(&nested(11)).unwrap_err();
        assert!(
            err.to_string()
                .contains("nesting deeper than 10 frozen containers"),
            "{err}"
        );
        let caught = panic::catch_unwind(|| with_max_depth(3, || panic!("inside a limit")));
        assert!(caught.is_err());
        assert_eq!(max_depth(), 10);
    });
    assert_eq!(max_depth(), MAX_DEPTH);
}

/// A large record, nested through a frozen vector: 32 optional strings per level.
#[derive(Deserialize, Clone, Debug)]
#[allow(dead_code)]
struct Record {
    f0: Option<FrozenStr>,
    f1: Option<FrozenStr>,
    f2: Option<FrozenStr>,
    f3: Option<FrozenStr>,
    f4: Option<FrozenStr>,
    f5: Option<FrozenStr>,
    f6: Option<FrozenStr>,
    f7: Option<FrozenStr>,
    f8: Option<FrozenStr>,
    f9: Option<FrozenStr>,
    f10: Option<FrozenStr>,
    f11: Option<FrozenStr>,
    f12: Option<FrozenStr>,
    f13: Option<FrozenStr>,
    f14: Option<FrozenStr>,
    f15: Option<FrozenStr>,
    f16: Option<FrozenStr>,
    f17: Option<FrozenStr>,
    f18: Option<FrozenStr>,
    f19: Option<FrozenStr>,
    f20: Option<FrozenStr>,
    f21: Option<FrozenStr>,
    f22: Option<FrozenStr>,
    f23: Option<FrozenStr>,
    f24: Option<FrozenStr>,
    f25: Option<FrozenStr>,
    f26: Option<FrozenStr>,
    f27: Option<FrozenStr>,
    f28: Option<FrozenStr>,
    f29: Option<FrozenStr>,
    f30: Option<FrozenStr>,
    f31: Option<FrozenStr>,
    children: FrozenVec<Record>,
}

/// Postcard for `depth` nested records, each with all 32 strings present (short, inline).
fn record_input(depth: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    for level in 0..=depth {
        for _ in 0..32 {
            bytes.extend([1, 1, b'x']);
        }
        bytes.push(u8::from(level < depth)); // one child, or none at the bottom
    }
    bytes
}

#[test]
fn a_large_record_at_the_default_depth_limit_fits_a_2_mib_stack() {
    // A record nests two containers per level: the vector and... only the vector (the record
    // itself is not a frozen container), so `MAX_DEPTH` levels of records are allowed.
    let result = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let ok = postcard::from_bytes::<Record>(&record_input(MAX_DEPTH - 1)).map(drop);
            let too_deep = postcard::from_bytes::<Record>(&record_input(MAX_DEPTH)).map(drop);
            (
                ok.map_err(|e| e.to_string()),
                too_deep.map_err(|e| format!("{e:?}")),
            )
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(result.0, Ok(()));
    assert!(result.1.is_err());
}

#[test]
#[cfg_attr(
    miri,
    ignore = "reaching the cap takes a million interpreted loop iterations"
)]
fn zero_sized_elements_are_capped() {
    // 10 bytes of postcard claiming u64::MAX elements of `()`, which take no input each.
    let claim = postcard::to_allocvec(&u64::MAX).unwrap();
    let vec = postcard::from_bytes::<FrozenVec<()>>(&claim).unwrap_err();
    let slice = postcard::from_bytes::<FrozenSlice<()>>(&claim).unwrap_err();
    assert_eq!(
        (vec, slice),
        (
            postcard::Error::SerdeDeCustom,
            postcard::Error::SerdeDeCustom
        )
    );
}

#[test]
fn zero_sized_elements_below_the_cap_deserialize() {
    let json = format!(
        "[{}null]",
        "null,".repeat(MAX_ZERO_SIZED_ELEMENTS.min(2000) - 1)
    );
    let units: FrozenVec<()> = serde_json::from_str(&json).unwrap();
    assert_eq!(units.len(), MAX_ZERO_SIZED_ELEMENTS.min(2000));
}

/// Hands its visitor a `Vec<u8>` whose capacity far exceeds its length.
struct OverAllocated(Vec<u8>);

impl<'de> serde::Deserializer<'de> for OverAllocated {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_byte_buf(self.0)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

#[test]
fn byte_buffers_do_not_keep_a_formats_spare_capacity() {
    let mut buffer = Vec::with_capacity(1 << 20);
    buffer.extend_from_slice(b"abc");
    let (bytes, usage) = measure(|| FrozenBytes::deserialize(OverAllocated(buffer)).unwrap());
    assert_eq!(&*bytes, b"abc");
    assert!(
        usage.retained < 256,
        "keeps {} B for 3 bytes",
        usage.retained
    );
}

#[test]
fn a_frozen_value_is_charged_at_least_what_it_keeps() {
    let members = if cfg!(miri) { 3 } else { 300 };
    let json = format!(
        "[{}]",
        (0..members)
            .map(|i| format!(r#"{{"id":{i},"name":"a name longer than fifteen","tags":["x",[]]}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let ((value, left), usage) = measure(|| {
        with_budget(usize::MAX, || {
            let value: deepfreeze::FrozenValue = serde_json::from_str(&json).unwrap();
            (value, remaining_budget().unwrap())
        })
    });
    let (charged, kept) = (usize::MAX - left, usage.retained.max(0) as usize);
    assert!(kept <= charged, "keeps {kept} B, charged only {charged} B");
    assert!(
        charged <= 8 * kept + 2048,
        "charged {charged} B for {kept} B kept"
    );
    assert_eq!(value.as_array().map(|a| a.len()), Some(members));
    let err = with_budget(kept / 2, || {
        serde_json::from_str::<deepfreeze::FrozenValue>(&json)
    });
    assert!(err.unwrap_err().to_string().contains("allocation budget"));
}

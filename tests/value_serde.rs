//! `FrozenValue` through serde (feature `serde`): round trips through three self-describing
//! formats (JSON, CBOR via ciborium, MessagePack via rmp-serde) compared with
//! `serde_json::Value`, and hostile input: nesting beyond `MAX_DEPTH` in formats without a
//! limit of their own, huge length prefixes, invalid UTF-8, duplicate and non-string keys.
#![cfg(feature = "serde")]

use deepfreeze::serde::MAX_DEPTH;
use deepfreeze::{FrozenBytes, FrozenValue, frozen_value};
use proptest::prelude::*;
use serde_json::Value;

#[path = "common/counting_alloc.rs"]
mod counting_alloc;

#[global_allocator]
static ALLOCATOR: counting_alloc::Counting = counting_alloc::Counting;

/// Runs `f` and returns its result with the bytes this thread requested meanwhile.
fn measure<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let (result, usage) = counting_alloc::measure(f);
    (result, usage.requested)
}

/// Runs `f` on a thread with a 2 MiB stack: an overflow there aborts the test binary.
fn on_small_stack<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic")
}

// ---------------------------------------------------------------------------------------------
// Formats.

fn to_cbor<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(value, &mut out).expect("CBOR serializes");
    out
}

/// CBOR without ciborium's own recursion limit, so that only `MAX_DEPTH` stops nesting.
fn from_cbor<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    ciborium::de::from_reader_with_recursion_limit(bytes, usize::MAX).map_err(|e| e.to_string())
}

/// JSON without serde_json's own recursion limit.
fn from_json_unbounded<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.disable_recursion_limit();
    T::deserialize(&mut de).map_err(|e| e.to_string())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-d]{0,3}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn round_trips_through_json_cbor_and_messagepack(json in json_value()) {
        let text = serde_json::to_string(&json).unwrap();
        let frozen: FrozenValue = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(serde_json::to_string(&frozen).unwrap(), text);

        let cbor = to_cbor(&json);
        let from_cbor: FrozenValue = from_cbor(&cbor).unwrap();
        prop_assert_eq!(&from_cbor, &frozen);
        prop_assert_eq!(to_cbor(&from_cbor), cbor);

        let msgpack = rmp_serde::to_vec(&json).unwrap();
        let from_msgpack: FrozenValue = rmp_serde::from_slice(&msgpack).unwrap();
        prop_assert_eq!(&from_msgpack, &frozen);
        prop_assert_eq!(rmp_serde::to_vec(&from_msgpack).unwrap(), msgpack);
    }
}

#[test]
fn bytes_round_trip_through_cbor_and_messagepack_and_print_as_json_arrays() {
    let v = frozen_value!({"blob": (FrozenBytes::from(vec![0, 1, 255])), "n": 1});
    let back: FrozenValue = from_cbor(&to_cbor(&v)).unwrap();
    assert_eq!(back, v);
    assert!(back["blob"].is_bytes());
    let back: FrozenValue = rmp_serde::from_slice(&rmp_serde::to_vec(&v).unwrap()).unwrap();
    assert_eq!(back, v);
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"blob":[0,1,255],"n":1}"#
    );
    assert_eq!(v.to_string(), r#"{"blob":[0,1,255],"n":1}"#);
}

// ---------------------------------------------------------------------------------------------
// Hostile input.

/// `depth` nested arrays around `1`.
fn nested_json(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

/// `depth` nested CBOR arrays of one element (0x81) around `1`.
fn nested_cbor(depth: usize) -> Vec<u8> {
    [vec![0x81; depth], vec![0x01]].concat()
}

#[test]
fn nesting_beyond_max_depth_is_an_error_in_formats_without_a_limit() {
    on_small_stack(|| {
        // Right at the limit: fine.
        let ok: FrozenValue = from_json_unbounded(&nested_json(MAX_DEPTH)).unwrap();
        assert_eq!(ok.pointer(&"/0".repeat(MAX_DEPTH)), Some(&frozen_value!(1)));
        let ok: FrozenValue = from_cbor(&nested_cbor(MAX_DEPTH)).unwrap();
        assert_eq!(ok.pointer(&"/0".repeat(MAX_DEPTH)), Some(&frozen_value!(1)));
        // One more, or a million more: an error naming the limit, not a stack overflow.
        for depth in [MAX_DEPTH + 1, if cfg!(miri) { 1_000 } else { 1_000_000 }] {
            let error = from_json_unbounded::<FrozenValue>(&nested_json(depth)).unwrap_err();
            assert!(error.contains("MAX_DEPTH"), "{error}");
            let error = from_cbor::<FrozenValue>(&nested_cbor(depth)).unwrap_err();
            assert!(error.contains("MAX_DEPTH"), "{error}");
            let objects = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
            let error = from_json_unbounded::<FrozenValue>(&objects).unwrap_err();
            assert!(error.contains("MAX_DEPTH"), "{error}");
        }
    });
}

#[test]
fn serializing_a_value_deeper_than_max_depth_is_an_error() {
    on_small_stack(|| {
        let deep = (0..MAX_DEPTH + 1).fold(frozen_value!(1), |inner, _| frozen_value!([inner]));
        let error = serde_json::to_string(&deep).unwrap_err().to_string();
        assert!(error.contains("MAX_DEPTH"), "{error}");
        let shallow = (0..MAX_DEPTH).fold(frozen_value!(1), |inner, _| frozen_value!([inner]));
        assert!(serde_json::to_string(&shallow).is_ok());
    });
}

#[test]
fn a_length_prefix_of_2_pow_60_is_an_error_not_an_allocation() {
    // CBOR array (0x9b) and map (0xbb) headers with an 8-byte length, then two elements.
    for header in [0x9b_u8, 0xbb] {
        let input = [&[header][..], &(1u64 << 60).to_be_bytes(), &[0x01, 0x02]].concat();
        let (result, bytes) = measure(|| from_cbor::<FrozenValue>(&input));
        assert!(result.is_err(), "{result:?}");
        assert!(bytes < 4 << 20, "requested {bytes} bytes");
    }
    // MessagePack array32 (0xdd) and map32 (0xdf) claiming 2^32 - 1 elements.
    for header in [0xdd_u8, 0xdf] {
        let input = [&[header][..], &u32::MAX.to_be_bytes(), &[0x01, 0x02]].concat();
        let (result, bytes) = measure(|| rmp_serde::from_slice::<FrozenValue>(&input));
        assert!(result.is_err(), "{result:?}");
        assert!(bytes < 4 << 20, "requested {bytes} bytes");
    }
}

#[test]
fn invalid_utf8_is_an_error() {
    assert!(serde_json::from_slice::<FrozenValue>(b"[\"\xff\"]").is_err());
    assert!(serde_json::from_slice::<FrozenValue>(b"{\"\xc3\":1}").is_err());
    // CBOR text string (0x62: 2 bytes) holding invalid UTF-8, as a value and as a key.
    assert!(from_cbor::<FrozenValue>(&[0x62, 0xff, 0xfe]).is_err());
    assert!(from_cbor::<FrozenValue>(&[0xa1, 0x62, 0xff, 0xfe, 0x01]).is_err());
}

#[test]
fn duplicate_keys_keep_the_last_value_as_serde_json_does() {
    let text = r#"{"a":1,"b":2,"a":3}"#;
    let frozen: FrozenValue = serde_json::from_str(text).unwrap();
    let model: Value = serde_json::from_str(text).unwrap();
    assert_eq!(to_model(&frozen), model);
    // CBOR map (0xa3) of three members, "a" twice.
    let cbor = [0xa3, 0x61, b'a', 0x01, 0x61, b'b', 0x02, 0x61, b'a', 0x03];
    let frozen: FrozenValue = from_cbor(&cbor).unwrap();
    assert_eq!(frozen, frozen_value!({"a": 3, "b": 2}));
}

#[test]
fn non_string_keys_and_out_of_range_integers_are_errors() {
    // CBOR map {1: 2}: serde_json::Value refuses it too.
    assert!(from_cbor::<FrozenValue>(&[0xa1, 0x01, 0x02]).is_err());
    assert!(from_cbor::<Value>(&[0xa1, 0x01, 0x02]).is_err());
    // CBOR bignum 2^64 (tag 2, 9 bytes): beyond u64.
    let big = [0xc2, 0x49, 0x01, 0, 0, 0, 0, 0, 0, 0, 0];
    assert!(from_cbor::<FrozenValue>(&big).is_err());
    // NaN becomes null, as in serde_json::Value.
    let nan = to_cbor(&f64::NAN);
    assert_eq!(from_cbor::<FrozenValue>(&nan).unwrap(), FrozenValue::Null);
}

/// The `serde_json::Value` of a frozen value, through its JSON text (this file does not need
/// the `serde_json` feature's conversions).
fn to_model(value: &FrozenValue) -> Value {
    serde_json::from_str(&value.to_string()).unwrap()
}

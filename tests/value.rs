//! `FrozenValue` against `serde_json::Value` as the model: the reading API, `Display`, equality,
//! order and hashing, pointer edits (with sharing of untouched subtrees), `frozen_value!` against
//! `json!`, and the `From` conversions (feature `serde_json`).
#![cfg(feature = "serde_json")]

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

use deepfreeze::value::{Number, PointerErrorKind};
use deepfreeze::{FrozenArray, FrozenBytes, FrozenObject, FrozenStr, FrozenValue, frozen_value};
use proptest::prelude::*;
use serde_json::{Value, json};

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-3i64..3).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![Just(0.0), Just(-0.0), Just(1.0), Just(0.5)].prop_map(Value::from),
        "[a-c/~]{0,3}".prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-c/~]{0,3}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Every pointer into `value` (escaped), with the value it points at.
fn pointers(value: &Value) -> Vec<(String, Value)> {
    let mut out = vec![(String::new(), value.clone())];
    let mut i = 0;
    while i < out.len() {
        let (prefix, at) = out[i].clone();
        match at {
            Value::Array(items) => {
                for (j, item) in items.into_iter().enumerate() {
                    out.push((format!("{prefix}/{j}"), item));
                }
            }
            Value::Object(members) => {
                for (k, v) in members {
                    let k = k.replace('~', "~0").replace('/', "~1");
                    out.push((format!("{prefix}/{k}"), v));
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn hash_of<T: Hash>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

proptest! {
    #[test]
    fn converts_both_ways_and_prints_as_json(json in json_value()) {
        let frozen = FrozenValue::from(json.clone());
        prop_assert_eq!(Value::from(&frozen), json.clone());
        // Parsing its JSON back gives the model (key order is the same: both sort).
        let reparsed: Value = serde_json::from_str(&frozen.to_string()).unwrap();
        prop_assert_eq!(&reparsed, &json);
        let pretty: Value = serde_json::from_str(&format!("{frozen:#}")).unwrap();
        prop_assert_eq!(&pretty, &json);
        // And serializing it with serde writes the same bytes as the model.
        prop_assert_eq!(serde_json::to_string(&frozen).unwrap(), serde_json::to_string(&json).unwrap());
        let parsed: FrozenValue = serde_json::from_str(&json.to_string()).unwrap();
        prop_assert_eq!(&parsed, &frozen);
    }

    #[test]
    fn reads_like_serde_json(json in json_value()) {
        let frozen = FrozenValue::from(json.clone());
        for (pointer, expected) in pointers(&json) {
            let at = frozen.pointer(&pointer);
            prop_assert_eq!(at.map(Value::from), json.pointer(&pointer).cloned(), "{}", pointer);
            let at = at.unwrap();
            prop_assert_eq!(Value::from(at), expected.clone());
            prop_assert_eq!(at.as_bool(), expected.as_bool());
            prop_assert_eq!(at.as_i64(), expected.as_i64());
            prop_assert_eq!(at.as_u64(), expected.as_u64());
            prop_assert_eq!(at.as_f64(), expected.as_f64());
            prop_assert_eq!(at.as_str(), expected.as_str());
            prop_assert_eq!(at.is_null(), expected.is_null());
            prop_assert_eq!(at.is_boolean(), expected.is_boolean());
            prop_assert_eq!(at.is_number(), expected.is_number());
            prop_assert_eq!(at.is_i64(), expected.is_i64());
            prop_assert_eq!(at.is_u64(), expected.is_u64());
            prop_assert_eq!(at.is_f64(), expected.is_f64());
            prop_assert_eq!(at.is_string(), expected.is_string());
            prop_assert_eq!(at.is_array(), expected.is_array());
            prop_assert_eq!(at.is_object(), expected.is_object());
            prop_assert_eq!(at.as_array().map(|a| a.len()), expected.as_array().map(Vec::len));
            prop_assert_eq!(at.as_object().map(|o| o.len()), expected.as_object().map(|o| o.len()));
            for key in ["a", "b", "", "~", "zz"] {
                prop_assert_eq!(at.get(key).map(Value::from), expected.get(key).cloned());
                prop_assert_eq!(Value::from(&at[key]), expected[key].clone());
            }
            for index in 0..4 {
                prop_assert_eq!(at.get(index).map(Value::from), expected.get(index).cloned());
                prop_assert_eq!(Value::from(&at[index]), expected[index].clone());
            }
        }
        for bad in ["a", "/00", "/+1", "/-", "/ 1", "/1/"] {
            prop_assert_eq!(frozen.pointer(bad).map(Value::from), json.pointer(bad).cloned(), "{}", bad);
        }
    }

    #[test]
    fn eq_ord_and_hash_agree_with_each_other_and_with_the_model(a in json_value(), b in json_value()) {
        let (fa, fb) = (FrozenValue::from(a.clone()), FrozenValue::from(b.clone()));
        prop_assert_eq!(fa == fb, a == b);
        prop_assert_eq!(fa.cmp(&fb) == Ordering::Equal, a == b);
        prop_assert_eq!(fa.cmp(&fb), fb.cmp(&fa).reverse());
        prop_assert_eq!(fa.cmp(&fa), Ordering::Equal);
        if fa == fb {
            prop_assert_eq!(hash_of(&fa), hash_of(&fb));
        }
        // A copy built separately (no shared storage) is equal and hashes alike.
        let copy = FrozenValue::from(a.clone());
        prop_assert!(copy == fa && hash_of(&copy) == hash_of(&fa));
        prop_assert_eq!(copy.cmp(&fa), Ordering::Equal);
        // Arrays order lexicographically, like `Vec`'s order of the elements.
        let (xa, xb) = (FrozenValue::from(vec![fa.clone(), fb.clone()]), FrozenValue::from(vec![fb.clone()]));
        prop_assert_eq!(xa.cmp(&xb), vec![fa.clone(), fb.clone()].cmp(&vec![fb.clone()]));
    }

    #[test]
    fn pointer_edits_match_the_model_and_share_the_rest(json in json_value(), new in json_leaf(), pick in any::<prop::sample::Index>()) {
        let frozen = FrozenValue::from(json.clone());
        let all = pointers(&json);
        let (pointer, _) = &all[pick.index(all.len())];
        // Replacing an existing value.
        let edited = frozen.with_pointer(pointer, FrozenValue::from(new.clone())).unwrap();
        let mut model = json.clone();
        *model.pointer_mut(pointer).unwrap() = new.clone();
        prop_assert_eq!(Value::from(&edited), model);
        prop_assert_eq!(Value::from(&frozen), json.clone()); // the old version is unchanged
        // Everything off the edited path is still shared with the old version.
        for (other, _) in &all {
            let on_path = pointer.starts_with(other.as_str())
                && (pointer.len() == other.len() || pointer.as_bytes()[other.len()] == b'/');
            let below = other.starts_with(pointer.as_str()) && other != pointer;
            if !on_path && !below {
                let (old, new) = (frozen.pointer(other).unwrap(), edited.pointer(other).unwrap());
                prop_assert!(old.ptr_eq(new), "{} not shared after editing {}", other, pointer);
            }
        }
        // Removing it (unless it is the root).
        if !pointer.is_empty() {
            let mut model = json.clone();
            let (parent, last) = pointer.rsplit_once('/').unwrap();
            let last = last.replace("~1", "/").replace("~0", "~");
            let removed_model = match model.pointer_mut(parent).unwrap() {
                Value::Array(items) => items.remove(last.parse::<usize>().unwrap()),
                Value::Object(members) => members.remove(&last).unwrap(),
                _ => unreachable!(),
            };
            let mut removed = frozen.clone();
            let value = removed.remove_pointer(pointer).unwrap();
            prop_assert_eq!(Value::from(&value), removed_model);
            prop_assert_eq!(Value::from(&removed), model.clone());
            prop_assert_eq!(Value::from(&frozen.without_pointer(pointer).unwrap()), model);
        }
    }
}

#[test]
fn macro_matches_json_macro() {
    let name = "ada";
    let key = String::from("computed");
    let list = vec![1, 2];
    let cases: Vec<(FrozenValue, Value)> = vec![
        (frozen_value!(null), json!(null)),
        (frozen_value!(true), json!(true)),
        (frozen_value!(false), json!(false)),
        (frozen_value!(-7), json!(-7)),
        (frozen_value!(u64::MAX), json!(u64::MAX)),
        (frozen_value!(1.5), json!(1.5)),
        (frozen_value!("s"), json!("s")),
        (frozen_value!([]), json!([])),
        (frozen_value!({}), json!({})),
        (
            frozen_value!([null, true, false, 1, "x", [], {}, [1,], {"a": 1,},]),
            json!([null, true, false, 1, "x", [], {}, [1,], {"a": 1,},]),
        ),
        (
            frozen_value!({"name": name, (key.clone()): 1 + 2, "list": (list.clone()), "n": {"m": null}, "b": false, "t": true}),
            json!({"name": name, key.clone(): 1 + 2, "list": list, "n": {"m": null}, "b": false, "t": true}),
        ),
        (
            frozen_value!({"dup": 1, "dup": 2}),
            json!({"dup": 1, "dup": 2}),
        ),
        (
            frozen_value!([f64::NAN, None::<u8>, Some("x"), ()]),
            json!([f64::NAN, None::<u8>, Some("x"), ()]),
        ),
        (frozen_value!({name: 1}), json!({name: 1})),
    ];
    for (frozen, expected) in cases {
        assert_eq!(Value::from(&frozen), expected, "{frozen:?}");
    }
    // Interpolating other frozen values shares them.
    let inner = frozen_value!([1, 2, 3]);
    let outer = frozen_value!({"inner": inner.clone(), "again": [inner.clone()]});
    assert!(outer["inner"].ptr_eq(&inner) && outer["again"][0].ptr_eq(&inner));
}

#[test]
fn from_std_types() {
    assert_eq!(FrozenValue::from(true), json_to_frozen(json!(true)));
    assert_eq!(FrozenValue::from(3u8), json_to_frozen(json!(3)));
    assert_eq!(FrozenValue::from(-3i16), json_to_frozen(json!(-3)));
    assert_eq!(
        FrozenValue::from(usize::MAX).as_u64(),
        Some(usize::MAX as u64)
    );
    assert_eq!(
        FrozenValue::from(isize::MIN).as_i64(),
        Some(isize::MIN as i64)
    );
    assert_eq!(FrozenValue::from(0.5f32), json_to_frozen(json!(0.5)));
    assert_eq!(FrozenValue::from(f64::INFINITY), FrozenValue::Null);
    assert_eq!(FrozenValue::from("x"), FrozenValue::from(String::from("x")));
    assert_eq!(
        FrozenValue::from(FrozenStr::from("x")),
        FrozenValue::from("x")
    );
    assert_eq!(
        FrozenValue::from(std::borrow::Cow::Borrowed("x")),
        FrozenValue::from("x")
    );
    assert_eq!(FrozenValue::from(vec![1, 2]), json_to_frozen(json!([1, 2])));
    assert_eq!(
        FrozenValue::from(&[1, 2][..]),
        json_to_frozen(json!([1, 2]))
    );
    assert_eq!(FrozenValue::from([1, 2]), json_to_frozen(json!([1, 2])));
    assert_eq!(FrozenValue::from(Some(1)), json_to_frozen(json!(1)));
    assert_eq!(FrozenValue::from(None::<i32>), FrozenValue::Null);
    assert_eq!(FrozenValue::from(()), FrozenValue::Null);
    let hash: HashMap<String, i32> = [("b".to_string(), 2), ("a".to_string(), 1)].into();
    let tree: BTreeMap<&str, i32> = [("b", 2), ("a", 1)].into();
    assert_eq!(
        FrozenValue::from(hash),
        json_to_frozen(json!({"a": 1, "b": 2}))
    );
    assert_eq!(
        FrozenValue::from(tree),
        json_to_frozen(json!({"a": 1, "b": 2}))
    );
    let collected: FrozenValue = (1..=3).collect();
    assert_eq!(collected, json_to_frozen(json!([1, 2, 3])));
    let collected: FrozenValue = [("k", "v")].into_iter().collect();
    assert_eq!(collected, json_to_frozen(json!({"k": "v"})));
    let bytes = FrozenValue::from(FrozenBytes::from(vec![1, 2]));
    assert_eq!(bytes.as_bytes().map(|b| b.to_vec()), Some(vec![1, 2]));
    assert_eq!(Value::from(&bytes), json!([1, 2]));
    assert_eq!(FrozenValue::default(), FrozenValue::Null);
    assert_eq!(FrozenValue::from(Number::from(5)), frozen_value!(5));
    assert_eq!(FrozenValue::from(FrozenArray::new()), frozen_value!([]));
    assert_eq!(FrozenValue::from(FrozenObject::new()), frozen_value!({}));
}

fn json_to_frozen(json: Value) -> FrozenValue {
    FrozenValue::from(json)
}

#[test]
fn numbers_compare_like_serde_json() {
    // serde_json: a non-negative integer is one number whatever its type; 1 and 1.0 differ.
    assert_eq!(frozen_value!(1u8), frozen_value!(1i64));
    assert_ne!(frozen_value!(1), frozen_value!(1.0));
    assert_eq!(json!(1u8), json!(1i64));
    assert_ne!(json!(1), json!(1.0));
    // Comparisons with scalars, as serde_json's `PartialEq` impls.
    let v = frozen_value!({"n": 1, "s": "x", "b": true, "f": 2.0});
    assert!(v["n"] == 1 && v["n"] == 1u64 && v["n"] == 1.0 && v["s"] == "x" && v["b"] == true);
    assert!(v["f"] == 2.0 && v["f"] != 2 && "x" == v["s"]);
}

#[test]
fn pointer_errors_say_why_and_where() {
    let v = frozen_value!({"a": [1, 2], "s": "x", "o": {}});
    let error = |p: &str| v.with_pointer(p, 0).unwrap_err();
    let cases = [
        ("a", PointerErrorKind::MissingSlash, "a"),
        ("/a~2", PointerErrorKind::BadEscape, "/a~2"),
        ("/a~", PointerErrorKind::BadEscape, "/a~"),
        ("/a/x", PointerErrorKind::BadIndex, "/a/x"),
        ("/a/01", PointerErrorKind::BadIndex, "/a/01"),
        ("/a/3", PointerErrorKind::IndexOutOfRange, "/a/3"),
        ("/a/2/b", PointerErrorKind::IndexOutOfRange, "/a/2"),
        ("/a/-/b", PointerErrorKind::NotFound, "/a/-"),
        ("/missing/b", PointerErrorKind::NotFound, "/missing"),
        ("/s/b", PointerErrorKind::NotAContainer, "/s/b"),
        ("/a/0/b", PointerErrorKind::NotAContainer, "/a/0/b"),
    ];
    for (pointer, kind, location) in cases {
        let e = error(pointer);
        assert_eq!((e.kind(), e.location()), (kind, location), "{pointer}");
        assert!(!e.to_string().is_empty());
        let _: &dyn std::error::Error = &e;
    }
    // Appending: `-` and `len` append; removal needs an existing value.
    assert_eq!(
        v.with_pointer("/a/-", 3).unwrap()["a"],
        frozen_value!([1, 2, 3])
    );
    assert_eq!(
        v.with_pointer("/a/2", 3).unwrap()["a"],
        frozen_value!([1, 2, 3])
    );
    assert_eq!(
        v.with_pointer("/o/new", 3).unwrap()["o"],
        frozen_value!({"new": 3})
    );
    assert_eq!(v.with_pointer("", 3).unwrap(), frozen_value!(3));
    assert_eq!(
        v.without_pointer("/a/2").unwrap_err().kind(),
        PointerErrorKind::IndexOutOfRange
    );
    assert_eq!(
        v.without_pointer("/a/-").unwrap_err().kind(),
        PointerErrorKind::NotFound
    );
    assert_eq!(
        v.without_pointer("/o/x").unwrap_err().kind(),
        PointerErrorKind::NotFound
    );
    assert_eq!(
        v.without_pointer("").unwrap_err().kind(),
        PointerErrorKind::RemoveRoot
    );
    // A failed in-place edit leaves the value unchanged.
    let mut w = v.clone();
    assert!(w.set_pointer("/a/9", 1).is_err() && w.remove_pointer("/zz").is_err());
    assert!(w.ptr_eq(&v));
    // Escapes name keys with '/' and '~'.
    let e = frozen_value!({"a/b": {"~": 1}});
    assert_eq!(
        e.with_pointer("/a~1b/~0", 2).unwrap(),
        frozen_value!({"a/b": {"~": 2}})
    );
}

#[test]
fn objects_keep_the_last_of_repeated_keys_and_sort() {
    let o: FrozenObject = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)]
        .into_iter()
        .collect();
    let members: Vec<(&str, i64)> = o
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_i64().unwrap()))
        .collect();
    assert_eq!(members, [("a", 5), ("b", 3), ("c", 4)]);
    let parsed: FrozenValue = serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).unwrap();
    let model: Value = serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).unwrap();
    assert_eq!(Value::from(&parsed), model);
}

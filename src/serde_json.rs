//! Conversions between [`FrozenValue`] and [`serde_json::Value`] (feature `serde_json`).
//!
//! Both directions are `From` impls that walk the tree with an explicit stack, so documents of
//! any depth convert without recursion. Numbers convert exactly (`i64`, `u64` and `f64` on both
//! sides); objects keep their members (in key order); [`FrozenValue::Bytes`], which JSON does
//! not have, becomes an array of numbers, as `serde_json` serializes bytes.
//!
//! ```
//! use deepfreeze::{frozen_value, FrozenValue};
//!
//! let json = serde_json::json!({"a": [1, -2, 0.5, "x", null, true]});
//! let frozen = FrozenValue::from(json.clone());
//! assert_eq!(frozen, frozen_value!({"a": [1, -2, 0.5, "x", null, true]}));
//! assert_eq!(serde_json::Value::from(frozen), json);
//! ```

use ::serde_json::{Map, Number as JsonNumber, Value};

use crate::value::Number;
use crate::{FrozenArray, FrozenObject, FrozenStr, FrozenValue};

/// A container being converted: its key (if it is an object member) and what is built so far.
enum Building<K, V> {
    Array(Option<K>, Vec<V>),
    Object(Option<K>, Vec<(K, V)>),
}

impl From<Value> for FrozenValue {
    fn from(root: Value) -> Self {
        /// Children still to convert, in reverse order (popped from the end).
        enum Work {
            Value(Option<FrozenStr>, Value),
            Close,
        }
        let mut work = vec![Work::Value(None, root)];
        let mut open: Vec<Building<FrozenStr, FrozenValue>> = Vec::new();
        let mut done = FrozenValue::Null;
        while let Some(item) = work.pop() {
            let (key, value) = match item {
                Work::Value(key, Value::Array(items)) => {
                    open.push(Building::Array(key, Vec::with_capacity(items.len())));
                    work.push(Work::Close);
                    work.extend(items.into_iter().rev().map(|v| Work::Value(None, v)));
                    continue;
                }
                Work::Value(key, Value::Object(members)) => {
                    open.push(Building::Object(key, Vec::with_capacity(members.len())));
                    work.push(Work::Close);
                    let members: Vec<_> = members.into_iter().collect();
                    work.extend(
                        members
                            .into_iter()
                            .rev()
                            .map(|(k, v)| Work::Value(Some(FrozenStr::from(k)), v)),
                    );
                    continue;
                }
                Work::Value(key, leaf) => (key, leaf_from_json(leaf)),
                Work::Close => match open.pop() {
                    Some(Building::Array(key, items)) => {
                        (key, FrozenValue::Array(FrozenArray::from(items)))
                    }
                    Some(Building::Object(key, members)) => (
                        key,
                        FrozenValue::Object(FrozenObject::from_members(members)),
                    ),
                    None => continue,
                },
            };
            match (open.last_mut(), key) {
                (Some(Building::Array(_, items)), _) => items.push(value),
                (Some(Building::Object(_, members)), Some(key)) => members.push((key, value)),
                (Some(Building::Object(..)), None) | (None, _) => done = value,
            }
        }
        done
    }
}

fn leaf_from_json(leaf: Value) -> FrozenValue {
    match leaf {
        Value::Bool(b) => FrozenValue::Bool(b),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                FrozenValue::from(u)
            } else if let Some(i) = n.as_i64() {
                FrozenValue::from(i)
            } else {
                FrozenValue::from(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => FrozenValue::String(FrozenStr::from(s)),
        Value::Null | Value::Array(_) | Value::Object(_) => FrozenValue::Null,
    }
}

fn number_to_json(n: &Number) -> Value {
    if let Some(u) = n.as_u64() {
        Value::from(u)
    } else if let Some(i) = n.as_i64() {
        Value::from(i)
    } else {
        n.as_f64()
            .and_then(JsonNumber::from_f64)
            .map_or(Value::Null, Value::Number)
    }
}

impl From<&FrozenValue> for Value {
    fn from(root: &FrozenValue) -> Self {
        enum Work<'a> {
            Value(Option<&'a FrozenStr>, &'a FrozenValue),
            Close,
        }
        let mut work = vec![Work::Value(None, root)];
        let mut open: Vec<Building<String, Value>> = Vec::new();
        let mut done = Value::Null;
        while let Some(item) = work.pop() {
            let (key, value) = match item {
                Work::Value(key, FrozenValue::Array(items)) => {
                    open.push(Building::Array(
                        key.map(|k| k.to_string()),
                        Vec::with_capacity(items.len()),
                    ));
                    work.push(Work::Close);
                    work.extend(items.iter().rev().map(|v| Work::Value(None, v)));
                    continue;
                }
                Work::Value(key, FrozenValue::Object(members)) => {
                    open.push(Building::Object(
                        key.map(|k| k.to_string()),
                        Vec::with_capacity(members.len()),
                    ));
                    work.push(Work::Close);
                    work.extend(members.iter().rev().map(|(k, v)| Work::Value(Some(k), v)));
                    continue;
                }
                Work::Value(key, leaf) => (
                    key.map(|k| k.to_string()),
                    match leaf {
                        FrozenValue::Bool(b) => Value::Bool(*b),
                        FrozenValue::Number(n) => number_to_json(n),
                        FrozenValue::String(s) => Value::String(s.to_string()),
                        FrozenValue::Bytes(b) => b.iter().copied().collect(),
                        _ => Value::Null,
                    },
                ),
                Work::Close => match open.pop() {
                    Some(Building::Array(key, items)) => (key, Value::Array(items)),
                    Some(Building::Object(key, members)) => (
                        key,
                        Value::Object(members.into_iter().collect::<Map<_, _>>()),
                    ),
                    None => continue,
                },
            };
            match (open.last_mut(), key) {
                (Some(Building::Array(_, items)), _) => items.push(value),
                (Some(Building::Object(_, members)), Some(key)) => members.push((key, value)),
                (Some(Building::Object(..)), None) | (None, _) => done = value,
            }
        }
        done
    }
}

impl From<FrozenValue> for Value {
    fn from(value: FrozenValue) -> Self {
        Value::from(&value)
    }
}

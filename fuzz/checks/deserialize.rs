//! Deserializing arbitrary bytes into each frozen type, with serde_json and postcard. The first
//! byte picks the type and the format, the rest is the input. Whatever happens must not panic;
//! a value that deserializes must serialize, and what it serializes to must deserialize to an
//! equal value. Each frozen type is also checked against its std equivalent, which has the same
//! wire shape: the two accept the same inputs (`FrozenBytes` accepts more: strings and sequences
//! too), give equal values, and the ordered ones serialize to the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Debug;

use deepfreeze::{
    Frozen, FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A recursive frozen type: every level nests through a frozen container, so
/// [`deepfreeze::serde::MAX_DEPTH`] bounds the recursion.
#[derive(Frozen, Serialize, Deserialize, Debug, Clone, PartialEq)]
pub enum Tree {
    Leaf(u32),
    Node(FrozenArc<Tree>),
    List(FrozenVec<Tree>),
    Named {
        name: FrozenStr,
        child: FrozenArc<Tree>,
    },
    Table(FrozenOrdMap<u8, Tree>),
}

#[derive(Clone, Copy, Debug)]
enum Format {
    Json,
    Postcard,
}

fn from_bytes<T: DeserializeOwned>(format: Format, input: &[u8]) -> Option<T> {
    match format {
        Format::Json => serde_json::from_slice(input).ok(),
        Format::Postcard => postcard::from_bytes(input).ok(),
    }
}

fn to_bytes<T: Serialize + Debug>(format: Format, value: &T) -> Vec<u8> {
    match format {
        Format::Json => serde_json::to_vec(value).map_err(|e| e.to_string()),
        Format::Postcard => postcard::to_allocvec(value).map_err(|e| e.to_string()),
    }
    .unwrap_or_else(|e| panic!("{value:?} deserialized but does not serialize: {e}"))
}

/// What a frozen type owes its std twin `M`.
#[derive(Clone, Copy, PartialEq)]
enum Twin {
    /// Same inputs accepted, same values, same serialized bytes.
    Exact,
    /// Same inputs accepted and same values; serialized order may differ (hash containers).
    Unordered,
    /// The frozen type accepts every input `M` does, and more.
    Wider,
}

/// Runs one frozen type `F` and its std twin `M` on `input`; `same` compares their values.
fn check<F, M>(format: Format, input: &[u8], twin: Twin, same: impl Fn(&F, &M) -> bool)
where
    F: Serialize + DeserializeOwned + PartialEq + Debug,
    M: Serialize + DeserializeOwned + Debug,
{
    let frozen = from_bytes::<F>(format, input);
    let model = from_bytes::<M>(format, input);
    match (&frozen, &model) {
        (Some(f), Some(m)) => {
            assert!(same(f, m), "{format:?}: {f:?} differs from std's {m:?}");
            if twin == Twin::Exact {
                assert_eq!(
                    to_bytes(format, f),
                    to_bytes(format, m),
                    "{format:?}: wire shape"
                );
            }
        }
        (None, Some(m)) => panic!("{format:?}: std accepts {m:?}, the frozen type does not"),
        (Some(f), None) if twin != Twin::Wider => {
            panic!("{format:?}: the frozen type accepts {f:?}, std does not")
        }
        _ => {}
    }
    if let Some(f) = frozen {
        round_trip(format, &f);
    }
}

/// `value` serializes, and reads back equal.
fn round_trip<F: Serialize + DeserializeOwned + PartialEq + Debug>(format: Format, value: &F) {
    let bytes = to_bytes(format, value);
    let back: F = match format {
        Format::Json => serde_json::from_slice(&bytes).map_err(|e| e.to_string()),
        Format::Postcard => postcard::from_bytes(&bytes).map_err(|e| e.to_string()),
    }
    .unwrap_or_else(|e| panic!("{format:?}: {value:?} serialized but does not read back: {e}"));
    assert_eq!(&back, value, "{format:?}: round trip");
}

pub fn run(data: &[u8]) {
    let Some((&pick, input)) = data.split_first() else {
        return;
    };
    let format = if pick & 1 == 0 {
        Format::Json
    } else {
        Format::Postcard
    };
    match (pick >> 1) % 9 {
        0 => check(format, input, Twin::Exact, |f: &FrozenStr, m: &String| {
            f == m
        }),
        1 => check(
            format,
            input,
            Twin::Wider,
            |f: &FrozenBytes, m: &Vec<u8>| f == m,
        ),
        2 => check(
            format,
            input,
            Twin::Exact,
            |f: &FrozenSlice<u32>, m: &Vec<u32>| f == m,
        ),
        3 => check(
            format,
            input,
            Twin::Exact,
            |f: &FrozenVec<FrozenStr>, m: &Vec<String>| f.iter().eq(m.iter()),
        ),
        4 => check(
            format,
            input,
            Twin::Unordered,
            |f: &FrozenMap<FrozenStr, u32>, m: &HashMap<String, u32>| {
                f.len() == m.len() && m.iter().all(|(k, v)| f.get(k.as_str()) == Some(v))
            },
        ),
        5 => check(
            format,
            input,
            Twin::Unordered,
            |f: &FrozenSet<u16>, m: &HashSet<u16>| {
                f.len() == m.len() && m.iter().all(|x| f.contains(x))
            },
        ),
        6 => check(
            format,
            input,
            Twin::Exact,
            |f: &FrozenOrdMap<u16, FrozenStr>, m: &BTreeMap<u16, String>| {
                f.len() == m.len() && f.iter().zip(m).all(|((a, b), (c, d))| a == c && b == d)
            },
        ),
        7 => check(
            format,
            input,
            Twin::Exact,
            |f: &FrozenOrdSet<i32>, m: &BTreeSet<i32>| f == m,
        ),
        _ => {
            if let Some(tree) = from_bytes::<FrozenArc<Tree>>(format, input) {
                round_trip(format, &tree);
            }
        }
    }
}

//! docs/DESIGN.md §1's records (a string, a `Vec<u64>` and a 4-entry map each), built from frozen types
//! and from std types with the same contents. Shared by `examples/share.rs` and `benches/share.rs`.

use deepfreeze::{Frozen, FrozenMap, FrozenSlice, FrozenStr, FrozenVec};
use std::collections::HashMap;

/// A record of frozen types; cloning it clones three handles.
#[derive(Clone, Frozen)]
pub(crate) struct FrozenRecord {
    name: FrozenStr,
    samples: FrozenSlice<u64>,
    tags: FrozenMap<FrozenStr, u64>,
}

/// The same record of std types.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct StdRecord {
    name: String,
    samples: Vec<u64>,
    tags: HashMap<String, u64>,
}

const TAGS: [&str; 4] = ["camera", "region", "owner", "priority"];

/// `n` records as frozen types and as std types, equal field by field.
pub(crate) fn build(n: usize) -> (FrozenVec<FrozenRecord>, Vec<StdRecord>) {
    let owned: Vec<StdRecord> = (0..n as u64)
        .map(|i| StdRecord {
            name: format!("record-{i}"),
            samples: (i..i + 8).collect(),
            tags: TAGS
                .iter()
                .zip(i..)
                .map(|(t, v)| (t.to_string(), v))
                .collect(),
        })
        .collect();
    let frozen = owned
        .iter()
        .map(|r| FrozenRecord {
            name: FrozenStr::from(r.name.as_str()),
            samples: FrozenSlice::from(r.samples.clone()),
            tags: r
                .tags
                .iter()
                .map(|(k, v)| (FrozenStr::from(k.as_str()), *v))
                .collect(),
        })
        .collect();
    (frozen, owned)
}

/// Reads three fields of the middle record.
pub(crate) fn read_frozen(records: &FrozenVec<FrozenRecord>) -> u64 {
    records.get(records.len() / 2).map_or(0, |r| {
        r.name.len() as u64 + r.samples[7] + r.tags.get("owner").copied().unwrap_or(0)
    })
}

/// Reads the same three fields of the middle record.
pub(crate) fn read_std(records: &[StdRecord]) -> u64 {
    records.get(records.len() / 2).map_or(0, |r| {
        r.name.len() as u64 + r.samples[7] + r.tags.get("owner").copied().unwrap_or(0)
    })
}

//! `use deepfreeze::prelude::*` brings the trait, the derive and every frozen type, and sits
//! beside imports of the crates the features integrate (a glob of the crate root does not: its
//! `serde`, `proptest`, `arbitrary` and `arc_swap` modules make those names ambiguous).
#![cfg(all(feature = "serde", feature = "arc-swap", feature = "arbitrary"))]
#![allow(unused_imports)]

use deepfreeze::prelude::*;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

#[allow(dead_code)]
mod beside_every_integrated_crate {
    use arbitrary::Arbitrary;
    use arc_swap::ArcSwapAny;
    use deepfreeze::prelude::*;
    use proptest::strategy::Strategy;
    use serde::de::DeserializeOwned;
}

#[derive(Frozen, Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Record {
    name: FrozenStr,
    bytes: FrozenBytes,
    items: FrozenSlice<u8>,
    history: FrozenVec<u32>,
    index: FrozenMap<FrozenStr, u32>,
    tags: FrozenSet<FrozenStr>,
    sorted: FrozenOrdMap<u32, FrozenStr>,
    ranks: FrozenOrdSet<u32>,
}

#[test]
fn the_prelude_names_every_frozen_type_and_the_derive() {
    let record = Record {
        name: FrozenStr::from("r"),
        bytes: FrozenBytes::from(&b"ab"[..]),
        items: FrozenSlice::from(vec![1, 2]),
        history: (0..3).collect(),
        index: [(FrozenStr::from("a"), 1)].into_iter().collect(),
        tags: [FrozenStr::from("t")].into_iter().collect(),
        sorted: [(1, FrozenStr::from("one"))].into_iter().collect(),
        ranks: [3, 1].into_iter().collect(),
    };
    let json = serde_json::to_string(&record).unwrap();
    let back: Record = serde_json::from_str(&json).unwrap();
    assert_eq!(back, record);
    let shared: FrozenArc<Record> = UniqueArc::freeze(UniqueArc::new(back));
    fn frozen<T: Frozen>(_: &T) {}
    frozen(&shared);
    assert_eq!(shared.history.len(), 3);
}

proptest! {
    #[test]
    fn proptest_prelude_and_deepfreeze_prelude_coexist(v in any::<Vec<u8>>()) {
        let frozen: FrozenVec<u8> = v.iter().copied().collect();
        prop_assert_eq!(frozen.len(), v.len());
    }
}

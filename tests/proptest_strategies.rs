//! The proptest strategies and `Arbitrary` impls: sizes respect the parameters, values are valid,
//! and shrinking works through the conversion (feature `proptest`).
#![cfg(feature = "proptest")]

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::ops::RangeInclusive;

use deepfreeze::proptest::{
    FrozenStrategy, arc, bytes, hash_map, hash_set, ord_map, ord_set, slice, str_of, string, vec,
};
use deepfreeze::{
    FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};
use proptest::collection::SizeRange;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{TestCaseError, TestRunner};

/// How many values each test draws.
const SAMPLES: usize = if cfg!(miri) { 4 } else { 128 };

/// `SAMPLES` values of `strategy`, from a deterministic runner.
fn sample<S: Strategy>(strategy: S) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..SAMPLES)
        .map(|_| strategy.new_tree(&mut runner).expect("generate").current())
        .collect()
}

/// Checks every sample's length lies in `range`, and that the extremes are reached when the
/// range is small (so the parameter is really used, not just an upper bound).
fn lengths_within<T>(values: &[T], len: impl Fn(&T) -> usize, range: RangeInclusive<usize>) {
    let seen: BTreeSet<usize> = values.iter().map(len).collect();
    assert!(
        seen.iter().all(|l| range.contains(l)),
        "lengths {seen:?} outside {range:?}"
    );
    if range.end() - range.start() <= 3 && !cfg!(miri) {
        assert!(
            seen.contains(range.start()) && seen.contains(range.end()),
            "lengths {seen:?} of {range:?}"
        );
    }
}

#[test]
fn vec_respects_size_and_element_strategy() {
    let values = sample(vec(10..20_u32, 2..=5));
    lengths_within(&values, FrozenVec::len, 2..=5);
    assert!(values.iter().flatten().all(|x| (10..20).contains(x)));
    lengths_within(&sample(vec(any::<u8>(), 7)), FrozenVec::len, 7..=7);
    lengths_within(&sample(vec(any::<u8>(), 0..300)), FrozenVec::len, 0..=299);
}

#[test]
fn slice_and_bytes_respect_size() {
    let values = sample(slice(-3..3_i8, 0..4));
    lengths_within(&values, |s| s.len(), 0..=3);
    assert!(values.iter().all(|s| s.iter().all(|x| (-3..3).contains(x))));
    lengths_within(&sample(bytes(16)), |b| b.len(), 16..=16);
    lengths_within(&sample(bytes(1..=2)), |b| b.len(), 1..=2);
}

#[test]
fn hash_containers_have_the_asked_number_of_distinct_keys() {
    let maps = sample(hash_map(any::<u16>(), 0..2_u8, 3..=6));
    lengths_within(&maps, FrozenMap::len, 3..=6);
    for map in &maps {
        assert_eq!(map.keys().collect::<BTreeSet<_>>().len(), map.len());
        assert!(map.values().all(|v| *v < 2));
    }
    let sets = sample(hash_set(0..50_u8, 10));
    lengths_within(&sets, FrozenSet::len, 10..=10);
    for set in &sets {
        assert!(set.iter().all(|x| *x < 50));
        assert_eq!(set.iter().collect::<BTreeSet<_>>().len(), 10);
    }
}

#[test]
fn ordered_containers_are_sorted_and_sized() {
    let maps = sample(ord_map("[a-d]{1,2}", any::<bool>(), 0..=4));
    lengths_within(&maps, FrozenOrdMap::len, 0..=4);
    for map in &maps {
        let keys: Vec<&String> = map.keys().collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        assert!(keys.iter().all(|k| (1..=2).contains(&k.len())));
    }
    let sets = sample(ord_set(any::<i32>(), 1..3));
    lengths_within(&sets, FrozenOrdSet::len, 1..=2);
    for set in &sets {
        let items: Vec<&i32> = set.iter().collect();
        assert!(items.windows(2).all(|w| w[0] < w[1]));
    }
}

#[test]
fn strings_match_their_regex() {
    for s in sample(string("[x-z]{2,4}-[0-9]").unwrap()) {
        let (letters, digit) = s.split_once('-').expect("dash");
        assert!(
            (2..=4).contains(&letters.len()) && letters.bytes().all(|b| (b'x'..=b'z').contains(&b)),
            "{s}"
        );
        assert!(
            digit.len() == 1 && digit.as_bytes()[0].is_ascii_digit(),
            "{s}"
        );
    }
    assert!(string("[unclosed").is_err());
    // A Unicode class: proptest compiles it into a large automaton, which Miri runs for many
    // minutes without touching this crate's code.
    if !cfg!(miri) {
        let values = sample(str_of("\\PC{0,40}"));
        assert!(
            values
                .iter()
                .all(|s| s.chars().count() <= 40 && !s.chars().any(char::is_control))
        );
        assert!(
            values.iter().any(|s| !s.is_ascii()),
            "non-ASCII strings are generated too"
        );
    }
    let custom = sample(str_of(Just(String::from("fixed"))));
    assert!(custom.iter().all(|s| &**s == "fixed"));
}

#[test]
fn arc_wraps_each_value() {
    let values = sample(arc(vec(any::<u8>(), 3)));
    assert!(values.iter().all(|a| a.len() == 3));
    // Values are independent allocations.
    assert!(!FrozenArc::ptr_eq(&values[0], &values[1]));
}

#[test]
fn strategies_compose() {
    let nested = sample(vec(arc(str_of("[a-z]{3}")), 2));
    assert!(
        nested
            .iter()
            .all(|v| v.len() == 2 && v.iter().all(|s| s.len() == 3))
    );
    let maps = sample(ord_map(any::<u8>(), vec(any::<bool>(), 1), 1));
    assert!(
        maps.iter()
            .all(|m| m.len() == 1 && m.values().all(|v| v.len() == 1))
    );
}

/// Runs a property that fails for `fails`, and returns the input proptest shrinks it to.
fn minimal_failure<S>(strategy: S, fails: impl Fn(&S::Value) -> bool) -> S::Value
where
    S: Strategy,
    S::Value: Clone + Debug,
{
    let mut runner = TestRunner::new(ProptestConfig {
        cases: if cfg!(miri) { 16 } else { 256 },
        // Proptest's default stops shrinking after 4 x `cases` steps: 64 under Miri, too few to
        // reach the minimum (it stopped at [380, 2818691529, 2774526484]).
        max_shrink_iters: 10_000,
        // The failures are the point here (the test measures shrinking), not regressions to keep.
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let result = runner.run(&strategy, |value| {
        if fails(&value) {
            Err(TestCaseError::fail("failing input"))
        } else {
            Ok(())
        }
    });
    match result {
        Err(proptest::test_runner::TestError::Fail(_, value)) => value,
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn shrinking_goes_through_the_conversion() {
    // "Fewer than 3 elements" fails; the minimal counterexample is exactly 3 zeros.
    let min = minimal_failure(vec(any::<u32>(), 0..50), |v| v.len() >= 3);
    assert_eq!(min.iter().copied().collect::<Vec<_>>(), [0, 0, 0]);
    let min = minimal_failure(bytes(0..50), |b| b.len() >= 2);
    assert_eq!(&*min, &[0, 0]);
    let min = minimal_failure(ord_map(any::<u8>(), any::<u8>(), 0..20), |m| m.len() >= 2);
    assert_eq!(min.len(), 2);
    assert!(min.values().all(|v| *v == 0));
    let min = minimal_failure(str_of("[a-z]{0,20}"), |s| s.len() >= 4);
    assert_eq!(&*min, "aaaa");
}

#[test]
fn value_tree_shrinks_to_the_minimum() {
    let mut tree = vec(10..20_u8, 5)
        .new_tree(&mut TestRunner::deterministic())
        .unwrap();
    while tree.simplify() {}
    assert_eq!(tree.current().iter().copied().collect::<Vec<_>>(), [10; 5]);
}

#[test]
fn strategies_can_be_named_and_cloned() {
    struct Holder {
        strategy: FrozenStrategy<
            proptest::collection::VecStrategy<proptest::num::u8::Any>,
            FrozenVec<u8>,
        >,
    }
    let holder = Holder {
        strategy: vec(any::<u8>(), 4),
    };
    let copy = holder.strategy.clone();
    assert!(sample(copy).iter().all(|v| v.len() == 4));
    assert!(format!("{:?}", holder.strategy).contains("FrozenStrategy"));
}

#[test]
fn arbitrary_covers_every_type() {
    fn all<T: Arbitrary>(valid: impl Fn(&T) -> bool) {
        let values = sample(any::<T>());
        assert!(values.iter().all(valid), "{}", std::any::type_name::<T>());
    }
    all::<FrozenArc<u8>>(|_| true);
    // `FrozenStr`'s default strategy compiles proptest's Unicode regex `\PC*`, which takes Miri
    // half an hour and runs none of this crate's code; `str_of` covers the conversion there.
    if !cfg!(miri) {
        all::<FrozenStr>(|s| !s.chars().any(char::is_control));
        all::<FrozenVec<FrozenStr>>(|v| v.len() < 100);
        all::<FrozenOrdMap<FrozenStr, u8>>(|m| m.keys().zip(m.keys().skip(1)).all(|(a, b)| a < b));
    }
    all::<FrozenBytes>(|b| b.len() < 100);
    all::<FrozenSlice<i16>>(|s| s.len() < 100);
    all::<FrozenMap<u8, FrozenVec<u8>>>(|m| m.keys().collect::<BTreeSet<_>>().len() == m.len());
    all::<FrozenSet<i64>>(|s| s.len() < 100);
    all::<FrozenOrdMap<u16, u8>>(|m| m.keys().zip(m.keys().skip(1)).all(|(a, b)| a < b));
    all::<FrozenOrdSet<char>>(|s| s.iter().zip(s.iter().skip(1)).all(|(a, b)| a < b));
    all::<FrozenMap<u8, u8, std::hash::BuildHasherDefault<std::hash::DefaultHasher>>>(|m| {
        m.len() < 100
    });
}

#[test]
fn arbitrary_takes_the_std_parameters() {
    let size = |r: RangeInclusive<usize>| SizeRange::from(r);
    let vecs = sample(any_with::<FrozenVec<u8>>((size(3..=3), ())));
    assert!(vecs.iter().all(|v| v.len() == 3));
    let strs = sample(any_with::<FrozenStr>("[q]{2}".into()));
    assert!(strs.iter().all(|s| &**s == "qq"));
    let maps = sample(any_with::<FrozenOrdMap<u16, u8>>((size(5..=5), (), ())));
    assert!(maps.iter().all(|m| m.len() == 5));
    let bytes = sample(any_with::<FrozenBytes>((size(0..=1), ())));
    assert!(bytes.iter().all(|b| b.len() <= 1));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: if cfg!(miri) { 4 } else { 64 }, ..ProptestConfig::default() })]

    #[test]
    fn frozen_vec_matches_its_std_source(v in vec(any::<u16>(), 0..100)) {
        let std: Vec<u16> = v.iter().copied().collect();
        prop_assert_eq!(std.len(), v.len());
        let again: FrozenVec<u16> = std.into_iter().collect();
        prop_assert_eq!(again, v);
    }

    #[test]
    fn any_frozen_set_has_distinct_elements(set in any::<FrozenSet<u8>>()) {
        prop_assert_eq!(set.iter().collect::<BTreeSet<_>>().len(), set.len());
    }
}

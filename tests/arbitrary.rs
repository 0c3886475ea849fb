//! `Arbitrary` for every frozen type (feature `arbitrary`): built from fixed byte buffers, each
//! frozen value equals the std value built from the same bytes, consumes the same bytes, and
//! keeps its invariants.
#![cfg(feature = "arbitrary")]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Debug;
use std::hash::{BuildHasherDefault, DefaultHasher};
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use deepfreeze::{
    FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};

/// Fixed inputs: empty, tiny, patterned, and pseudo-random buffers of several lengths, built
/// once and kept in a static, so values borrowing them (`&str`, `&[u8]`) can live for `'a`.
fn buffers() -> &'static [Vec<u8>] {
    static BUFFERS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    BUFFERS.get_or_init(make_buffers)
}

fn make_buffers() -> Vec<Vec<u8>> {
    let mut out = vec![
        vec![],
        vec![0],
        vec![0xff],
        vec![1, 2, 3],
        vec![0xff; 64],
        (0..=255).collect(),
    ];
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let lengths: &[usize] = if cfg!(miri) {
        &[17, 200]
    } else {
        &[7, 33, 100, 1000, 4096]
    };
    for &len in lengths {
        out.push(
            (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 24) as u8
                })
                .collect(),
        );
    }
    out
}

/// Builds `F` and `S` from the same bytes (with `arbitrary` and with `arbitrary_take_rest`),
/// checks `same(frozen, std)`, that both consumed the same number of bytes, and that `F` has the
/// same `size_hint` as `S`.
fn agrees_with_std<'a, F, S>(same: impl Fn(&F, &S) -> bool)
where
    F: Arbitrary<'a> + Debug,
    S: Arbitrary<'a> + Debug,
{
    assert_eq!(
        F::size_hint(0),
        S::size_hint(0),
        "{}",
        std::any::type_name::<F>()
    );
    for buffer in buffers() {
        let buffer: &'a [u8] = buffer;
        let mut uf = Unstructured::new(buffer);
        let mut us = Unstructured::new(buffer);
        let (f, s) = (F::arbitrary(&mut uf), S::arbitrary(&mut us));
        match (&f, &s) {
            (Ok(f), Ok(s)) => assert!(same(f, s), "{f:?} vs {s:?} from {buffer:?}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{f:?} vs {s:?} from {buffer:?}"),
        }
        assert_eq!(uf.len(), us.len(), "consumed differently: {f:?} vs {s:?}");

        let f = F::arbitrary_take_rest(Unstructured::new(buffer));
        let s = S::arbitrary_take_rest(Unstructured::new(buffer));
        match (&f, &s) {
            (Ok(f), Ok(s)) => assert!(same(f, s), "take_rest: {f:?} vs {s:?}"),
            (Err(_), Err(_)) => {}
            _ => panic!("take_rest: {f:?} vs {s:?}"),
        }
    }
}

#[test]
fn frozen_arc_is_its_value() {
    agrees_with_std::<FrozenArc<u64>, u64>(|f, s| **f == *s);
    agrees_with_std::<FrozenArc<(u8, String)>, (u8, String)>(|f, s| **f == *s);
    // The recursion guard of `size_hint` is the one of `std::sync::Arc`.
    assert_eq!(
        FrozenArc::<u32>::size_hint(0),
        std::sync::Arc::<u32>::size_hint(0)
    );
}

#[test]
fn frozen_str_is_valid_utf8_and_equals_str() {
    agrees_with_std::<FrozenStr, &str>(|f, s| &**f == *s);
    agrees_with_std::<FrozenStr, String>(|f, s| &**f == s.as_str());
    for buffer in buffers() {
        if let Ok(s) = FrozenStr::arbitrary(&mut Unstructured::new(buffer)) {
            assert!(std::str::from_utf8(s.as_bytes()).is_ok());
            assert!(s.len() <= buffer.len());
        }
    }
}

#[test]
fn frozen_bytes_equals_a_byte_slice() {
    agrees_with_std::<FrozenBytes, &[u8]>(|f, s| &**f == *s);
    let rest = FrozenBytes::arbitrary_take_rest(Unstructured::new(b"all of it")).unwrap();
    assert_eq!(&*rest, b"all of it");
}

#[test]
fn sequences_equal_vecs() {
    agrees_with_std::<FrozenSlice<u16>, Vec<u16>>(|f, s| &**f == s.as_slice());
    agrees_with_std::<FrozenVec<u16>, Vec<u16>>(|f, s| f.iter().eq(s.iter()));
    agrees_with_std::<FrozenVec<FrozenStr>, Vec<String>>(|f, s| {
        f.iter().map(|x| &**x).eq(s.iter().map(String::as_str))
    });
    agrees_with_std::<FrozenSlice<FrozenVec<u8>>, Vec<Vec<u8>>>(|f, s| {
        f.len() == s.len() && f.iter().zip(s).all(|(a, b)| a.iter().eq(b.iter()))
    });
    // A long input makes a vector deeper than one node.
    let long: Vec<u8> = (0..4000_u32).map(|i| (i * 7 + 1) as u8).collect();
    let vec = FrozenVec::<u8>::arbitrary_take_rest(Unstructured::new(&long)).unwrap();
    assert!(vec.len() > 100, "{}", vec.len());
}

#[test]
fn hash_map_len_is_the_number_of_distinct_keys() {
    agrees_with_std::<FrozenMap<u8, u32>, HashMap<u8, u32>>(|f, s| {
        f.len() == s.len()
            && s.iter()
                .all(|(k, v)| f.iter().any(|(fk, fv)| fk == k && fv == v))
    });
    agrees_with_std::<FrozenMap<FrozenStr, bool>, HashMap<String, bool>>(|f, s| {
        f.len() == s.len()
            && f.keys().map(|k| k.to_string()).collect::<HashSet<_>>()
                == s.keys().cloned().collect::<HashSet<_>>()
    });
    // Few possible keys, many entries: repeats collapse.
    let many = [0xffu8; 512];
    let map = FrozenMap::<bool, u8>::arbitrary(&mut Unstructured::new(&many)).unwrap();
    assert!(map.len() <= 2);
    let custom = FrozenMap::<u8, u8, BuildHasherDefault<DefaultHasher>>::arbitrary_take_rest(
        Unstructured::new(&[1, 2, 3, 4, 1, 9]),
    )
    .unwrap();
    let std =
        HashMap::<u8, u8>::arbitrary_take_rest(Unstructured::new(&[1, 2, 3, 4, 1, 9])).unwrap();
    assert_eq!(custom.len(), std.len());
}

#[test]
fn hash_set_len_is_the_number_of_distinct_elements() {
    agrees_with_std::<FrozenSet<u8>, HashSet<u8>>(|f, s| {
        f.len() == s.len() && s.iter().all(|x| f.contains(x))
    });
}

#[test]
fn ordered_containers_equal_btree_ones() {
    agrees_with_std::<FrozenOrdMap<u8, i16>, BTreeMap<u8, i16>>(|f, s| f.iter().eq(s.iter()));
    agrees_with_std::<FrozenOrdSet<i8>, BTreeSet<i8>>(|f, s| f.iter().eq(s.iter()));
    // `FrozenBytes` reads like `&[u8]` (a length, then the bytes in one piece).
    agrees_with_std::<FrozenOrdMap<FrozenStr, FrozenBytes>, BTreeMap<&str, &[u8]>>(|f, s| {
        f.len() == s.len()
            && f.iter()
                .zip(s)
                .all(|((fk, fv), (k, v))| &**fk == *k && &**fv == *v)
    });
}

#[test]
fn an_empty_input_gives_empty_values() {
    let mut u = Unstructured::new(&[]);
    assert!(FrozenVec::<u8>::arbitrary(&mut u).unwrap().is_empty());
    assert!(
        FrozenOrdMap::<u8, u8>::arbitrary(&mut u)
            .unwrap()
            .is_empty()
    );
    assert!(FrozenSet::<u8>::arbitrary(&mut u).unwrap().is_empty());
    assert!(FrozenStr::arbitrary(&mut u).unwrap().is_empty());
    assert!(FrozenBytes::arbitrary(&mut u).unwrap().is_empty());
    assert!(FrozenSlice::<u64>::arbitrary(&mut u).unwrap().is_empty());
}

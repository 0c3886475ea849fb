//! [arbitrary](https://docs.rs/arbitrary) support (feature `arbitrary`): [`Arbitrary`] for every
//! frozen type, so fuzz targets (`cargo fuzz`, `libfuzzer-sys`) can take frozen values, and
//! `#[derive(Arbitrary)]` (arbitrary's `derive` feature) works on types that hold them.
//!
//! Each type consumes the fuzzer's bytes exactly as its std equivalent does (`FrozenVec<T>` as
//! `Vec<T>`, `FrozenMap<K, V, S>` as `HashMap<K, V, S>`, `FrozenStr` as `&str`, ...), so a corpus
//! recorded for the std types stays meaningful. Collections are built in place as elements
//! arrive; maps keep the last value of a repeated key and sets drop repeated elements, as the std
//! types do. [`size_hint`](Arbitrary::size_hint) matches the std equivalent's.
//!
//! # Example
//!
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use deepfreeze::{FrozenOrdMap, FrozenStr, FrozenVec};
//!
//! // In a fuzz target these bytes come from the fuzzer.
//! let fuzz_bytes = [3_u8, b'a', b'b', b'c', 1, 0, 9, 0, 2, 0, 7, 0, 0, 0, 0, 2];
//! let mut u = Unstructured::new(&fuzz_bytes);
//! let (name, scores) = <(FrozenStr, FrozenOrdMap<u8, FrozenVec<u16>>)>::arbitrary(&mut u)?;
//! assert!(name.len() <= fuzz_bytes.len());
//! assert!(scores.keys().zip(scores.keys().skip(1)).all(|(a, b)| a < b));
//! # Ok::<(), arbitrary::Error>(())
//! ```

use core::hash::{BuildHasher, Hash};

use ::arbitrary::size_hint;
use ::arbitrary::{Arbitrary, MaxRecursionReached, Result, Unstructured};

use crate::{
    FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};

impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for FrozenArc<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        T::arbitrary(u).map(FrozenArc::new)
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        T::arbitrary_take_rest(u).map(FrozenArc::new)
    }

    #[inline]
    fn size_hint(depth: usize) -> (usize, Option<usize>) {
        Self::try_size_hint(depth).unwrap_or_default()
    }

    #[inline]
    fn try_size_hint(
        depth: usize,
    ) -> core::result::Result<(usize, Option<usize>), MaxRecursionReached> {
        size_hint::try_recursion_guard(depth, T::try_size_hint)
    }
}

impl<'a> Arbitrary<'a> for FrozenStr {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        <&str>::arbitrary(u).map(FrozenStr::from)
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        <&str>::arbitrary_take_rest(u).map(FrozenStr::from)
    }

    #[inline]
    fn size_hint(depth: usize) -> (usize, Option<usize>) {
        <&str>::size_hint(depth)
    }
}

impl<'a> Arbitrary<'a> for FrozenBytes {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        <&[u8]>::arbitrary(u).map(FrozenBytes::from)
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        <&[u8]>::arbitrary_take_rest(u).map(FrozenBytes::from)
    }

    #[inline]
    fn size_hint(depth: usize) -> (usize, Option<usize>) {
        <&[u8]>::size_hint(depth)
    }
}

impl<'a, T: Arbitrary<'a>> Arbitrary<'a> for FrozenSlice<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // One allocation of known length: collect into a `Vec` first.
        u.arbitrary_iter()?
            .collect::<Result<Vec<T>>>()
            .map(FrozenSlice::from)
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        u.arbitrary_take_rest_iter()?
            .collect::<Result<Vec<T>>>()
            .map(FrozenSlice::from)
    }

    #[inline]
    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (0, None)
    }
}

impl<'a, T: Arbitrary<'a> + Clone> Arbitrary<'a> for FrozenVec<T> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut vec = crate::vec::Builder::with_hint(0);
        for item in u.arbitrary_iter()? {
            vec.push(item?);
        }
        Ok(vec.finish())
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        let mut vec = crate::vec::Builder::with_hint(0);
        for item in u.arbitrary_take_rest_iter()? {
            vec.push(item?);
        }
        Ok(vec.finish())
    }

    #[inline]
    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (0, None)
    }
}

impl<'a, K, V, S> Arbitrary<'a> for FrozenMap<K, V, S>
where
    K: Arbitrary<'a> + Hash + Eq + Clone,
    V: Arbitrary<'a> + Clone,
    S: BuildHasher + Default + Clone,
{
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut map = FrozenMap::with_hasher(S::default());
        for entry in u.arbitrary_iter()? {
            let (key, value) = entry?;
            map.insert(key, value);
        }
        Ok(map)
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        let mut map = FrozenMap::with_hasher(S::default());
        for entry in u.arbitrary_take_rest_iter()? {
            let (key, value) = entry?;
            map.insert(key, value);
        }
        Ok(map)
    }

    #[inline]
    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (0, None)
    }
}

impl<'a, T, S> Arbitrary<'a> for FrozenSet<T, S>
where
    T: Arbitrary<'a> + Hash + Eq + Clone,
    S: BuildHasher + Default + Clone,
{
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut set = FrozenSet::with_hasher(S::default());
        for item in u.arbitrary_iter()? {
            set.insert(item?);
        }
        Ok(set)
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        let mut set = FrozenSet::with_hasher(S::default());
        for item in u.arbitrary_take_rest_iter()? {
            set.insert(item?);
        }
        Ok(set)
    }

    #[inline]
    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (0, None)
    }
}

impl<'a, K, V> Arbitrary<'a> for FrozenOrdMap<K, V>
where
    K: Arbitrary<'a> + Ord + Clone,
    V: Arbitrary<'a> + Clone,
{
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut map = FrozenOrdMap::new();
        for entry in u.arbitrary_iter()? {
            let (key, value) = entry?;
            map.insert(key, value);
        }
        Ok(map)
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        let mut map = FrozenOrdMap::new();
        for entry in u.arbitrary_take_rest_iter()? {
            let (key, value) = entry?;
            map.insert(key, value);
        }
        Ok(map)
    }

    #[inline]
    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (0, None)
    }
}

impl<'a, T> Arbitrary<'a> for FrozenOrdSet<T>
where
    T: Arbitrary<'a> + Ord + Clone,
{
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut set = FrozenOrdSet::new();
        for item in u.arbitrary_iter()? {
            set.insert(item?);
        }
        Ok(set)
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> Result<Self> {
        let mut set = FrozenOrdSet::new();
        for item in u.arbitrary_take_rest_iter()? {
            set.insert(item?);
        }
        Ok(set)
    }

    #[inline]
    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (0, None)
    }
}

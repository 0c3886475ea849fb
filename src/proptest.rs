//! [proptest](https://docs.rs/proptest) support (feature `proptest`): strategies for every
//! frozen type, and [`Arbitrary`] so that `any::<FrozenVec<u8>>()` works.
//!
//! The strategies take the same arguments as their `proptest::collection` counterparts (an
//! element strategy and a size: `5`, `0..10`, `1..=3`, ...) and generate a std value that is
//! converted into the frozen type, so they shrink exactly as the std strategies do (removing
//! elements, then shrinking the ones left).
//!
//! | strategy | generates | like |
//! |---|---|---|
//! | [`arc(value)`](fn@arc) | [`FrozenArc<T>`] | `value.prop_map(Arc::new)` |
//! | [`str_of(strings)`](fn@str_of), [`string(regex)`](fn@string) | [`FrozenStr`] | a `String` strategy, `proptest::string::string_regex` |
//! | [`bytes(size)`](fn@bytes) | [`FrozenBytes`] | `collection::vec(any::<u8>(), size)` |
//! | [`slice(element, size)`](fn@slice) | [`FrozenSlice<T>`] | `collection::vec` |
//! | [`vec(element, size)`](fn@vec) | [`FrozenVec<T>`] | `collection::vec` |
//! | [`hash_map(key, value, size)`](fn@hash_map) | [`FrozenMap<K, V>`] | `collection::hash_map` |
//! | [`hash_set(element, size)`](fn@hash_set) | [`FrozenSet<T>`] | `collection::hash_set` |
//! | [`ord_map(key, value, size)`](fn@ord_map) | [`FrozenOrdMap<K, V>`] | `collection::btree_map` |
//! | [`ord_set(element, size)`](fn@ord_set) | [`FrozenOrdSet<T>`] | `collection::btree_set` |
//!
//! Maps and sets have as many distinct keys as the size asks for; generation fails if the key
//! strategy cannot produce enough of them (as in proptest).
//!
//! The [`Arbitrary`] impls take the parameters of the std equivalent (`(SizeRange, T::Parameters)`
//! for a `Vec<T>`, a regex for a `String`, ...). Maps and sets are `Arbitrary` for any hasher
//! `S: BuildHasher + Default + Clone`.
//!
//! # Example
//!
//! ```
//! use deepfreeze::{proptest as frozen, FrozenOrdMap};
//! use proptest::prelude::*;
//!
//! proptest! {
//!     // In a test module, put `#[test]` on each.
//!     fn pushing_adds_one(vec in frozen::vec(any::<u8>(), 0..100), x: u8) {
//!         let longer = vec.with_pushed_back(x);
//!         prop_assert_eq!(longer.len(), vec.len() + 1);
//!         prop_assert_eq!(longer.last(), Some(&x));
//!     }
//!
//!     fn ord_maps_are_sorted(map in any::<FrozenOrdMap<u16, bool>>()) {
//!         let keys: Vec<u16> = map.keys().copied().collect();
//!         prop_assert!(keys.windows(2).all(|w| w[0] < w[1]));
//!     }
//! }
//! pushing_adds_one();
//! ord_maps_are_sorted();
//! ```

use core::fmt;
use core::hash::{BuildHasher, Hash};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use ::proptest::arbitrary::{Arbitrary, StrategyFor, any, any_with};
use ::proptest::collection::{self, SizeRange};
use ::proptest::strategy::{NewTree, Strategy, ValueTree};
use ::proptest::string::{RegexGeneratorStrategy, StringParam, string_regex};
use ::proptest::test_runner::TestRunner;

use crate::{
    FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};

/// A strategy that generates values with `S` and converts each into `C` (a frozen type).
///
/// Every strategy of this module returns one. It shrinks as `S` does, and it can be named in a
/// type (unlike `prop_map` with a closure) and cloned when `S` can.
///
/// ```
/// use deepfreeze::proptest::{vec, FrozenStrategy};
/// use deepfreeze::FrozenVec;
/// use proptest::collection::VecStrategy;
/// use proptest::num::u8::Any;
///
/// let strategy: FrozenStrategy<VecStrategy<Any>, FrozenVec<u8>> = vec(proptest::num::u8::ANY, 3);
/// # let _ = strategy;
/// ```
#[must_use = "strategies do nothing unless used"]
pub struct FrozenStrategy<S: Strategy, C> {
    inner: S,
    convert: fn(S::Value) -> C,
}

impl<S: Strategy, C> FrozenStrategy<S, C> {
    fn new(inner: S, convert: fn(S::Value) -> C) -> Self {
        Self { inner, convert }
    }
}

impl<S: Strategy + Clone, C> Clone for FrozenStrategy<S, C> {
    fn clone(&self) -> Self {
        Self::new(self.inner.clone(), self.convert)
    }
}

impl<S: Strategy, C> fmt::Debug for FrozenStrategy<S, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrozenStrategy")
            .field("inner", &self.inner)
            .field("into", &core::any::type_name::<C>())
            .finish()
    }
}

impl<S: Strategy, C: fmt::Debug> Strategy for FrozenStrategy<S, C> {
    type Tree = FrozenValueTree<S::Tree, C>;
    type Value = C;

    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        let inner = self.inner.new_tree(runner)?;
        Ok(FrozenValueTree {
            inner,
            convert: self.convert,
        })
    }
}

/// The [`ValueTree`] of a [`FrozenStrategy`]: the std value tree, converted on
/// [`current`](ValueTree::current).
///
/// ```
/// use deepfreeze::proptest::bytes;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut tree = bytes(4).new_tree(&mut TestRunner::deterministic()).unwrap();
/// assert_eq!(tree.current().len(), 4);
/// while tree.simplify() {}
/// assert_eq!(&*tree.current(), &[0, 0, 0, 0]);
/// ```
pub struct FrozenValueTree<T: ValueTree, C> {
    inner: T,
    convert: fn(T::Value) -> C,
}

impl<T: ValueTree + Clone, C> Clone for FrozenValueTree<T, C> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            convert: self.convert,
        }
    }
}

impl<T: ValueTree + fmt::Debug, C> fmt::Debug for FrozenValueTree<T, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrozenValueTree")
            .field("inner", &self.inner)
            .field("into", &core::any::type_name::<C>())
            .finish()
    }
}

impl<T: ValueTree, C: fmt::Debug> ValueTree for FrozenValueTree<T, C> {
    type Value = C;

    fn current(&self) -> C {
        (self.convert)(self.inner.current())
    }

    fn simplify(&mut self) -> bool {
        self.inner.simplify()
    }

    fn complicate(&mut self) -> bool {
        self.inner.complicate()
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies.

/// [`FrozenArc`]s of the values of `value`.
///
/// ```
/// use deepfreeze::proptest::arc;
/// use proptest::prelude::*;
///
/// proptest!(|(shared in arc(0..10_u32))| {
///     prop_assert!(*shared < 10);
/// });
/// ```
pub fn arc<S: Strategy>(value: S) -> FrozenStrategy<S, FrozenArc<S::Value>> {
    FrozenStrategy::new(value, FrozenArc::new)
}

/// [`FrozenStr`]s of the strings of `strings`: any `Strategy<Value = String>`, including a
/// regex given as `&'static str` (which panics when used if the regex is invalid; see
/// [`string`] for the checked form).
///
/// ```
/// use deepfreeze::proptest::str_of;
/// use proptest::prelude::*;
///
/// proptest!(|(name in str_of("[a-z]{1,8}"))| {
///     prop_assert!((1..=8).contains(&name.len()));
///     prop_assert!(name.bytes().all(|b| b.is_ascii_lowercase()));
/// });
/// ```
pub fn str_of<S: Strategy<Value = String>>(strings: S) -> FrozenStrategy<S, FrozenStr> {
    FrozenStrategy::new(strings, FrozenStr::from)
}

/// [`FrozenStr`]s matching the regular expression `regex`, or an error if proptest cannot parse
/// it (as `proptest::string::string_regex`).
///
/// # Errors
///
/// The regex's parse error, when it is not valid or uses a feature proptest cannot generate.
///
/// ```
/// use deepfreeze::proptest::string;
/// use proptest::prelude::*;
///
/// let digits = string("[0-9]{3}").unwrap();
/// proptest!(|(code in digits)| {
///     prop_assert_eq!(code.len(), 3);
/// });
/// assert!(string("(unclosed").is_err());
/// ```
#[allow(
    clippy::result_large_err,
    reason = "the error type of `proptest::string::string_regex`, passed through unchanged"
)]
pub fn string(
    regex: &str,
) -> Result<FrozenStrategy<RegexGeneratorStrategy<String>, FrozenStr>, ::proptest::string::Error> {
    string_regex(regex).map(str_of)
}

/// [`FrozenBytes`] of any bytes, with a length in `size`.
///
/// ```
/// use deepfreeze::proptest::bytes;
/// use proptest::prelude::*;
///
/// proptest!(|(buf in bytes(1..16))| {
///     prop_assert!((1..16).contains(&buf.len()));
/// });
/// ```
pub fn bytes(
    size: impl Into<SizeRange>,
) -> FrozenStrategy<collection::VecStrategy<StrategyFor<u8>>, FrozenBytes> {
    FrozenStrategy::new(collection::vec(any::<u8>(), size), FrozenBytes::from)
}

/// [`FrozenSlice`]s of elements of `element`, with a length in `size`.
///
/// ```
/// use deepfreeze::proptest::slice;
/// use proptest::prelude::*;
///
/// proptest!(|(fixed in slice(any::<i32>(), 3))| {
///     prop_assert_eq!(fixed.len(), 3);
/// });
/// ```
pub fn slice<S: Strategy>(
    element: S,
    size: impl Into<SizeRange>,
) -> FrozenStrategy<collection::VecStrategy<S>, FrozenSlice<S::Value>> {
    FrozenStrategy::new(collection::vec(element, size), FrozenSlice::from)
}

/// [`FrozenVec`]s of elements of `element`, with a length in `size`.
///
/// ```
/// use deepfreeze::proptest::vec;
/// use proptest::prelude::*;
///
/// proptest!(|(v in vec(0..5_u8, 0..=40))| {
///     prop_assert!(v.len() <= 40);
///     prop_assert!(v.iter().all(|x| *x < 5));
/// });
/// ```
pub fn vec<S>(
    element: S,
    size: impl Into<SizeRange>,
) -> FrozenStrategy<collection::VecStrategy<S>, FrozenVec<S::Value>>
where
    S: Strategy,
    S::Value: Clone,
{
    FrozenStrategy::new(collection::vec(element, size), FrozenVec::from)
}

/// [`FrozenMap`]s with keys of `key` and values of `value`, with a number of entries in `size`.
///
/// ```
/// use deepfreeze::proptest::hash_map;
/// use proptest::prelude::*;
///
/// proptest!(|(map in hash_map(any::<u32>(), any::<bool>(), 5..10))| {
///     prop_assert!((5..10).contains(&map.len()));
/// });
/// ```
pub fn hash_map<K, V>(
    key: K,
    value: V,
    size: impl Into<SizeRange>,
) -> FrozenStrategy<collection::HashMapStrategy<K, V>, FrozenMap<K::Value, V::Value>>
where
    K: Strategy,
    K::Value: Hash + Eq + Clone,
    V: Strategy,
    V::Value: Clone,
{
    FrozenStrategy::new(collection::hash_map(key, value, size), |m| {
        m.into_iter().collect()
    })
}

/// [`FrozenSet`]s of elements of `element`, with a number of elements in `size`.
///
/// ```
/// use deepfreeze::proptest::hash_set;
/// use proptest::prelude::*;
///
/// proptest!(|(set in hash_set(0..100_u8, 10))| {
///     prop_assert_eq!(set.len(), 10);
/// });
/// ```
pub fn hash_set<S>(
    element: S,
    size: impl Into<SizeRange>,
) -> FrozenStrategy<collection::HashSetStrategy<S>, FrozenSet<S::Value>>
where
    S: Strategy,
    S::Value: Hash + Eq + Clone,
{
    FrozenStrategy::new(collection::hash_set(element, size), |s| {
        s.into_iter().collect()
    })
}

/// [`FrozenOrdMap`]s with keys of `key` and values of `value`, with a number of entries in
/// `size`.
///
/// ```
/// use deepfreeze::proptest::ord_map;
/// use proptest::prelude::*;
///
/// proptest!(|(map in ord_map("[a-c]{2}", any::<u8>(), 0..=9))| {
///     prop_assert!(map.len() <= 9);
/// });
/// ```
pub fn ord_map<K, V>(
    key: K,
    value: V,
    size: impl Into<SizeRange>,
) -> FrozenStrategy<collection::BTreeMapStrategy<K, V>, FrozenOrdMap<K::Value, V::Value>>
where
    K: Strategy,
    K::Value: Ord + Clone,
    V: Strategy,
    V::Value: Clone,
{
    FrozenStrategy::new(collection::btree_map(key, value, size), |m| {
        m.into_iter().collect()
    })
}

/// [`FrozenOrdSet`]s of elements of `element`, with a number of elements in `size`.
///
/// ```
/// use deepfreeze::proptest::ord_set;
/// use proptest::prelude::*;
///
/// proptest!(|(set in ord_set(any::<i64>(), 1..4))| {
///     prop_assert!((1..4).contains(&set.len()));
/// });
/// ```
pub fn ord_set<S>(
    element: S,
    size: impl Into<SizeRange>,
) -> FrozenStrategy<collection::BTreeSetStrategy<S>, FrozenOrdSet<S::Value>>
where
    S: Strategy,
    S::Value: Ord + Clone,
{
    FrozenStrategy::new(collection::btree_set(element, size), |s| {
        s.into_iter().collect()
    })
}

// ---------------------------------------------------------------------------------------------
// Arbitrary: the std equivalent's parameters and strategy, converted.

impl<T: Arbitrary> Arbitrary for FrozenArc<T> {
    type Parameters = T::Parameters;
    type Strategy = FrozenStrategy<T::Strategy, Self>;

    fn arbitrary_with(args: Self::Parameters) -> Self::Strategy {
        arc(any_with::<T>(args))
    }
}

impl Arbitrary for FrozenStr {
    /// A regex, `\PC*` (any non-control characters) by default, as for `String`.
    type Parameters = StringParam;
    type Strategy = FrozenStrategy<StrategyFor<String>, Self>;

    /// # Panics
    ///
    /// If the regex in `args` is not one proptest can generate from, as for `String`.
    fn arbitrary_with(args: Self::Parameters) -> Self::Strategy {
        str_of(any_with::<String>(args))
    }
}

impl Arbitrary for FrozenBytes {
    type Parameters = <Vec<u8> as Arbitrary>::Parameters;
    type Strategy = FrozenStrategy<StrategyFor<Vec<u8>>, Self>;

    fn arbitrary_with(args: Self::Parameters) -> Self::Strategy {
        FrozenStrategy::new(any_with::<Vec<u8>>(args), FrozenBytes::from)
    }
}

impl<T: Arbitrary> Arbitrary for FrozenSlice<T> {
    type Parameters = <Vec<T> as Arbitrary>::Parameters;
    type Strategy = FrozenStrategy<StrategyFor<Vec<T>>, Self>;

    fn arbitrary_with(args: Self::Parameters) -> Self::Strategy {
        FrozenStrategy::new(any_with::<Vec<T>>(args), FrozenSlice::from)
    }
}

impl<T: Arbitrary + Clone> Arbitrary for FrozenVec<T> {
    type Parameters = <Vec<T> as Arbitrary>::Parameters;
    type Strategy = FrozenStrategy<StrategyFor<Vec<T>>, Self>;

    fn arbitrary_with(args: Self::Parameters) -> Self::Strategy {
        FrozenStrategy::new(any_with::<Vec<T>>(args), FrozenVec::from)
    }
}

impl<K, V, S> Arbitrary for FrozenMap<K, V, S>
where
    K: Arbitrary + Hash + Eq + Clone,
    V: Arbitrary + Clone,
    S: BuildHasher + Default + Clone,
{
    type Parameters = <HashMap<K, V> as Arbitrary>::Parameters;
    type Strategy = FrozenStrategy<StrategyFor<HashMap<K, V>>, Self>;

    fn arbitrary_with(args: Self::Parameters) -> Self::Strategy {
        FrozenStrategy::new(any_with::<HashMap<K, V>>(args), |m| m.into_iter().collect())
    }
}

impl<T, S> Arbitrary for FrozenSet<T, S>
where
    T: Arbitrary + Hash + Eq + Clone,
    S: BuildHasher + Default + Clone,
{
    type Parameters = <HashSet<T> as Arbitrary>::Parameters;
    type Strategy = FrozenStrategy<StrategyFor<HashSet<T>>, Self>;

    fn arbitrary_with(args: Self::Parameters) -> Self::Strategy {
        FrozenStrategy::new(any_with::<HashSet<T>>(args), |s| s.into_iter().collect())
    }
}

impl<K, V> Arbitrary for FrozenOrdMap<K, V>
where
    K: Arbitrary + Ord + Clone,
    V: Arbitrary + Clone,
{
    type Parameters = <BTreeMap<K, V> as Arbitrary>::Parameters;
    type Strategy = FrozenStrategy<StrategyFor<BTreeMap<K, V>>, Self>;

    fn arbitrary_with(args: Self::Parameters) -> Self::Strategy {
        FrozenStrategy::new(any_with::<BTreeMap<K, V>>(args), |m| {
            m.into_iter().collect()
        })
    }
}

impl<T> Arbitrary for FrozenOrdSet<T>
where
    T: Arbitrary + Ord + Clone,
{
    type Parameters = <BTreeSet<T> as Arbitrary>::Parameters;
    type Strategy = FrozenStrategy<StrategyFor<BTreeSet<T>>, Self>;

    fn arbitrary_with(args: Self::Parameters) -> Self::Strategy {
        FrozenStrategy::new(any_with::<BTreeSet<T>>(args), |s| s.into_iter().collect())
    }
}

//! Helpers shared by the checks.

use std::cmp::Ordering;
use std::fmt::Debug;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::ops::Bound;

use arbitrary::{Arbitrary, Unstructured};
use deepfreeze::{
    FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenStr, FrozenVec,
};

/// Most operations one input applies, so that one input stays fast.
pub const MAX_OPS: usize = 200;

/// The hash of `value` under a fixed hasher, to compare hashes of equal values.
pub fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Decodes operations from `u` one at a time (until the input runs out or [`MAX_OPS`]) and
/// hands each to `apply`.
pub fn for_each_op<'a, Op: Arbitrary<'a>>(u: &mut Unstructured<'a>, mut apply: impl FnMut(Op)) {
    for _ in 0..MAX_OPS {
        if u.is_empty() {
            return;
        }
        match Op::arbitrary(u) {
            Ok(op) => apply(op),
            Err(_) => return,
        }
    }
}

/// Drives a frozen container and its std model through the operations decoded from `data`:
/// `apply` performs one on both (and may keep or restore versions), then `check` compares the
/// two, and every kept version with its model snapshot. Returns the final pair.
///
/// Under Miri the comparisons run once, after the last operation: a `check` probes every key
/// (256 lookups, a rebuild, a hash) of the live and up to [`Versions::MAX`] kept versions, which
/// makes even a short input far too slow under Miri. Miri is there for undefined behaviour in the
/// operations themselves, which still all run (with their own return-value assertions); the
/// step-by-step comparison runs natively, in the fuzz targets and in the stable replay.
pub fn run_model<'a, Op, F, M>(
    data: &'a [u8],
    (mut frozen, mut model): (F, M),
    mut apply: impl FnMut(Op, &mut F, &mut M, &mut Versions<F, M>),
    check: fn(&F, &M),
) -> (F, M)
where
    Op: Arbitrary<'a>,
    F: Clone,
    M: Clone,
{
    let mut u = Unstructured::new(data);
    let mut versions = Versions::new();
    for_each_op(&mut u, |op: Op| {
        apply(op, &mut frozen, &mut model, &mut versions);
        if !cfg!(miri) {
            check_live_and_kept(check, &frozen, &model, &versions);
        }
    });
    if cfg!(miri) {
        check_live_and_kept(check, &frozen, &model, &versions);
    }
    (frozen, model)
}

/// Runs `check` on the live pair and on every kept version.
fn check_live_and_kept<F: Clone, M: Clone>(
    check: fn(&F, &M),
    frozen: &F,
    model: &M,
    versions: &Versions<F, M>,
) {
    check(frozen, model);
    versions.check_all(check);
}

/// `ptr_eq` of the frozen types, for the generic helpers.
pub trait Shares {
    fn shares(&self, other: &Self) -> bool;
}

macro_rules! shares_by_ptr_eq {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {
        $(
            impl<$($generics)*> Shares for $ty {
                fn shares(&self, other: &Self) -> bool {
                    self.ptr_eq(other)
                }
            }
        )*
    };
}

shares_by_ptr_eq!(
    [K, V, S] FrozenMap<K, V, S>,
    [T, S] FrozenSet<T, S>,
    [K, V] FrozenOrdMap<K, V>,
    [T] FrozenOrdSet<T>,
    [T] FrozenVec<T>,
    [] FrozenStr,
    [] FrozenBytes,
);

/// Earlier versions of a frozen container with the model they must still equal: the container
/// kept is a clone (sharing structure with the live one), so an in-place update that writes
/// through shared nodes shows up as a changed old version.
pub struct Versions<F, M> {
    kept: Vec<(F, M)>,
}

impl<F: Clone, M: Clone> Versions<F, M> {
    /// How many versions are kept at most.
    pub const MAX: usize = 4;

    pub fn new() -> Self {
        Self { kept: Vec::new() }
    }

    /// Keeps a clone of `frozen` and `model`, replacing the version in `slot` when full.
    pub fn keep(&mut self, frozen: &F, model: &M, slot: u8) {
        let pair = (frozen.clone(), model.clone());
        if self.kept.len() < Self::MAX {
            self.kept.push(pair);
        } else {
            self.kept[usize::from(slot) % Self::MAX] = pair;
        }
    }

    /// The version in `slot`, if any is kept.
    pub fn get(&self, slot: u8) -> Option<&(F, M)> {
        if self.kept.is_empty() {
            None
        } else {
            self.kept.get(usize::from(slot) % self.kept.len())
        }
    }

    /// Makes `frozen` and `model` a clone of the version in `slot`, if any is kept.
    pub fn restore(&self, slot: u8, frozen: &mut F, model: &mut M) {
        if let Some((old, old_model)) = self.get(slot) {
            // No `ptr_eq` check: clones of a short (inline) `FrozenVec` are not `ptr_eq`.
            *frozen = old.clone();
            *model = old_model.clone();
        }
    }

    /// Compares `frozen` with the version in `slot` (equality, hash, sharing; see
    /// [`check_eq_hash`]) and returns that version, if any is kept, for further checks.
    pub fn compare(&self, slot: u8, frozen: &F, model: &M) -> Option<&(F, M)>
    where
        F: Eq + Hash + Shares,
        M: Eq + Debug,
    {
        let kept = self.get(slot)?;
        check_eq_hash(frozen, &kept.0, model, &kept.1);
        Some(kept)
    }

    /// Runs `check` on every kept version.
    pub fn check_all(&self, mut check: impl FnMut(&F, &M)) {
        for (frozen, model) in &self.kept {
            check(frozen, model);
        }
    }
}

impl<F: Clone, M: Clone> Default for Versions<F, M> {
    fn default() -> Self {
        Self::new()
    }
}

/// A deliberately bad hasher: every value lands in one of four hashes, so hash maps and sets
/// built with [`Collide`] are made of collision nodes.
#[derive(Default, Clone, Copy)]
pub struct FourHashes(u64);

impl Hasher for FourHashes {
    fn finish(&self) -> u64 {
        self.0 % 4
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.wrapping_add(u64::from(b));
        }
    }
}

/// The `BuildHasher` of [`FourHashes`].
pub type Collide = BuildHasherDefault<FourHashes>;

/// Checks that `a == b` agrees with their models, that equal values hash alike, and that
/// values sharing their storage are equal.
pub fn check_eq_hash<F: Eq + Hash + Shares, M: Eq + Debug>(a: &F, b: &F, model_a: &M, model_b: &M) {
    assert_eq!(
        a == b,
        model_a == model_b,
        "equality disagrees with the models"
    );
    if a == b {
        assert_eq!(hash_of(a), hash_of(b), "equal values hash differently");
    }
    if a.shares(b) {
        assert_eq!(
            model_a, model_b,
            "values that share their storage are equal"
        );
    }
}

/// Checks that `a` and `b` are ordered like their models.
pub fn check_ord<F: Ord, M: Ord>(a: &F, b: &F, model_a: &M, model_b: &M) {
    assert_eq!(a.cmp(b), model_a.cmp(model_b));
    assert_eq!(a.partial_cmp(b), model_a.partial_cmp(model_b));
    assert_eq!(a.cmp(b) == Ordering::Equal, a == b);
}

/// Drains two double-ended iterators in step, from the back every `back_every % 4 + 1`-th
/// step and from the front otherwise, checking they yield the same items.
pub fn check_both_ends<T: PartialEq + Debug>(
    mut got: impl DoubleEndedIterator<Item = T>,
    mut want: impl DoubleEndedIterator<Item = T>,
    back_every: u8,
) {
    let back_every = usize::from(back_every % 4) + 1;
    for i in 0.. {
        let (g, w) = if i % back_every == 0 {
            (got.next_back(), want.next_back())
        } else {
            (got.next(), want.next())
        };
        assert_eq!(g, w);
        if w.is_none() {
            return;
        }
    }
}

/// `true` for about three values in four, chosen by `seed`: a predicate for `retain`.
pub fn keep(seed: u8, value: u64) -> bool {
    (value ^ u64::from(seed)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 62 != 0
}

/// Whether `BTreeMap::range` accepts these bounds (it panics if the start is after the end, or
/// if both are excluded and equal); the frozen ordered containers must accept the same ones.
pub fn range_ok<T: Ord>(start: &Bound<T>, end: &Bound<T>) -> bool {
    match (start, end) {
        (Bound::Excluded(s), Bound::Excluded(e)) if s == e => false,
        (Bound::Included(s) | Bound::Excluded(s), Bound::Included(e) | Bound::Excluded(e)) => {
            s <= e
        }
        _ => true,
    }
}

//! Helpers shared by the checks.

use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::ops::Bound;

use arbitrary::{Arbitrary, Unstructured};

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

/// Checks that `a == b` agrees with their models, and that equal values hash alike.
pub fn check_eq_hash<F: Eq + Hash, M: Eq>(a: &F, b: &F, model_a: &M, model_b: &M) {
    assert_eq!(
        a == b,
        model_a == model_b,
        "equality disagrees with the models"
    );
    if a == b {
        assert_eq!(hash_of(a), hash_of(b), "equal values hash differently");
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

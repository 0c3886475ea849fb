//! [`DefaultHashBuilder`], the default hasher of the frozen hash containers.
//!
//! With `std` it is SipHash-1-3 keyed once per process. Without `std` there is no source of
//! random keys, so it is an uninhabited type, as hashbrown's is without its `default-hasher`
//! feature: the containers keep it as their default type parameter, but every map and set is
//! built with a caller-supplied hasher (`with_hasher`, `FromIterator` for `S: Default`).

#[cfg(feature = "std")]
use std::hash::{BuildHasher, DefaultHasher, RandomState};
#[cfg(feature = "std")]
use std::sync::OnceLock;

use core::hash::Hasher;

use crate::Frozen;

/// The default hasher of [`FrozenMap`](crate::FrozenMap) and [`FrozenSet`](crate::FrozenSet):
/// std's SipHash-1-3 ([`DefaultHasher`]) with **one random key per process**.
///
/// std's [`RandomState::new`] draws new keys for every map, so two maps with equal contents
/// almost never have the same hash trie shape, and the node-by-node fast paths (equality that
/// skips shared sub-tries, in particular) cannot apply between maps built independently. With one
/// key per process every map hashes alike, so equal maps have equal tries. The trade: HashDoS
/// resistance holds per process (an attacker who cannot observe this process's hashes cannot
/// predict them), as with `ahash` and `foldhash`, rather than per map. Pass any other
/// [`BuildHasher`] to [`FrozenMap::with_hasher`](crate::FrozenMap::with_hasher) to choose
/// differently.
///
/// It is a zero-sized type: maps do not store a seed.
///
/// ```
/// use deepfreeze::map::DefaultHashBuilder;
/// use std::hash::BuildHasher;
///
/// let (a, b) = (DefaultHashBuilder::default(), DefaultHashBuilder::default());
/// assert_eq!(a.hash_one("key"), b.hash_one("key")); // same keys in the whole process
/// assert_eq!(std::mem::size_of::<DefaultHashBuilder>(), 0);
/// ```
#[cfg(feature = "std")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DefaultHashBuilder {
    _private: (),
}

/// The default hasher's place without `std`: a type with no values, so that
/// `FrozenMap<K, V>` still names a type but only a caller-supplied hasher builds one (see the
/// crate docs, "`no_std`").
#[cfg(not(feature = "std"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DefaultHashBuilder {}

/// A hasher with fixed keys, for hashes that must agree between maps with different hashers
/// (the order-independent `Hash` of a whole map or set): std's SipHash-1-3 with zero keys, or,
/// without `std`, `core`'s SipHash-2-4, the only hasher `core` has.
pub(crate) fn fixed_hasher() -> impl Hasher {
    #[cfg(feature = "std")]
    return DefaultHasher::new();
    #[cfg(not(feature = "std"))]
    #[allow(deprecated)] // deprecated in favour of std's `DefaultHasher`, which needs `std`
    return core::hash::SipHasher::new();
}

/// The process's SipHash keys, drawn once.
#[cfg(feature = "std")]
fn process_state() -> &'static RandomState {
    static STATE: OnceLock<RandomState> = OnceLock::new();
    STATE.get_or_init(RandomState::new)
}

#[cfg(feature = "std")]
impl BuildHasher for DefaultHashBuilder {
    type Hasher = DefaultHasher;

    #[inline]
    fn build_hasher(&self) -> DefaultHasher {
        process_state().build_hasher()
    }
}

#[allow(unsafe_code)]
// SAFETY:
// - No interior mutability: with `std`, `DefaultHashBuilder` is a zero-sized struct of `()`, and
//   the process-wide keys live in a private `static`, are written once before any hash is
//   computed, and are not reachable from a value of this type; without `std` it has no values.
// - Nothing changes behind `&DefaultHashBuilder`: there is no state, and every hasher it builds
//   uses the same keys for the whole process.
// - Deep: nothing is reachable from it.
// - `Send + Sync + 'static`: a fieldless type.
unsafe impl Frozen for DefaultHashBuilder {}

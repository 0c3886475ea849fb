//! [`DefaultHashBuilder`], the default hasher of the frozen hash containers.

use std::hash::{BuildHasher, DefaultHasher, RandomState};
use std::sync::OnceLock;

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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DefaultHashBuilder {
    _private: (),
}

/// The process's SipHash keys, drawn once.
fn process_state() -> &'static RandomState {
    static STATE: OnceLock<RandomState> = OnceLock::new();
    STATE.get_or_init(RandomState::new)
}

impl BuildHasher for DefaultHashBuilder {
    type Hasher = DefaultHasher;

    #[inline]
    fn build_hasher(&self) -> DefaultHasher {
        process_state().build_hasher()
    }
}

#[allow(unsafe_code)]
// SAFETY:
// - No interior mutability: `DefaultHashBuilder` is a zero-sized struct of `()`. The process-wide
//   keys live in a private `static`, are written once before any hash is computed, and are not
//   reachable from a value of this type.
// - Nothing changes behind `&DefaultHashBuilder`: there is no state, and every hasher it builds
//   uses the same keys for the whole process.
// - Deep: nothing is reachable from it.
// - `Send + Sync + 'static`: a fieldless type.
unsafe impl Frozen for DefaultHashBuilder {}

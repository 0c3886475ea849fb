// TEMPORARY stand-ins until the containers are merged into main. Not committed as final.
#![allow(dead_code, unreachable_pub)]
pub(crate) use deepfreeze_derive::Frozen;
pub(crate) trait Frozen: Send + Sync + 'static {}
impl<T: ?Sized + Send + Sync + 'static> Frozen for T {}
pub(crate) type FrozenBytes = std::sync::Arc<[u8]>;
pub(crate) type FrozenStr = std::sync::Arc<str>;
pub(crate) type FrozenMap<K, V> = imbl::HashMap<K, V>;
pub(crate) type FrozenVec<T> = imbl::Vector<T>;
pub(crate) type FrozenSlice<T> = std::sync::Arc<[T]>;
pub(crate) type FrozenArc<T> = std::sync::Arc<T>;

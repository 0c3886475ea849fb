//! [Serde](https://serde.rs) support: [`Serialize`] and [`Deserialize`] for every frozen type
//! (feature `serde`).
//!
//! # Wire shape
//!
//! Every frozen type serializes exactly like its std equivalent, so the two are interchangeable
//! on the wire (a `Vec<T>` written by one program reads back as a `FrozenVec<T>` in another):
//!
//! | frozen type | serializes like | serde data model |
//! |---|---|---|
//! | [`FrozenArc<T>`](crate::FrozenArc) | `T` | whatever `T` is (no wrapper) |
//! | [`FrozenStr`] | `String` | string |
//! | [`FrozenBytes`] | `serde_bytes::ByteBuf` | bytes |
//! | [`FrozenSlice<T>`](crate::FrozenSlice), [`FrozenVec<T>`](crate::FrozenVec) | `Vec<T>` | seq |
//! | [`FrozenSet<T, S>`](crate::FrozenSet) | `HashSet<T, S>` | seq |
//! | [`FrozenOrdSet<T>`](crate::FrozenOrdSet) | `BTreeSet<T>` | seq |
//! | [`FrozenMap<K, V, S>`](crate::FrozenMap) | `HashMap<K, V, S>` | map |
//! | [`FrozenOrdMap<K, V>`](crate::FrozenOrdMap) | `BTreeMap<K, V>` | map |
//!
//! `FrozenBytes` also deserializes from a string and from a sequence of `u8` (the shape a
//! `Vec<u8>` takes in JSON), and `FrozenStr` from bytes that are valid UTF-8.
//!
//! # Straight into the frozen type
//!
//! Deserializing builds the frozen value directly: persistent collections grow in place with
//! `push_back`/`insert` as the elements arrive, with no intermediate std collection. Two types
//! need one contiguous buffer because they are a single allocation of known length:
//! `FrozenSlice<T>` collects into a `Vec<T>` first, and `FrozenBytes` does the same for the
//! sequence-of-`u8` shape (its bytes shape copies the format's buffer once). A format's length
//! hint cannot replace the buffer: the hint is untrusted, and the elements must be kept somewhere
//! while the rest of the input is checked.
//!
//! # Untrusted input
//!
//! Deserializing hostile input returns an error; it does not panic, abort, or allocate without
//! bound:
//!
//! - **Length prefixes are not trusted.** The persistent collections never preallocate. The two
//!   buffered types preallocate at most 1 MiB from a length hint (as serde's own `Vec` does), and
//!   that budget halves with every level of nesting, so a nested input can make all the buffers
//!   on the current path preallocate at most 2 MiB together. A prefix claiming 2<sup>60</sup>
//!   elements fails when the input runs out.
//! - **Nesting depth is bounded.** A recursive type (`enum Tree { Leaf, Node(FrozenArc<Tree>) }`)
//!   would let a format without its own recursion limit (postcard, bincode) drive the stack as
//!   deep as the input is long. Every frozen container counts its nesting in a per-thread
//!   counter while it deserializes or serializes, and more than [`MAX_DEPTH`] nested frozen
//!   containers (or what [`with_max_depth`] sets) are an error ("nesting deeper than ... frozen
//!   containers"). Serializing refuses the same depth, so whatever serializes also
//!   deserializes. The stack one level takes depends on the type: see [`MAX_DEPTH`].
//! - **Memory can be budgeted.** A few bytes of input can make a container allocate a whole
//!   node (a one-element vector, a one-entry map). [`with_budget`] bounds what the frozen
//!   containers deserialized inside it allocate: each visitor charges an upper bound of its
//!   allocation before making it, and fails once the budget is spent. Its docs list what each
//!   container allocates at least.
//! - **Zero-sized elements are capped.** They take no input in some formats, so a sequence of
//!   more than [`MAX_ZERO_SIZED_ELEMENTS`] of them is an error.
//! - **Buffers are exact.** A byte buffer handed over by the format is copied into an
//!   exact-sized allocation, so an over-stated capacity is not kept.
//! - Strings are checked for UTF-8 (by the format, or by `FrozenStr` when it receives bytes).
//!
//! Only frozen containers count toward the depth limit and the budget: recursion through a `Box`
//! or `Vec` of your own, and what they allocate, are not seen. Route recursive types through a
//! frozen container to get the guard.
//!
//! # Example
//!
//! ```
//! use deepfreeze::{Frozen, FrozenOrdMap, FrozenStr, FrozenVec};
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Frozen, Serialize, Deserialize, Debug, PartialEq)]
//! struct Release {
//!     name: FrozenStr,
//!     tags: FrozenVec<FrozenStr>,
//!     downloads: FrozenOrdMap<FrozenStr, u64>,
//! }
//!
//! let json = r#"{"name":"1.0","tags":["stable"],"downloads":{"linux":7,"mac":3}}"#;
//! let release: Release = serde_json::from_str(json)?;
//! assert_eq!(&*release.name, "1.0");
//! assert_eq!(release.downloads.len(), 2);
//! // Same shape as the std types: it writes back byte for byte.
//! assert_eq!(serde_json::to_string(&release)?, json);
//! # Ok::<(), serde_json::Error>(())
//! ```

use core::fmt;
use core::hash::{BuildHasher, Hash};
use core::marker::PhantomData;

use ::serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use ::serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::{
    FrozenArc, FrozenBytes, FrozenMap, FrozenOrdMap, FrozenOrdSet, FrozenSet, FrozenSlice,
    FrozenStr, FrozenVec,
};

pub(crate) mod footprint;
mod limits;

pub(crate) use limits::{Level, charge, count_element, enter_de, enter_ser};
pub use limits::{
    MAX_DEPTH, MAX_ZERO_SIZED_ELEMENTS, max_depth, remaining_budget, with_budget, with_max_depth,
};

/// How many elements of `T` to preallocate for an untrusted length `hint`, in a buffer nested
/// inside `enclosing` other frozen containers.
///
/// Like serde's private `size_hint::cautious`: at most 1 MiB worth of elements at the outermost
/// level, and half as much at each deeper level, so all the buffers on one path of a nested input
/// preallocate less than 2 MiB together. Zero-sized elements preallocate nothing (a `Vec` of them
/// never allocates).
pub(crate) fn cautious<T>(hint: Option<usize>, enclosing: usize) -> usize {
    const MAX_PREALLOC_BYTES: usize = 1024 * 1024;
    let budget = MAX_PREALLOC_BYTES >> enclosing.min(usize::BITS as usize - 1);
    match core::mem::size_of::<T>() {
        0 => 0,
        size => hint.unwrap_or(0).min(budget / size),
    }
}

// ---------------------------------------------------------------------------------------------
// FrozenArc<T>: exactly `T`.

impl<T: Serialize> Serialize for FrozenArc<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let _level = enter_ser::<S::Error>()?;
        T::serialize(self, serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for FrozenArc<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let _level = enter_de::<D::Error>()?;
        let value = T::deserialize(deserializer)?;
        charge::<D::Error>(footprint::arc::<T>())?;
        Ok(FrozenArc::new(value))
    }
}

// ---------------------------------------------------------------------------------------------
// FrozenStr: a string.

impl Serialize for FrozenStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for FrozenStr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `deserialize_str`, not `deserialize_string`: `FrozenStr` copies into its own
        // allocation (or inline), so a borrowed or transient `&str` saves the format a `String`.
        deserializer.deserialize_str(StrVisitor)
    }
}

struct StrVisitor;

impl Visitor<'_> for StrVisitor {
    type Value = FrozenStr;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FrozenStr, E> {
        charge::<E>(footprint::str(v.len()))?;
        Ok(FrozenStr::from(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<FrozenStr, E> {
        self.visit_str(&v)
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<FrozenStr, E> {
        match core::str::from_utf8(v) {
            Ok(s) => self.visit_str(s),
            Err(_) => Err(E::invalid_value(Unexpected::Bytes(v), &self)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// FrozenBytes: bytes (like `serde_bytes::ByteBuf`).

impl Serialize for FrozenBytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self)
    }
}

impl<'de> Deserialize<'de> for FrozenBytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `deserialize_bytes`: the bytes are copied once into `FrozenBytes`'s own allocation, so
        // a borrowed or transient `&[u8]` is best. Self-describing formats may answer with a
        // sequence (JSON writes bytes as an array of numbers) or a string.
        deserializer.deserialize_bytes(BytesVisitor)
    }
}

struct BytesVisitor;

impl<'de> Visitor<'de> for BytesVisitor {
    type Value = FrozenBytes;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("bytes")
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<FrozenBytes, E> {
        charge::<E>(footprint::bytes(v.len()))?;
        Ok(FrozenBytes::from(v))
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<FrozenBytes, E> {
        // Copied into an exact-sized allocation rather than moved: a format's buffer may have
        // far more capacity than bytes, and the frozen buffer would keep all of it.
        self.visit_bytes(&v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FrozenBytes, E> {
        self.visit_bytes(v.as_bytes())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FrozenBytes, A::Error> {
        // One allocation of known length: the bytes are buffered first (see the module docs).
        // `FrozenBytes` enters no level of its own: the levels entered are all enclosing ones.
        let mut buffer = Vec::with_capacity(cautious::<u8>(seq.size_hint(), Level::current()));
        while let Some(byte) = seq.next_element::<u8>()? {
            charge::<A::Error>(footprint::buffered::<u8>())?;
            buffer.push(byte);
        }
        Ok(FrozenBytes::from(buffer.as_slice()))
    }
}

// ---------------------------------------------------------------------------------------------
// FrozenSlice<T> and FrozenVec<T>: a seq, like `Vec<T>`.

/// Serializes `len` elements as a seq, inside one nesting level.
fn serialize_seq<'a, S, T, I>(serializer: S, len: usize, items: I) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    T: Serialize + 'a,
    I: IntoIterator<Item = &'a T>,
{
    let _level = enter_ser::<S::Error>()?;
    let mut seq = serializer.serialize_seq(Some(len))?;
    for item in items {
        seq.serialize_element(item)?;
    }
    seq.end()
}

/// Serializes `len` entries as a map, inside one nesting level.
fn serialize_map<'a, S, K, V, I>(serializer: S, len: usize, entries: I) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    K: Serialize + 'a,
    V: Serialize + 'a,
    I: IntoIterator<Item = (&'a K, &'a V)>,
{
    let _level = enter_ser::<S::Error>()?;
    let mut map = serializer.serialize_map(Some(len))?;
    for (key, value) in entries {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

impl<T: Serialize> Serialize for FrozenSlice<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_seq(serializer, self.len(), self.iter())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for FrozenSlice<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let _level = enter_de::<D::Error>()?;
        deserializer.deserialize_seq(SliceVisitor(PhantomData))
    }
}

struct SliceVisitor<T>(PhantomData<fn() -> FrozenSlice<T>>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for SliceVisitor<T> {
    type Value = FrozenSlice<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FrozenSlice<T>, A::Error> {
        // A `FrozenSlice` is one allocation whose length is fixed when it is made, and the
        // format's length hint is untrusted (and optional), so the elements are buffered in a
        // `Vec` first and moved into the slice's allocation at the end.
        // The slice's own level is entered: the others enclose it.
        let enclosing = Level::current().saturating_sub(1);
        let mut buffer = Vec::with_capacity(cautious::<T>(seq.size_hint(), enclosing));
        charge::<A::Error>(buffer.capacity() * size_of::<T>())?;
        while let Some(item) = seq.next_element()? {
            count_element::<T, A::Error>(buffer.len())?;
            charge::<A::Error>(footprint::buffered::<T>())?;
            buffer.push(item);
        }
        Ok(FrozenSlice::from(buffer))
    }
}

impl<T: Serialize> Serialize for FrozenVec<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_seq(serializer, self.len(), self.iter())
    }
}

impl<'de, T: Deserialize<'de> + Clone> Deserialize<'de> for FrozenVec<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let _level = enter_de::<D::Error>()?;
        deserializer.deserialize_seq(VecVisitor(PhantomData))
    }
}

struct VecVisitor<T>(PhantomData<fn() -> FrozenVec<T>>);

impl<'de, T: Deserialize<'de> + Clone> Visitor<'de> for VecVisitor<T> {
    type Value = FrozenVec<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    /// Up to 32 elements are buffered and moved into one exact-sized array; from the 33rd on
    /// they go into the tree (so a short vector costs what its elements do, whatever the input
    /// claims its length is).
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FrozenVec<T>, A::Error> {
        let mut vec =
            crate::vec::Builder::with_hint(cautious::<T>(seq.size_hint(), Level::current()));
        let mut len = 0;
        while let Some(item) = seq.next_element()? {
            count_element::<T, A::Error>(len)?;
            charge::<A::Error>(footprint::vec_push::<T>(len))?;
            vec.push(item);
            len += 1;
        }
        Ok(vec.finish())
    }
}

// ---------------------------------------------------------------------------------------------
// FrozenSet<T, S> and FrozenOrdSet<T>: a seq, like `HashSet<T, S>` and `BTreeSet<T>`.

impl<T: Serialize, S> Serialize for FrozenSet<T, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serialize_seq(serializer, self.len(), self.iter())
    }
}

impl<'de, T, S> Deserialize<'de> for FrozenSet<T, S>
where
    T: Deserialize<'de> + Hash + Eq + Clone,
    S: BuildHasher + Default + Clone,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let _level = enter_de::<D::Error>()?;
        deserializer.deserialize_seq(SetVisitor(PhantomData))
    }
}

struct SetVisitor<T, S>(PhantomData<fn() -> FrozenSet<T, S>>);

impl<'de, T, S> Visitor<'de> for SetVisitor<T, S>
where
    T: Deserialize<'de> + Hash + Eq + Clone,
    S: BuildHasher + Default + Clone,
{
    type Value = FrozenSet<T, S>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FrozenSet<T, S>, A::Error> {
        // Collected first (growing with the input, never trusting its size hint), then built
        // in trie order in one pass; of equal elements the first is kept, as `HashSet`'s.
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            count_element::<T, A::Error>(items.len())?;
            charge::<A::Error>(footprint::buffered::<T>() + footprint::hash_entry::<T>())?;
            items.push(item);
        }
        let mut set = FrozenSet::with_hasher(S::default());
        set.extend(items);
        Ok(set)
    }
}

impl<T: Serialize + Ord> Serialize for FrozenOrdSet<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_seq(serializer, self.len(), self.iter())
    }
}

impl<'de, T: Deserialize<'de> + Ord + Clone> Deserialize<'de> for FrozenOrdSet<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let _level = enter_de::<D::Error>()?;
        deserializer.deserialize_seq(OrdSetVisitor(PhantomData))
    }
}

struct OrdSetVisitor<T>(PhantomData<fn() -> FrozenOrdSet<T>>);

impl<'de, T: Deserialize<'de> + Ord + Clone> Visitor<'de> for OrdSetVisitor<T> {
    type Value = FrozenOrdSet<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FrozenOrdSet<T>, A::Error> {
        let mut set = FrozenOrdSet::new();
        while let Some(item) = seq.next_element()? {
            charge::<A::Error>(footprint::ord_insert::<T>(set.len()))?;
            set.insert(item);
        }
        Ok(set)
    }
}

// ---------------------------------------------------------------------------------------------
// FrozenMap<K, V, S> and FrozenOrdMap<K, V>: a map, like `HashMap<K, V, S>` and `BTreeMap<K, V>`.
// A key that appears twice keeps the last value, as in std.

impl<K: Serialize, V: Serialize, S> Serialize for FrozenMap<K, V, S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serialize_map(serializer, self.len(), self.iter())
    }
}

impl<'de, K, V, S> Deserialize<'de> for FrozenMap<K, V, S>
where
    K: Deserialize<'de> + Hash + Eq + Clone,
    V: Deserialize<'de> + Clone,
    S: BuildHasher + Default + Clone,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let _level = enter_de::<D::Error>()?;
        deserializer.deserialize_map(MapVisitor(PhantomData, PhantomData))
    }
}

/// (`FrozenMap<K, V, S>` in one `PhantomData` is too complex a type for clippy.)
struct MapVisitor<K, V, S>(PhantomData<fn() -> (K, V)>, PhantomData<fn() -> S>);

impl<'de, K, V, S> Visitor<'de> for MapVisitor<K, V, S>
where
    K: Deserialize<'de> + Hash + Eq + Clone,
    V: Deserialize<'de> + Clone,
    S: BuildHasher + Default + Clone,
{
    type Value = FrozenMap<K, V, S>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<FrozenMap<K, V, S>, A::Error> {
        // Collected first (growing with the input, never trusting its size hint), then built
        // in trie order in one pass; a repeated key keeps its last value, as `HashMap`'s.
        let mut entries = Vec::new();
        while let Some(entry) = access.next_entry()? {
            count_element::<(K, V), A::Error>(entries.len())?;
            charge::<A::Error>(
                footprint::buffered::<(K, V)>() + footprint::hash_entry::<(K, V)>(),
            )?;
            entries.push(entry);
        }
        let mut map = FrozenMap::with_hasher(S::default());
        map.extend(entries);
        Ok(map)
    }
}

impl<K: Serialize + Ord, V: Serialize> Serialize for FrozenOrdMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_map(serializer, self.len(), self.iter())
    }
}

impl<'de, K, V> Deserialize<'de> for FrozenOrdMap<K, V>
where
    K: Deserialize<'de> + Ord + Clone,
    V: Deserialize<'de> + Clone,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let _level = enter_de::<D::Error>()?;
        deserializer.deserialize_map(OrdMapVisitor(PhantomData))
    }
}

struct OrdMapVisitor<K, V>(PhantomData<fn() -> FrozenOrdMap<K, V>>);

impl<'de, K, V> Visitor<'de> for OrdMapVisitor<K, V>
where
    K: Deserialize<'de> + Ord + Clone,
    V: Deserialize<'de> + Clone,
{
    type Value = FrozenOrdMap<K, V>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<FrozenOrdMap<K, V>, A::Error> {
        let mut map = FrozenOrdMap::new();
        while let Some((key, value)) = access.next_entry()? {
            charge::<A::Error>(footprint::ord_insert::<(K, V)>(map.len()))?;
            map.insert(key, value);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cautious_caps_by_bytes_and_halves_per_level() {
        assert_eq!(cautious::<u64>(Some(10), 0), 10);
        assert_eq!(cautious::<u64>(None, 0), 0);
        assert_eq!(cautious::<u64>(Some(1 << 60), 0), (1 << 20) / 8);
        assert_eq!(cautious::<[u8; 3]>(Some(1 << 60), 0), (1 << 20) / 3);
        assert_eq!(cautious::<()>(Some(1 << 60), 0), 0);
        assert_eq!(cautious::<u64>(Some(1 << 60), 1), (1 << 19) / 8);
        assert_eq!(cautious::<u8>(Some(1 << 60), 20), 1);
        assert_eq!(cautious::<u8>(Some(1 << 60), 1000), 0);
        assert_eq!(cautious::<u8>(Some(5), 1000), 0);
    }

    #[test]
    fn levels_are_left_on_drop_and_refused_past_the_limit() {
        let before = Level::current();
        let levels: Vec<Level> = (0..max_depth() - before)
            .map(|_| Level::enter().ok().unwrap())
            .collect();
        assert_eq!(Level::current(), max_depth());
        assert!(Level::enter().is_err());
        assert_eq!(Level::current(), max_depth());
        drop(levels);
        assert_eq!(Level::current(), before);
    }
}

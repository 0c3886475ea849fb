//! [`FrozenObject`]: the object of a [`FrozenValue`], entries sorted by key.

use core::fmt;
use core::iter::FusedIterator;

use super::FrozenValue;
use super::shared::Shared;
use crate::{Frozen, FrozenStr};

/// The members of a [`FrozenValue::Object`]: string keys mapped to values, kept sorted by key in
/// one exact-sized allocation behind a one-pointer handle (the empty object allocates nothing).
///
/// **Why sorted, not hashed.** Most objects in real documents have a handful of keys. A sorted
/// slice stores each member in 40 bytes (a 16-byte [`FrozenStr`] and a 24-byte value) with one
/// 16-byte header per object, finds a key by binary search, builds from a parsed object with one
/// sort, and iterates (and so serializes and prints) in key order, the order of
/// `serde_json::Value`'s default `Map` (a `BTreeMap`), the same in every process. A hash trie
/// would make edits of a very large object O(log n) instead of O(n), at several times the
/// memory of a small object and with an order that changes from run to run.
///
/// Edits are persistent: `with_inserted` and `without` build a new object holding clones of the
/// other members (one reference count per value; their subtrees are shared, not copied), in
/// O(len), and leave the old one as it was.
///
/// A key that appears twice when collecting keeps the last value (as inserting into a map does,
/// and as `serde_json` does with duplicate keys).
///
/// ```
/// use deepfreeze::{frozen_value, FrozenObject};
///
/// let user: FrozenObject = [("name", frozen_value!("Ada")), ("id", frozen_value!(7))]
///     .into_iter()
///     .collect();
/// assert_eq!(user.get("name"), Some(&frozen_value!("Ada")));
/// assert_eq!(user.keys().collect::<Vec<_>>(), ["id", "name"]); // sorted
///
/// let renamed = user.with_inserted("name", "Grace");
/// assert_eq!(renamed["name"], "Grace");
/// assert_eq!(user["name"], "Ada"); // the old version is unchanged
/// ```
#[derive(Clone, Default)]
pub struct FrozenObject(pub(crate) Shared<(FrozenStr, FrozenValue)>);

// SAFETY:
// - Immutability and depth: the only field is a `Shared<(FrozenStr, FrozenValue)>`, which is
//   `Frozen` because `FrozenStr` and `FrozenValue` are.
// - Sharing: `Shared<(FrozenStr, FrozenValue)>` is `Send + Sync`, so `FrozenObject` is.
#[allow(unsafe_code)]
unsafe impl Frozen for FrozenObject {}

impl FrozenObject {
    /// The empty object (no allocation).
    ///
    /// ```
    /// use deepfreeze::FrozenObject;
    ///
    /// assert!(FrozenObject::new().is_empty());
    /// ```
    #[inline]
    pub const fn new() -> Self {
        Self(Shared::EMPTY)
    }

    /// An object of `members` sorted by key, keeping the last value of a repeated key.
    pub(crate) fn from_members(mut members: Vec<(FrozenStr, FrozenValue)>) -> Self {
        // Stable, so equal keys stay in input order and the last one is the one to keep.
        if !members.is_sorted_by(|a, b| a.0 < b.0) {
            members.sort_by(|a, b| a.0.cmp(&b.0));
            members.dedup_by(|later, earlier| {
                let same = later.0 == earlier.0;
                if same {
                    core::mem::swap(later, earlier);
                }
                same
            });
        }
        Self(Shared::from_vec(members))
    }

    /// The number of members.
    ///
    /// ```
    /// use deepfreeze::{frozen_value, FrozenObject};
    ///
    /// let object: FrozenObject = [("a", 1), ("b", 2), ("a", 3)].into_iter().collect();
    /// assert_eq!(object.len(), 2);
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no members.
    ///
    /// ```
    /// use deepfreeze::FrozenObject;
    ///
    /// assert!(FrozenObject::default().is_empty());
    /// ```
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Where `key` is, or where it would be inserted.
    #[inline]
    fn search(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`.
    ///
    /// ```
    /// use deepfreeze::{frozen_value, FrozenObject};
    ///
    /// let object: FrozenObject = [("a", 1)].into_iter().collect();
    /// assert_eq!(object.get("a"), Some(&frozen_value!(1)));
    /// assert_eq!(object.get("b"), None);
    /// ```
    #[inline]
    pub fn get(&self, key: &str) -> Option<&FrozenValue> {
        self.get_key_value(key).map(|(_, v)| v)
    }

    /// The stored key equal to `key`, and its value.
    ///
    /// ```
    /// use deepfreeze::{frozen_value, FrozenObject};
    ///
    /// let object: FrozenObject = [("a", 1)].into_iter().collect();
    /// let (key, value) = object.get_key_value("a").unwrap();
    /// assert_eq!((key.as_str(), value), ("a", &frozen_value!(1)));
    /// ```
    #[inline]
    pub fn get_key_value(&self, key: &str) -> Option<(&FrozenStr, &FrozenValue)> {
        let index = self.search(key).ok()?;
        let (k, v) = &self.0[index];
        Some((k, v))
    }

    /// Whether `key` is a member.
    ///
    /// ```
    /// use deepfreeze::FrozenObject;
    ///
    /// let object: FrozenObject = [("a", 1)].into_iter().collect();
    /// assert!(object.contains_key("a") && !object.contains_key("b"));
    /// ```
    #[inline]
    pub fn contains_key(&self, key: &str) -> bool {
        self.search(key).is_ok()
    }

    /// The members in key order.
    ///
    /// ```
    /// use deepfreeze::FrozenObject;
    ///
    /// let object: FrozenObject = [("b", 2), ("a", 1)].into_iter().collect();
    /// let keys: Vec<&str> = object.iter().map(|(k, _)| k.as_str()).collect();
    /// assert_eq!(keys, ["a", "b"]);
    /// ```
    #[inline]
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.0.iter())
    }

    /// The keys in order.
    ///
    /// ```
    /// use deepfreeze::FrozenObject;
    ///
    /// let object: FrozenObject = [("b", 2), ("a", 1)].into_iter().collect();
    /// assert_eq!(object.keys().collect::<Vec<_>>(), ["a", "b"]);
    /// ```
    #[inline]
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &FrozenStr> + DoubleEndedIterator {
        self.0.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    ///
    /// ```
    /// use deepfreeze::{frozen_value, FrozenObject};
    ///
    /// let object: FrozenObject = [("b", 2), ("a", 1)].into_iter().collect();
    /// assert_eq!(object.values().collect::<Vec<_>>(), [&frozen_value!(1), &frozen_value!(2)]);
    /// ```
    #[inline]
    pub fn values(&self) -> impl ExactSizeIterator<Item = &FrozenValue> + DoubleEndedIterator {
        self.0.iter().map(|(_, v)| v)
    }

    /// Whether the two objects share one allocation (then they are equal without looking).
    ///
    /// ```
    /// use deepfreeze::FrozenObject;
    ///
    /// let a: FrozenObject = [("a", 1)].into_iter().collect();
    /// assert!(a.ptr_eq(&a.clone()));
    /// ```
    #[inline]
    pub fn ptr_eq(&self, other: &Self) -> bool {
        self.0.ptr_eq(&other.0)
    }

    /// A new object with `key` set to `value` (added, or replacing the old value).
    ///
    /// ```
    /// use deepfreeze::FrozenObject;
    ///
    /// let a = FrozenObject::new().with_inserted("x", 1);
    /// let b = a.with_inserted("x", 2).with_inserted("y", 3);
    /// assert_eq!((a.len(), b.len()), (1, 2));
    /// assert_eq!(b["x"], 2);
    /// ```
    pub fn with_inserted(&self, key: impl Into<FrozenStr>, value: impl Into<FrozenValue>) -> Self {
        let key = key.into();
        let value = value.into();
        Self(match self.search(&key) {
            Ok(index) => self.0.with_replaced(index, (key, value)),
            Err(index) => self.0.with_inserted(index, (key, value)),
        })
    }

    /// A new object without `key` (a clone of this one if `key` is not a member).
    ///
    /// ```
    /// use deepfreeze::FrozenObject;
    ///
    /// let a: FrozenObject = [("x", 1), ("y", 2)].into_iter().collect();
    /// assert_eq!(a.without("x").len(), 1);
    /// assert!(a.without("z").ptr_eq(&a));
    /// ```
    pub fn without(&self, key: &str) -> Self {
        match self.search(key) {
            Ok(index) => Self(self.0.with_removed(index)),
            Err(_) => self.clone(),
        }
    }

    /// Sets `key` to `value` in place (this handle then points at a new allocation), returning
    /// the old value.
    ///
    /// ```
    /// use deepfreeze::{frozen_value, FrozenObject};
    ///
    /// let mut object = FrozenObject::new();
    /// assert_eq!(object.insert("a", 1), None);
    /// assert_eq!(object.insert("a", 2), Some(frozen_value!(1)));
    /// ```
    pub fn insert(
        &mut self,
        key: impl Into<FrozenStr>,
        value: impl Into<FrozenValue>,
    ) -> Option<FrozenValue> {
        let key = key.into();
        let old = self.get(&key).cloned();
        *self = self.with_inserted(key, value);
        old
    }

    /// Removes `key` in place, returning its value.
    ///
    /// ```
    /// use deepfreeze::{frozen_value, FrozenObject};
    ///
    /// let mut object: FrozenObject = [("a", 1)].into_iter().collect();
    /// assert_eq!(object.remove("a"), Some(frozen_value!(1)));
    /// assert_eq!(object.remove("a"), None);
    /// ```
    pub fn remove(&mut self, key: &str) -> Option<FrozenValue> {
        let index = self.search(key).ok()?;
        let old = self.0[index].1.clone();
        *self = Self(self.0.with_removed(index));
        Some(old)
    }

    /// The members as a slice of `(key, value)` pairs, sorted by key.
    pub(crate) fn members(&self) -> &[(FrozenStr, FrozenValue)] {
        &self.0
    }
}

impl core::ops::Index<&str> for FrozenObject {
    type Output = FrozenValue;

    /// The value of `key`, or [`FrozenValue::Null`] if it is not a member (as indexing a
    /// `FrozenValue` does).
    #[inline]
    fn index(&self, key: &str) -> &FrozenValue {
        self.get(key).unwrap_or(&super::NULL)
    }
}

impl PartialEq for FrozenObject {
    fn eq(&self, other: &Self) -> bool {
        super::cmp::eq_members(self.members(), other.members())
    }
}

impl Eq for FrozenObject {}

impl PartialOrd for FrozenObject {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FrozenObject {
    /// Lexicographic over the `(key, value)` pairs in key order, like `BTreeMap`'s.
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        super::cmp::cmp_members(self.members(), other.members())
    }
}

impl core::hash::Hash for FrozenObject {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        super::cmp::hash_members(self.members(), state);
    }
}

impl fmt::Debug for FrozenObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        super::fmt::debug_members(self.members(), f)
    }
}

impl<K: Into<FrozenStr>, V: Into<FrozenValue>> FromIterator<(K, V)> for FrozenObject {
    /// Collects the members, sorted by key; a repeated key keeps its last value.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Self::from_members(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl<'a> IntoIterator for &'a FrozenObject {
    type Item = (&'a FrozenStr, &'a FrozenValue);
    type IntoIter = Iter<'a>;

    #[inline]
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The members of a [`FrozenObject`] in key order, from [`FrozenObject::iter`].
#[derive(Clone)]
pub struct Iter<'a>(core::slice::Iter<'a, (FrozenStr, FrozenValue)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a FrozenStr, &'a FrozenValue);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl FusedIterator for Iter<'_> {}

impl fmt::Debug for Iter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

//! `alloc::collections` and `std::collections`: `VecDeque`, `LinkedList`, `BinaryHeap`,
//! `BTreeMap`, `BTreeSet`, `HashMap`, `HashSet`.
//!
//! Every one of them owns its elements (in a buffer, in nodes or in a hash table) uniquely and
//! changes them only through `&mut self`. Their iterator and entry types are never `Frozen`.

use alloc::collections::{BTreeMap, BTreeSet, BinaryHeap, LinkedList, VecDeque};
#[cfg(feature = "std")]
use std::collections::{HashMap, HashSet};

use crate::Frozen;

// SAFETY:
// - No interior mutability: a ring buffer it uniquely owns, changed only through `&mut self`.
// - Deep: its elements are values of `T: Frozen`.
// - `'static`: it owns its elements, and `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for VecDeque<T> {}

// SAFETY:
// - No interior mutability: nodes it uniquely owns, linked by pointers that change only through
//   `&mut self` (`push_*`, `pop_*`, cursors from `&mut self`).
// - Deep: its elements are values of `T: Frozen`.
// - `'static`: it owns its nodes, and `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for LinkedList<T> {}

// SAFETY:
// - No interior mutability: a `Vec<T>` kept in heap order, changed only through `&mut self`
//   (`peek_mut` too); `&BinaryHeap<T>` gives only `&T`.
// - Deep: its elements are values of `T: Frozen`.
// - `'static`: it owns its elements, and `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for BinaryHeap<T> {}

// SAFETY:
// - No interior mutability: a B-tree of nodes it uniquely owns, changed only through
//   `&mut self`; `&BTreeMap` gives only `&K` and `&V`.
// - Deep: it holds values of `K: Frozen` and `V: Frozen`, nothing else.
// - `'static`: it owns its nodes, and `K, V: 'static`.
#[allow(unsafe_code)]
unsafe impl<K: Frozen, V: Frozen> Frozen for BTreeMap<K, V> {}

// SAFETY:
// - No interior mutability: a `BTreeMap<T, ()>`, changed only through `&mut self`.
// - Deep: it holds values of `T: Frozen` (and `()`), nothing else.
// - `'static`: it owns its nodes, and `T: 'static`.
#[allow(unsafe_code)]
unsafe impl<T: Frozen> Frozen for BTreeSet<T> {}

// SAFETY:
// - No interior mutability: a hash table it uniquely owns plus the hasher builder `S` in place,
//   changed only through `&mut self`; lookups through `&self` call `S::build_hasher(&self)`,
//   which reads `S` (an `S: Frozen` has nothing to change) and hashes into a fresh hasher.
// - Deep: it holds values of `K: Frozen`, `V: Frozen` and `S: Frozen`, nothing else.
// - `'static`: it owns its table, and `K, V, S: 'static`.
#[cfg(feature = "std")]
#[allow(unsafe_code)]
unsafe impl<K: Frozen, V: Frozen, S: Frozen> Frozen for HashMap<K, V, S> {}

// SAFETY:
// - No interior mutability: a `HashMap<T, (), S>`, changed only through `&mut self`.
// - Deep: it holds values of `T: Frozen` and `S: Frozen` (and `()`), nothing else.
// - `'static`: it owns its table, and `T, S: 'static`.
#[cfg(feature = "std")]
#[allow(unsafe_code)]
unsafe impl<T: Frozen, S: Frozen> Frozen for HashSet<T, S> {}

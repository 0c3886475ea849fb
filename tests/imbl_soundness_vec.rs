//! Soundness regressions for the imbl 7.0.2 `Vector` paths that are unsound upstream
//! (docs/DESIGN.md §4): `Vector::swap`, `Vector::retain`, `Vector::sort*` and `focus_mut`. `FrozenVec`
//! builds its `swap`, `retain`, `sort`, `sort_by`, `sort_by_key` and `dedup*` without them; these
//! tests drive those methods on the inputs that trigger the upstream bugs (1,000 strings after a
//! `push_front`; sorts of more than 64 elements) and check the results.
//!
//! Elements are heap-owning and counted: every test ends by checking that exactly as many
//! elements were dropped as were created, so a double free or a leak fails here even without
//! Miri. Run under Miri (`cargo +nightly miri test --test imbl_soundness_vec`) for the full
//! check; the sizes are the trigger sizes in both runs.
//!
//! The last test scans this crate's own sources so the forbidden imbl calls cannot creep back.

use std::cmp::Ordering;
use std::sync::Arc;
use std::sync::atomic::{AtomicIsize, Ordering::SeqCst};

use deepfreeze::FrozenVec;

/// A heap-owning element that counts its live instances.
struct Tracked {
    value: String,
    live: Arc<AtomicIsize>,
}

impl Tracked {
    fn new(value: impl ToString, live: &Arc<AtomicIsize>) -> Self {
        live.fetch_add(1, SeqCst);
        Self {
            value: value.to_string(),
            live: Arc::clone(live),
        }
    }
}

impl Clone for Tracked {
    fn clone(&self) -> Self {
        Self::new(&self.value, &self.live)
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        self.live.fetch_sub(1, SeqCst);
    }
}

impl PartialEq for Tracked {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for Tracked {}

impl PartialOrd for Tracked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Tracked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.value.cmp(&other.value)
    }
}

impl std::fmt::Debug for Tracked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.value.fmt(f)
    }
}

/// Runs `body` with a fresh live counter and checks that every element it created was dropped
/// exactly once.
fn counted(body: impl FnOnce(&Arc<AtomicIsize>)) {
    let live = Arc::new(AtomicIsize::new(0));
    body(&live);
    assert_eq!(
        live.load(SeqCst),
        0,
        "elements created minus elements dropped"
    );
}

fn strings(
    values: impl IntoIterator<Item = impl ToString>,
    live: &Arc<AtomicIsize>,
) -> FrozenVec<Tracked> {
    values.into_iter().map(|v| Tracked::new(v, live)).collect()
}

fn values(v: &FrozenVec<Tracked>) -> Vec<&str> {
    v.iter().map(|t| t.value.as_str()).collect()
}

/// The upstream reproducer: 1,000 strings, `push_front`, then `focus_mut().swap(0, 5)`
/// double-frees in imbl 7.0.2. Ours is two `set`s.
#[test]
fn thousand_strings_push_front_then_swap() {
    counted(|live| {
        let mut v = strings(0..1000, live);
        v.push_front(Tracked::new("front", live));
        v.swap(0, 5);
        let mut model: Vec<String> = (0..1000).map(|i| i.to_string()).collect();
        model.insert(0, "front".into());
        model.swap(0, 5);
        assert_eq!(values(&v), model);

        // Again with a clone alive, so every touched node is shared and must be copied.
        let before = v.clone();
        v.swap(5, 0);
        v.swap(0, 999);
        v.swap(500, 998);
        model.swap(5, 0);
        model.swap(0, 999);
        model.swap(500, 998);
        assert_eq!(values(&v), model);
        assert_eq!(values(&before)[0], "4");
        assert_eq!(values(&before)[5], "front");
    });
}

/// The upstream reproducer: 1,000 strings, `push_front`, then `retain(..)` double-frees in
/// imbl 7.0.2 (its `retain` swaps through `focus_mut`).
#[test]
fn thousand_strings_push_front_then_retain() {
    counted(|live| {
        let mut v = strings(0..1000, live);
        v.push_front(Tracked::new("front", live));
        let snapshot = v.clone();
        v.retain(|t| t.value.len() != 2);
        let mut model: Vec<String> = (0..1000).map(|i| i.to_string()).collect();
        model.insert(0, "front".into());
        let full = model.clone();
        model.retain(|s| s.len() != 2);
        assert_eq!(values(&v), model);
        assert_eq!(values(&snapshot), full, "retain leaves clones alone");

        // Without a clone alive (the unique-owner path), removing everything but the ends.
        drop(snapshot);
        let last = v.len() - 1;
        let mut index = 0;
        v.retain(|_| {
            index += 1;
            index == 1 || index == last + 1
        });
        assert_eq!(values(&v), ["front", "999"]);
    });
}

/// imbl's `Vector::sort` is flagged by Miri on more than 64 elements; ours sorts a `Vec` copy.
#[test]
fn sort_two_hundred_reversed() {
    counted(|live| {
        let mut v = strings((0..200).rev().map(|i| format!("{i:03}")), live);
        let reversed = v.clone();
        v.sort();
        let want: Vec<String> = (0..200).map(|i| format!("{i:03}")).collect();
        assert_eq!(values(&v), want);
        assert_eq!(
            values(&reversed).first(),
            Some(&"199"),
            "sort leaves clones alone"
        );
        drop(reversed);
        // Sorting the (now uniquely owned) sorted vector is a no-op.
        let again = v.clone();
        v.sort();
        assert!(v.ptr_eq(&again));
    });
}

#[test]
fn sort_sizes_around_chunk_boundaries() {
    counted(|live| {
        for n in [63, 64, 65, 66, 127, 128, 129, 300, 1000] {
            // A deterministic shuffle with duplicates.
            let keys: Vec<u32> = (0..n).map(|i| (i * 7919 + 13) % (n / 2 + 1)).collect();
            let mut v = strings(keys.iter().map(|k| format!("{k:04}")), live);
            v.push_front(Tracked::new("9999", live));
            let mut model: Vec<String> = keys.iter().map(|k| format!("{k:04}")).collect();
            model.insert(0, "9999".into());
            v.sort();
            model.sort();
            assert_eq!(values(&v), model, "n={n}");
        }
    });
}

#[test]
fn sort_by_and_sort_by_key_are_stable() {
    counted(|live| {
        // Values "k-i": sorting by the key `k` must keep the `i` order within a key.
        let labels: Vec<String> = (0..500)
            .map(|i| format!("{}-{i:03}", (i * 37) % 5))
            .collect();
        let key = |s: &str| s.split('-').next().unwrap().parse::<u32>().unwrap();

        let mut by_key = strings(&labels, live);
        by_key.push_front(Tracked::new("4-front", live));
        let mut model = labels.clone();
        model.insert(0, "4-front".into());
        by_key.sort_by_key(|t| key(&t.value));
        model.sort_by_key(|s| key(s));
        assert_eq!(values(&by_key), model);

        let mut by = strings(&labels, live);
        let mut model = labels.clone();
        by.sort_by(|a, b| key(&b.value).cmp(&key(&a.value)));
        model.sort_by_key(|s| std::cmp::Reverse(key(s)));
        assert_eq!(values(&by), model);
    });
}

#[test]
fn dedup_thousand_strings() {
    counted(|live| {
        // Runs of equal strings, long at the start (32 zeros) and of length 1 at the end.
        let input: Vec<String> = (0..1000).map(|i| (i * i / 1000).to_string()).collect();
        let mut v = strings(&input, live);
        v.push_front(Tracked::new(&input[0], live));
        let shared = v.clone();
        let mut model = input.clone();
        model.insert(0, input[0].clone());
        v.dedup();
        let full = model.clone();
        model.dedup();
        assert_eq!(values(&v), model);
        assert_eq!(values(&shared), full);

        let mut by_key = shared.clone();
        drop(shared);
        by_key.dedup_by_key(|t| t.value.len());
        let mut model = full.clone();
        model.dedup_by_key(|s| s.len());
        assert_eq!(values(&by_key), model);

        let mut by = strings(&input, live);
        by.dedup_by(|a, b| a.value.chars().next() == b.value.chars().next());
        let mut model = input.clone();
        model.dedup_by(|a, b| a.chars().next() == b.chars().next());
        assert_eq!(values(&by), model);
    });
}

/// `set` is the building block of `swap`: exercise it on shared and unshared trees.
#[test]
fn set_on_shared_and_unique_trees() {
    counted(|live| {
        let mut v = strings(0..1000, live);
        v.push_front(Tracked::new("front", live));
        for i in (0..v.len()).step_by(97) {
            let clone = v.clone();
            let old = v.set(i, Tracked::new("x", live));
            assert_eq!(clone[i], old);
            assert_eq!(v[i].value, "x");
            drop(clone);
            let old = v.set(i, old);
            assert_eq!(old.value, "x");
        }
        let model: Vec<String> = std::iter::once("front".to_string())
            .chain((0..1000).map(|i| i.to_string()))
            .collect();
        assert_eq!(values(&v), model);
    });
}

/// A short vector of small elements lives inline (no heap node). On such a vector imbl's
/// `pop_front`, `remove` and consuming iterator call imbl-sized-chunks 0.2.0's
/// `InlineArray::remove`, which Miri's Stacked Borrows rejects (found by `tests/vec.rs` under
/// Miri). `FrozenVec::pop_front`, `FrozenVec::remove` and `IntoIter` route around it.
#[test]
fn inline_vectors_pop_front_remove_into_iter() {
    fn exercise<T: Clone + PartialEq + std::fmt::Debug>(make: impl Fn(usize) -> T) {
        // Around the inline capacities (48 `u8`s, 12 `u32`s, 3 pairs, 2 `String`s, 1 `Tracked`)
        // and the first heap chunk (64).
        let lens: Vec<usize> = if cfg!(miri) {
            vec![0, 1, 2, 3, 4, 12, 13, 48, 49, 65]
        } else {
            (0..=70).collect()
        };
        for len in lens {
            let model: Vec<T> = (0..len).map(&make).collect();
            // pop_front until empty
            let mut v: FrozenVec<T> = model.iter().cloned().collect();
            let mut m = model.clone();
            while !m.is_empty() {
                assert_eq!(v.pop_front(), Some(m.remove(0)));
                assert!(v.iter().eq(m.iter()));
            }
            assert_eq!(v.pop_front(), None);
            // remove at every index (at the ends and the middle under Miri)
            let indices: Vec<usize> = if cfg!(miri) {
                [0, len / 2, len.saturating_sub(1)]
                    .into_iter()
                    .filter(|&i| i < len)
                    .collect()
            } else {
                (0..len).collect()
            };
            for index in indices {
                let mut v: FrozenVec<T> = model.iter().cloned().collect();
                let mut m = model.clone();
                assert_eq!(v.remove(index), m.remove(index));
                assert!(v.iter().eq(m.iter()));
                if !m.is_empty() {
                    assert!(v.without_index(0).iter().eq(m.iter().skip(1)));
                }
            }
            // into_iter from both ends
            let v: FrozenVec<T> = model.iter().cloned().collect();
            let mut it = v.into_iter();
            let mut m = model.clone().into_iter();
            let mut front = true;
            loop {
                let (a, b) = if front {
                    (it.next(), m.next())
                } else {
                    (it.next_back(), m.next_back())
                };
                assert_eq!(a, b);
                if a.is_none() {
                    break;
                }
                front = !front;
            }
            assert_eq!(
                Vec::from(model.iter().cloned().collect::<FrozenVec<T>>()),
                model
            );
        }
    }
    exercise(|i| i as u8);
    exercise(|i| i as u32);
    exercise(|i| (i as u64, i as u64));
    exercise(|i| i.to_string());
    counted(|live| exercise(|i| Tracked::new(i, live)));
}

/// The forbidden imbl paths stay out of `FrozenVec` (`tests/imbl_soundness_ord.rs` scans the
/// ordered containers). The scan skips comment lines (the module docs name the paths to explain
/// why they are avoided), and allows `triomphe::Arc::get_mut`, spelled out (the in-place update
/// of a short vector's array).
#[test]
fn sources_never_call_the_forbidden_imbl_paths() {
    let sources = [
        ("src/vec.rs", include_str!("../src/vec.rs")),
        ("src/vec/iter.rs", include_str!("../src/vec/iter.rs")),
        ("src/vec/traits.rs", include_str!("../src/vec/traits.rs")),
        ("src/vec/repr.rs", include_str!("../src/vec/repr.rs")),
        ("src/vec/rebuild.rs", include_str!("../src/vec/rebuild.rs")),
    ];
    let forbidden = [
        "focus_mut",
        "get_mut",
        "iter_mut",
        "front_mut",
        "back_mut",
        "leaves_mut",
        "get_key_value_mut",
        "get_prev_mut",
        "get_next_mut",
        ".entry(",
        "inner.retain(",
        "inner.sort",
        "inner.swap(",
        "inner.insert_ord",
        "IndexMut",
        "index_mut",
    ];
    for (path, text) in sources {
        for (no, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            // triomphe's `Arc::get_mut` (of a short vector's array) is not imbl's; it is named
            // with its full path so that this exception cannot cover an imbl call.
            let code = code.replace("triomphe::Arc::get_mut(", "");
            for pattern in forbidden {
                assert!(
                    !code.contains(pattern),
                    "{path}:{}: `{pattern}` in `{code}`",
                    no + 1
                );
            }
            // `inner[i] = ..` or `&mut inner[i]` would go through imbl's `IndexMut`.
            if let Some(at) = code.find("inner[") {
                let rest = &code[at..];
                let close = rest.find(']').unwrap_or(rest.len());
                let after = rest[close..].trim_start_matches(']').trim_start();
                assert!(
                    !after.starts_with('=') || after.starts_with("=="),
                    "{path}:{}: assignment through imbl's IndexMut in `{code}`",
                    no + 1
                );
                assert!(
                    !code.contains("&mut self.inner["),
                    "{path}:{}: `{code}`",
                    no + 1
                );
            }
        }
    }
}

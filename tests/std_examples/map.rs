//! `HashMap`'s doc examples on `FrozenMap`.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use deepfreeze::FrozenMap;
use deepfreeze::map::{Entry, OccupiedEntry, VacantEntry};
use static_assertions::assert_impl_all;

#[test]
fn type_level_book_reviews() {
    let mut book_reviews = FrozenMap::new();
    book_reviews.insert(
        "Adventures of Huckleberry Finn".to_string(),
        "My favorite book.".to_string(),
    );
    book_reviews.insert(
        "Grimms' Fairy Tales".to_string(),
        "Masterpiece.".to_string(),
    );
    book_reviews.insert(
        "Pride and Prejudice".to_string(),
        "Very enjoyable.".to_string(),
    );
    book_reviews.insert(
        "The Adventures of Sherlock Holmes".to_string(),
        "Eye lyked it alot.".to_string(),
    );
    assert!(!book_reviews.contains_key("Les Misérables"));
    assert_eq!(book_reviews.len(), 4);

    // oops, this review has a lot of spelling mistakes, let's delete it.
    book_reviews.remove("The Adventures of Sherlock Holmes");
    assert_eq!(book_reviews.len(), 3);

    let to_find = ["Pride and Prejudice", "Alice's Adventure in Wonderland"];
    let found: Vec<Option<&String>> = to_find.iter().map(|&book| book_reviews.get(book)).collect();
    assert_eq!(found, [Some(&"Very enjoyable.".to_string()), None]);

    assert_eq!(book_reviews["Pride and Prejudice"], "Very enjoyable.");

    let mut seen = 0;
    for (book, review) in &book_reviews {
        assert_eq!(book_reviews[book], *review);
        seen += 1;
    }
    assert_eq!(seen, 3);
}

#[test]
fn type_level_from_array_and_entry_api() {
    let solar_distance = FrozenMap::from([
        ("Mercury", 0.4),
        ("Venus", 0.7),
        ("Earth", 1.0),
        ("Mars", 1.5),
    ]);
    assert_eq!(solar_distance["Earth"], 1.0);

    // type inference lets us omit an explicit type signature (which
    // would be `FrozenMap<&str, u8>` in this example).
    let mut player_stats = FrozenMap::new();
    fn random_stat_buff() -> u8 {
        42
    }
    // insert a key only if it doesn't already exist
    player_stats.entry("health").or_insert(100);
    // insert a key using a function that provides a new value only if it
    // doesn't already exist
    player_stats
        .entry("defence")
        .or_insert_with(random_stat_buff);
    // update a key, guarding against the key possibly not being set
    let stat = player_stats.entry("attack").or_insert(100);
    *stat += random_stat_buff();
    // modify an entry before an insert with in-place mutation
    player_stats
        .entry("mana")
        .and_modify(|mana| *mana += 200)
        .or_insert(100);
    assert_eq!(
        player_stats,
        FrozenMap::from([
            ("health", 100),
            ("defence", 42),
            ("attack", 142),
            ("mana", 100)
        ])
    );
}

#[test]
fn type_level_custom_key() {
    #[derive(Hash, Eq, PartialEq, Debug, Clone)]
    struct Viking {
        name: String,
        country: String,
    }

    impl Viking {
        /// Creates a new Viking.
        fn new(name: &str, country: &str) -> Viking {
            Viking {
                name: name.to_string(),
                country: country.to_string(),
            }
        }
    }

    // Use a FrozenMap to store the vikings' health points.
    let vikings = FrozenMap::from([
        (Viking::new("Einar", "Norway"), 25),
        (Viking::new("Olaf", "Denmark"), 24),
        (Viking::new("Harald", "Iceland"), 12),
    ]);
    let mut total = 0;
    for (viking, health) in &vikings {
        assert!(!viking.name.is_empty() && !viking.country.is_empty());
        total += health;
    }
    assert_eq!(total, 61);
    assert_eq!(vikings[&Viking::new("Olaf", "Denmark")], 24);
}

#[test]
fn new_and_with_hasher_and_hasher() {
    let map: FrozenMap<&str, i32> = FrozenMap::new();
    assert!(map.is_empty());

    let s = RandomState::new();
    let mut map = FrozenMap::with_hasher(s);
    map.insert(1, 2);
    assert_eq!(map[&1], 2);

    let hasher = RandomState::new();
    let map: FrozenMap<i32, i32, RandomState> = FrozenMap::with_hasher(hasher.clone());
    let stored: &RandomState = map.hasher();
    assert_eq!(stored.hash_one(7), hasher.hash_one(7));

    // `with_hasher` is a `const fn`, as std's.
    const EMPTY: FrozenMap<u8, u8, std::hash::BuildHasherDefault<std::hash::DefaultHasher>> =
        FrozenMap::with_hasher(std::hash::BuildHasherDefault::new());
    assert!(EMPTY.is_empty());
}

#[test]
fn keys_values_and_their_owned_forms() {
    let map = FrozenMap::from([("a", 1), ("b", 2), ("c", 3)]);
    let mut keys: Vec<&&str> = map.keys().collect();
    keys.sort();
    assert_eq!(keys, [&"a", &"b", &"c"]);
    let mut values: Vec<&i32> = map.values().collect();
    values.sort();
    assert_eq!(values, [&1, &2, &3]);

    let mut vec: Vec<&str> = map.clone().into_keys().collect();
    // The `IntoKeys` iterator produces keys in arbitrary order, so the keys must be sorted to
    // test them against a sorted array.
    vec.sort_unstable();
    assert_eq!(vec, ["a", "b", "c"]);

    let mut vec: Vec<i32> = map.clone().into_values().collect();
    vec.sort_unstable();
    assert_eq!(vec, [1, 2, 3]);

    let mut map = map;
    for val in map.values_mut() {
        *val += 10;
    }
    let mut values: Vec<i32> = map.values().copied().collect();
    values.sort_unstable();
    assert_eq!(values, [11, 12, 13]);
}

#[test]
fn iter_and_iter_mut() {
    let map = FrozenMap::from([("a", 1), ("b", 2), ("c", 3)]);
    let mut pairs: Vec<(&&str, &i32)> = map.iter().collect();
    pairs.sort();
    assert_eq!(pairs, [(&"a", &1), (&"b", &2), (&"c", &3)]);

    let mut map = map;
    // Update all values
    for (_, val) in map.iter_mut() {
        *val *= 2;
    }
    let mut pairs: Vec<(&str, i32)> = map.iter().map(|(k, v)| (*k, *v)).collect();
    pairs.sort();
    assert_eq!(pairs, [("a", 2), ("b", 4), ("c", 6)]);

    // `&mut map` is `IntoIterator` too.
    for (_, val) in &mut map {
        *val += 1;
    }
    assert_eq!(map, FrozenMap::from([("a", 3), ("b", 5), ("c", 7)]));
}

#[test]
fn len_is_empty_clear() {
    let mut a = FrozenMap::new();
    assert_eq!(a.len(), 0);
    assert!(a.is_empty());
    a.insert(1, "a");
    assert_eq!(a.len(), 1);
    assert!(!a.is_empty());
    a.clear();
    assert!(a.is_empty());
}

#[test]
fn drain_empties_the_map_even_when_not_exhausted() {
    let mut a = FrozenMap::new();
    a.insert(1, "a");
    a.insert(2, "b");
    for (k, v) in a.drain().take(1) {
        assert!(k == 1 || k == 2);
        assert!(v == "a" || v == "b");
    }
    assert!(a.is_empty());
    assert_eq!(a.len(), 0);
}

#[test]
fn extract_if() {
    let mut map: FrozenMap<i32, i32> = (0..8).map(|x| (x, x)).collect();
    let extracted: FrozenMap<i32, i32> = map.extract_if(|k, _v| k % 2 == 0).collect();

    let mut evens = extracted.keys().copied().collect::<Vec<_>>();
    let mut odds = map.keys().copied().collect::<Vec<_>>();
    evens.sort();
    odds.sort();
    assert_eq!(evens, vec![0, 2, 4, 6]);
    assert_eq!(odds, vec![1, 3, 5, 7]);
}

#[test]
fn extract_if_not_exhausted_keeps_the_rest() {
    // std: "If the returned ExtractIf is not exhausted ... the remaining elements will be
    // retained."
    let mut map: FrozenMap<i32, i32> = (0..8).map(|x| (x, x)).collect();
    let first = map.extract_if(|_, _| true).next();
    assert!(first.is_some());
    assert_eq!(map.len(), 7);
    assert_eq!(map.iter().count(), 7);

    drop(map.extract_if(|_, _| true));
    assert_eq!(map.len(), 7);

    // The closure may change the values it keeps.
    let taken: Vec<(i32, i32)> = map
        .extract_if(|_, v| {
            *v += 100;
            false
        })
        .collect();
    assert!(taken.is_empty());
    assert!(map.values().all(|v| *v >= 100));
}

#[test]
fn retain() {
    let mut map: FrozenMap<i32, i32> = (0..8).map(|x| (x, x * 10)).collect();
    map.retain(|&k, _| k % 2 == 0);
    assert_eq!(map.len(), 4);

    // The closure gets `&mut V`, as std's.
    map.retain(|_, v| {
        *v += 1;
        true
    });
    assert_eq!(map, FrozenMap::from([(0, 1), (2, 21), (4, 41), (6, 61)]));
}

#[test]
fn entry_letters() {
    let mut letters = FrozenMap::new();

    for ch in "a short treatise on fungi".chars() {
        letters
            .entry(ch)
            .and_modify(|counter| *counter += 1)
            .or_insert(1);
    }

    assert_eq!(letters[&'s'], 2);
    assert_eq!(letters[&'t'], 3);
    assert_eq!(letters[&'u'], 1);
    assert_eq!(letters.get(&'y'), None);
}

#[test]
fn get_get_key_value_contains_key() {
    let mut map = FrozenMap::new();
    map.insert(1, "a");
    assert_eq!(map.get(&1), Some(&"a"));
    assert_eq!(map.get(&2), None);
    assert_eq!(map.get_key_value(&1), Some((&1, &"a")));
    assert_eq!(map.get_key_value(&2), None);
    assert!(map.contains_key(&1));
    assert!(!map.contains_key(&2));
}

fn libraries() -> FrozenMap<String, i32> {
    let mut libraries = FrozenMap::new();
    libraries.insert("Bodleian Library".to_string(), 1602);
    libraries.insert("Athenæum".to_string(), 1807);
    libraries.insert("Herzogin-Anna-Amalia-Bibliothek".to_string(), 1691);
    libraries.insert("Library of Congress".to_string(), 1800);
    libraries
}

#[test]
fn get_disjoint_mut() {
    let mut libraries = libraries();

    // Get Athenæum and Bodleian Library
    let [Some(a), Some(b)] = libraries.get_disjoint_mut(["Athenæum", "Bodleian Library"]) else {
        panic!()
    };
    std::mem::swap(a, b);
    assert_eq!(libraries["Athenæum"], 1602);
    assert_eq!(libraries["Bodleian Library"], 1807);

    // Assert values of Athenæum and Library of Congress
    let got = libraries.get_disjoint_mut(["Athenæum", "Library of Congress"]);
    assert_eq!(got, [Some(&mut 1602), Some(&mut 1800)]);

    // Missing keys result in None
    let got = libraries.get_disjoint_mut(["Athenæum", "New York Public Library"]);
    assert_eq!(got, [Some(&mut 1602), None]);
}

#[test]
#[should_panic]
fn get_disjoint_mut_duplicate_keys_panic() {
    let mut libraries = libraries();
    // Duplicate keys panic!
    let _got = libraries.get_disjoint_mut(["Athenæum", "Athenæum"]);
}

#[test]
#[should_panic]
fn get_disjoint_mut_duplicate_keys_panic_among_absent_ones() {
    // std checks for overlap among the entries it found: two equal present keys panic even
    // when other keys are absent.
    let mut libraries = libraries();
    let _got = libraries.get_disjoint_mut(["Nowhere", "Athenæum", "Athenæum"]);
}

#[test]
fn get_disjoint_mut_repeated_absent_key_does_not_panic() {
    let mut libraries = libraries();
    let got = libraries.get_disjoint_mut(["Nowhere", "Nowhere"]);
    assert_eq!(got, [None, None]);
}

#[test]
fn get_mut_insert_remove_remove_entry() {
    let mut map = FrozenMap::new();
    map.insert(1, "a");
    if let Some(x) = map.get_mut(&1) {
        *x = "b";
    }
    assert_eq!(map[&1], "b");

    let mut map = FrozenMap::new();
    assert_eq!(map.insert(37, "a"), None);
    assert!(!map.is_empty());
    map.insert(37, "b");
    assert_eq!(map.insert(37, "c"), Some("b"));
    assert_eq!(map[&37], "c");

    let mut map = FrozenMap::new();
    map.insert(1, "a");
    assert_eq!(map.remove(&1), Some("a"));
    assert_eq!(map.remove(&1), None);

    let mut map = FrozenMap::new();
    map.insert(1, "a");
    assert_eq!(map.remove_entry(&1), Some((1, "a")));
    assert_eq!(map.remove(&1), None);
}

#[test]
fn insert_keeps_the_stored_key() {
    // std: "the key is not updated, though; this matters for types that can be == without
    // being identical."
    #[derive(Clone, Debug)]
    struct Tagged(u8, &'static str);
    impl PartialEq for Tagged {
        fn eq(&self, other: &Self) -> bool {
            self.0 == other.0
        }
    }
    impl Eq for Tagged {}
    impl std::hash::Hash for Tagged {
        fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
            self.0.hash(state);
        }
    }
    let mut map = FrozenMap::new();
    map.insert(Tagged(1, "first"), 1);
    map.insert(Tagged(1, "second"), 2);
    let (key, value) = map.get_key_value(&Tagged(1, "")).unwrap();
    assert_eq!((key.1, *value), ("first", 2));

    // `entry` with a key already present keeps the stored key as well.
    let entry = map.entry(Tagged(1, "third"));
    assert_eq!(entry.key().1, "first");
}

#[test]
#[should_panic]
fn index_panics_on_absent_key() {
    let map: FrozenMap<i32, i32> = FrozenMap::new();
    let _ = map[&1];
}

#[test]
fn entry_methods() {
    // Entry::or_insert
    let mut map: FrozenMap<&str, u32> = FrozenMap::new();
    map.entry("poneyland").or_insert(3);
    assert_eq!(map["poneyland"], 3);
    *map.entry("poneyland").or_insert(10) *= 2;
    assert_eq!(map["poneyland"], 6);

    // Entry::or_insert_with
    let mut map = FrozenMap::new();
    let value = "hoho";
    map.entry("poneyland").or_insert_with(|| value);
    assert_eq!(map["poneyland"], "hoho");

    // Entry::or_insert_with_key
    let mut map: FrozenMap<&str, usize> = FrozenMap::new();
    map.entry("poneyland")
        .or_insert_with_key(|key| key.chars().count());
    assert_eq!(map["poneyland"], 9);

    // Entry::key
    let mut map: FrozenMap<&str, u32> = FrozenMap::new();
    assert_eq!(map.entry("poneyland").key(), &"poneyland");

    // Entry::and_modify
    let mut map: FrozenMap<&str, u32> = FrozenMap::new();
    map.entry("poneyland").and_modify(|e| *e += 1).or_insert(42);
    assert_eq!(map["poneyland"], 42);
    map.entry("poneyland").and_modify(|e| *e += 1).or_insert(42);
    assert_eq!(map["poneyland"], 43);

    // Entry::insert_entry
    let mut map: FrozenMap<&str, String> = FrozenMap::new();
    let entry = map.entry("poneyland").insert_entry("hoho".to_string());
    assert_eq!(entry.key(), &"poneyland");
    assert_eq!(map["poneyland"], "hoho");
    let entry = map.entry("poneyland").insert_entry("haha".to_string());
    assert_eq!(entry.get(), "haha");

    // Entry::or_default
    let mut map: FrozenMap<&str, Option<u32>> = FrozenMap::new();
    map.entry("poneyland").or_default();
    assert_eq!(map["poneyland"], None);
}

#[test]
fn occupied_entry_methods() {
    // OccupiedEntry::key
    let mut map: FrozenMap<&str, u32> = FrozenMap::new();
    map.entry("poneyland").or_insert(12);
    assert_eq!(map.entry("poneyland").key(), &"poneyland");

    // OccupiedEntry::remove_entry
    if let Entry::Occupied(o) = map.entry("poneyland") {
        // We delete the entry from the map.
        assert_eq!(o.remove_entry(), ("poneyland", 12));
    }
    assert!(!map.contains_key("poneyland"));

    // OccupiedEntry::get
    let mut map: FrozenMap<&str, u32> = FrozenMap::new();
    map.entry("poneyland").or_insert(12);
    if let Entry::Occupied(o) = map.entry("poneyland") {
        assert_eq!(o.get(), &12);
    }

    // OccupiedEntry::get_mut
    assert_eq!(map["poneyland"], 12);
    if let Entry::Occupied(mut o) = map.entry("poneyland") {
        *o.get_mut() += 10;
        assert_eq!(*o.get(), 22);
        // We can use the same Entry multiple times.
        *o.get_mut() += 2;
    }
    assert_eq!(map["poneyland"], 24);

    // OccupiedEntry::into_mut
    let mut map: FrozenMap<&str, u32> = FrozenMap::new();
    map.entry("poneyland").or_insert(12);
    if let Entry::Occupied(o) = map.entry("poneyland") {
        *o.into_mut() += 10;
    }
    assert_eq!(map["poneyland"], 22);

    // OccupiedEntry::insert
    if let Entry::Occupied(mut o) = map.entry("poneyland") {
        assert_eq!(o.insert(15), 22);
    }
    assert_eq!(map["poneyland"], 15);

    // OccupiedEntry::remove
    if let Entry::Occupied(o) = map.entry("poneyland") {
        assert_eq!(o.remove(), 15);
    }
    assert!(!map.contains_key("poneyland"));
}

#[test]
fn vacant_entry_methods() {
    // VacantEntry::key
    let mut map: FrozenMap<&str, u32> = FrozenMap::new();
    assert_eq!(map.entry("poneyland").key(), &"poneyland");

    // VacantEntry::into_key
    if let Entry::Vacant(v) = map.entry("poneyland") {
        assert_eq!(v.into_key(), "poneyland");
    }
    assert!(map.is_empty());

    // VacantEntry::insert
    if let Entry::Vacant(o) = map.entry("poneyland") {
        *o.insert(37) += 1;
    }
    assert_eq!(map["poneyland"], 38);

    // VacantEntry::insert_entry
    let mut map: FrozenMap<&str, u32> = FrozenMap::new();
    if let Entry::Vacant(o) = map.entry("poneyland") {
        let occupied: OccupiedEntry<'_, &str, u32> = o.insert_entry(37);
        assert_eq!(occupied.get(), &37);
    }
    assert_eq!(map["poneyland"], 37);
}

#[test]
fn entries_leave_other_versions_alone() {
    let mut map = FrozenMap::from([("a", 1)]);
    let old = map.clone();
    *map.entry("a").or_insert(0) += 1;
    map.entry("b").or_insert(5);
    if let Entry::Occupied(o) = map.entry("a") {
        o.remove();
    }
    assert_eq!(old, FrozenMap::from([("a", 1)]));
    assert_eq!(map, FrozenMap::from([("b", 5)]));
}

#[test]
fn traits_from_iter_extend_default_debug_eq() {
    let map: FrozenMap<i32, &str> = [(1, "a"), (2, "b")].into_iter().collect();
    assert_eq!(map.len(), 2);

    // Extend by value and by reference (std's `Extend<(&K, &V)>` for `Copy` keys and values).
    let mut more = FrozenMap::new();
    more.extend([(3, "c")]);
    more.extend(map.iter());
    more.extend(&HashMap::from([(4, "d")]));
    // As with std, `assert_eq!(map, iter.collect())` infers the collected type.
    assert_eq!(
        more,
        [(1, "a"), (2, "b"), (3, "c"), (4, "d")]
            .into_iter()
            .collect()
    );
    assert_eq!(
        more,
        FrozenMap::from([(1, "a"), (2, "b"), (3, "c"), (4, "d")])
    );

    let empty: FrozenMap<i32, i32> = Default::default();
    assert!(empty.is_empty());
    assert_eq!(format!("{empty:?}"), "{}");
    assert_eq!(format!("{:?}", FrozenMap::from([(1, "a")])), r#"{1: "a"}"#);

    // Conversions to and from std's map, whose hasher the frozen map keeps.
    let std_map = HashMap::from([(1, "a"), (2, "b")]);
    assert_eq!(HashMap::from(&map), HashMap::from_iter(std_map.clone()));
    let from_std: FrozenMap<i32, &str, RandomState> = FrozenMap::from(std_map.clone());
    assert_eq!(HashMap::from(from_std), std_map);
}

// ---- signatures and trait surfaces, as std documents them ----

type M = FrozenMap<String, i32>;

#[test]
fn method_signatures_match_std() {
    let _: for<'a, 'k> fn(&'a M, &'k str) -> Option<&'a i32> = M::get::<str>;
    let _: for<'a, 'k> fn(&'a M, &'k str) -> Option<(&'a String, &'a i32)> =
        M::get_key_value::<str>;
    let _: fn(&M, &str) -> bool = M::contains_key::<str>;
    let _: for<'a, 'k> fn(&'a mut M, &'k str) -> Option<&'a mut i32> = M::get_mut::<str>;
    let _: for<'a, 'k> fn(&'a mut M, [&'k str; 2]) -> [Option<&'a mut i32>; 2] =
        M::get_disjoint_mut::<str, 2>;
    let _: fn(&mut M, String, i32) -> Option<i32> = M::insert;
    let _: fn(&mut M, &str) -> Option<i32> = M::remove::<str>;
    let _: fn(&mut M, &str) -> Option<(String, i32)> = M::remove_entry::<str>;
    let _: fn(&mut M, String) -> Entry<'_, String, i32> = M::entry;
    let _: fn(&M) -> usize = M::len;
    let _: fn(&M) -> bool = M::is_empty;
    let _: fn(&mut M) = M::clear;
    let _: fn(&M) -> &deepfreeze::map::DefaultHashBuilder = M::hasher;
    let _: fn(M) -> deepfreeze::map::IntoKeys<String, i32> = M::into_keys;
    let _: fn(M) -> deepfreeze::map::IntoValues<String, i32> = M::into_values;
    let _: fn(&mut M) -> deepfreeze::map::Drain<'_, String, i32> = M::drain;
    let _: fn(&mut M) -> deepfreeze::map::IterMut<'_, String, i32> = M::iter_mut;
    let _: fn(&mut M) -> deepfreeze::map::ValuesMut<'_, String, i32> = M::values_mut;
    let _: fn(&M) -> deepfreeze::map::Iter<'_, String, i32> = M::iter;
    let _: fn(&M) -> deepfreeze::map::Keys<'_, String, i32> = M::keys;
    let _: fn(&M) -> deepfreeze::map::Values<'_, String, i32> = M::values;

    entry_signatures_match_std();
}

// `'a` names the entry's lifetime in the body's `fn` pointer types.
#[allow(clippy::extra_unused_lifetimes)]
fn entry_signatures_match_std<'a>() {
    // Entry methods.
    type E<'a> = Entry<'a, String, i32>;
    type O<'a> = OccupiedEntry<'a, String, i32>;
    type Va<'a> = VacantEntry<'a, String, i32>;
    let _: fn(E<'a>, i32) -> &'a mut i32 = E::or_insert;
    let _: fn(E<'a>) -> &'a mut i32 = E::or_default;
    let _: fn(E<'a>, i32) -> O<'a> = E::insert_entry;
    let _: for<'b> fn(&'b E<'a>) -> &'b String = E::key;
    let _: for<'b> fn(&'b O<'a>) -> &'b String = O::key;
    let _: for<'b> fn(&'b O<'a>) -> &'b i32 = O::get;
    let _: for<'b> fn(&'b mut O<'a>) -> &'b mut i32 = O::get_mut;
    let _: fn(O<'a>) -> &'a mut i32 = O::into_mut;
    let _: for<'b> fn(&'b mut O<'a>, i32) -> i32 = O::insert;
    let _: fn(O<'a>) -> i32 = O::remove;
    let _: fn(O<'a>) -> (String, i32) = O::remove_entry;
    let _: for<'b> fn(&'b Va<'a>) -> &'b String = Va::key;
    let _: fn(Va<'a>) -> String = Va::into_key;
    let _: fn(Va<'a>, i32) -> &'a mut i32 = Va::insert;
    let _: fn(Va<'a>, i32) -> O<'a> = Va::insert_entry;
}

assert_impl_all!(M: Clone, Default, std::fmt::Debug, PartialEq, Eq, Send, Sync,
    FromIterator<(String, i32)>, Extend<(String, i32)>, From<[(String, i32); 3]>,
    IntoIterator, std::ops::Index<&'static str>);
assert_impl_all!(FrozenMap<u8, u8>: Extend<(&'static u8, &'static u8)>);
assert_impl_all!(deepfreeze::map::Iter<'static, u8, u8>: Clone, std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator, Send, Sync);
assert_impl_all!(deepfreeze::map::Keys<'static, u8, u8>: Clone, std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::map::Values<'static, u8, u8>: Clone, std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::map::IterMut<'static, u8, u8>: std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator, Send, Sync);
assert_impl_all!(deepfreeze::map::ValuesMut<'static, u8, u8>: std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::map::IntoIter<u8, u8>: std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator, Send, Sync);
assert_impl_all!(deepfreeze::map::IntoKeys<u8, u8>: std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::map::IntoValues<u8, u8>: std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::map::Drain<'static, u8, u8>: std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator);
assert_impl_all!(Entry<'static, u8, u8>: std::fmt::Debug);
assert_impl_all!(OccupiedEntry<'static, u8, u8>: std::fmt::Debug);
assert_impl_all!(VacantEntry<'static, u8, u8>: std::fmt::Debug);

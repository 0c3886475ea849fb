//! `BTreeMap`'s doc examples on `FrozenOrdMap`.

use deepfreeze::FrozenOrdMap;
use deepfreeze::ord_map::{Entry, OccupiedEntry};

#[test]
fn type_level_movie_reviews() {
    // type inference lets us omit an explicit type signature (which
    // would be `FrozenOrdMap<&str, &str>` in this example).
    let mut movie_reviews = FrozenOrdMap::new();

    // review some movies.
    movie_reviews.insert("Office Space", "Deals with real issues in the workplace.");
    movie_reviews.insert("Pulp Fiction", "Masterpiece.");
    movie_reviews.insert("The Godfather", "Very enjoyable.");
    movie_reviews.insert("The Blues Brothers", "Eye lyked it a lot.");

    // check for a specific one.
    assert!(!movie_reviews.contains_key("Les Misérables"));

    // oops, this review has a lot of spelling mistakes, let's delete it.
    movie_reviews.remove("The Blues Brothers");

    // look up the values associated with some keys.
    let to_find = ["Up!", "Office Space"];
    let found: Vec<_> = to_find
        .iter()
        .map(|movie| movie_reviews.get(movie))
        .collect();
    assert_eq!(
        found,
        [None, Some(&"Deals with real issues in the workplace.")]
    );

    // Look up the value for a key (will panic if the key is not found).
    assert_eq!(
        movie_reviews["Office Space"],
        "Deals with real issues in the workplace."
    );

    // iterate over everything, in key order.
    let movies: Vec<&&str> = movie_reviews.keys().collect();
    assert_eq!(movies, [&"Office Space", &"Pulp Fiction", &"The Godfather"]);

    let solar_distance = FrozenOrdMap::from([
        ("Mercury", 0.4),
        ("Venus", 0.7),
        ("Earth", 1.0),
        ("Mars", 1.5),
    ]);
    assert_eq!(solar_distance.first_key_value(), Some((&"Earth", &1.0)));
}

#[test]
fn entry_api_player_stats() {
    // type inference lets us omit an explicit type signature (which
    // would be `FrozenOrdMap<&str, u8>` in this example).
    let mut player_stats = FrozenOrdMap::new();

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
        FrozenOrdMap::from([
            ("attack", 142),
            ("defence", 42),
            ("health", 100),
            ("mana", 100)
        ])
    );
}

#[test]
fn entry_count() {
    let mut count: FrozenOrdMap<&str, usize> = FrozenOrdMap::new();

    // count the number of occurrences of letters in the vec
    for x in ["a", "b", "a", "c", "a", "b"] {
        count.entry(x).and_modify(|curr| *curr += 1).or_insert(1);
    }

    assert_eq!(count["a"], 3);
    assert_eq!(count["b"], 2);
    assert_eq!(count["c"], 1);
}

#[test]
fn entry_methods() {
    let mut map: FrozenOrdMap<&str, usize> = FrozenOrdMap::new();
    map.entry("poneyland").or_insert(12);
    assert_eq!(map["poneyland"], 12);

    let mut map: FrozenOrdMap<&str, String> = FrozenOrdMap::new();
    let s = "hoho".to_string();
    map.entry("poneyland").or_insert_with(|| s);
    assert_eq!(map["poneyland"], "hoho".to_string());

    let mut map: FrozenOrdMap<&str, usize> = FrozenOrdMap::new();
    map.entry("poneyland")
        .or_insert_with_key(|key| key.chars().count());
    assert_eq!(map["poneyland"], 9);

    let mut map: FrozenOrdMap<&str, usize> = FrozenOrdMap::new();
    assert_eq!(map.entry("poneyland").key(), &"poneyland");

    let mut map: FrozenOrdMap<&str, usize> = FrozenOrdMap::new();
    map.entry("poneyland").and_modify(|e| *e += 1).or_insert(42);
    assert_eq!(map["poneyland"], 42);
    map.entry("poneyland").and_modify(|e| *e += 1).or_insert(42);
    assert_eq!(map["poneyland"], 43);

    let mut map: FrozenOrdMap<&str, String> = FrozenOrdMap::new();
    let entry = map.entry("poneyland").insert_entry("hoho".to_string());
    assert_eq!(entry.key(), &"poneyland");

    let mut map: FrozenOrdMap<&str, Option<usize>> = FrozenOrdMap::new();
    map.entry("poneyland").or_default();
    assert_eq!(map["poneyland"], None);
}

#[test]
fn occupied_and_vacant_entry_methods() {
    let mut map: FrozenOrdMap<&str, usize> = FrozenOrdMap::new();
    map.entry("poneyland").or_insert(12);
    assert_eq!(map.entry("poneyland").key(), &"poneyland");

    if let Entry::Occupied(o) = map.entry("poneyland") {
        // We delete the entry from the map.
        assert_eq!(o.remove_entry(), ("poneyland", 12));
    }
    // If now try to get the value, it will panic:
    // println!("{}", map["poneyland"]);
    assert!(!map.contains_key("poneyland"));

    map.entry("poneyland").or_insert(12);
    if let Entry::Occupied(o) = map.entry("poneyland") {
        assert_eq!(o.get(), &12);
    }

    assert_eq!(map["poneyland"], 12);
    if let Entry::Occupied(mut o) = map.entry("poneyland") {
        *o.get_mut() += 10;
        assert_eq!(*o.get(), 22);

        // We can use the same Entry multiple times.
        *o.get_mut() += 2;
    }
    assert_eq!(map["poneyland"], 24);

    if let Entry::Occupied(o) = map.entry("poneyland") {
        *o.into_mut() += 10;
    }
    assert_eq!(map["poneyland"], 34);

    if let Entry::Occupied(mut o) = map.entry("poneyland") {
        assert_eq!(o.insert(15), 34);
    }
    assert_eq!(map["poneyland"], 15);

    if let Entry::Occupied(o) = map.entry("poneyland") {
        assert_eq!(o.remove(), 15);
    }
    assert_eq!(map.get("poneyland"), None);

    // VacantEntry
    assert_eq!(map.entry("poneyland").key(), &"poneyland");
    if let Entry::Vacant(v) = map.entry("poneyland") {
        assert_eq!(v.into_key(), "poneyland");
    }
    if let Entry::Vacant(o) = map.entry("poneyland") {
        o.insert(37);
    }
    assert_eq!(map["poneyland"], 37);

    let mut map: FrozenOrdMap<&str, u32> = FrozenOrdMap::new();
    if let Entry::Vacant(o) = map.entry("poneyland") {
        let occupied: OccupiedEntry<'_, &str, u32> = o.insert_entry(37);
        assert_eq!(occupied.get(), &37);
    }
    assert_eq!(map["poneyland"], 37);
}

#[test]
fn get_mut_and_other_methods() {
    let mut map = FrozenOrdMap::new();
    map.insert(1, "a");
    if let Some(x) = map.get_mut(&1) {
        *x = "b";
    }
    assert_eq!(map[&1], "b");

    let mut map = FrozenOrdMap::new();
    map.insert(1, "a");
    assert_eq!(map.get(&1), Some(&"a"));
    assert_eq!(map.get(&2), None);
    assert_eq!(map.get_key_value(&1), Some((&1, &"a")));
    assert!(map.contains_key(&1));

    let mut map = FrozenOrdMap::new();
    assert_eq!(map.insert(37, "a"), None);
    assert!(!map.is_empty());
    map.insert(37, "b");
    assert_eq!(map.insert(37, "c"), Some("b"));
    assert_eq!(map[&37], "c");

    let mut map = FrozenOrdMap::new();
    map.insert(1, "a");
    assert_eq!(map.remove(&1), Some("a"));
    assert_eq!(map.remove(&1), None);
    map.insert(1, "a");
    assert_eq!(map.remove_entry(&1), Some((1, "a")));

    let mut map = FrozenOrdMap::new();
    map.insert(1, "b");
    map.insert(2, "a");
    assert_eq!(map.first_key_value(), Some((&1, &"b")));
    assert_eq!(map.last_key_value(), Some((&2, &"a")));
    assert_eq!(map.pop_first(), Some((1, "b")));
    assert_eq!(map.pop_last(), Some((2, "a")));
    assert!(map.is_empty());

    let mut map: FrozenOrdMap<i32, i32> = (0..8).map(|x| (x, x * 10)).collect();
    // Keep only the elements with even-numbered keys.
    map.retain(|&k, _| k % 2 == 0);
    assert!(map.into_iter().eq(vec![(0, 0), (2, 20), (4, 40), (6, 60)]));

    let mut a = FrozenOrdMap::new();
    a.insert(1, "a");
    a.insert(2, "b");
    a.insert(3, "c"); // Note: Key (3) also present in b.

    let mut b = FrozenOrdMap::new();
    b.insert(3, "d"); // Note: Key (3) also present in a.
    b.insert(4, "e");
    b.insert(5, "f");

    a.append(&mut b);

    assert_eq!(a.len(), 5);
    assert_eq!(b.len(), 0);

    assert_eq!(a[&1], "a");
    assert_eq!(a[&2], "b");
    assert_eq!(a[&3], "d"); // Note: "c" has been overwritten.
    assert_eq!(a[&4], "e");
    assert_eq!(a[&5], "f");

    let mut a = FrozenOrdMap::new();
    a.insert(1, "a");
    a.insert(2, "b");
    a.insert(3, "c");
    a.insert(17, "d");
    a.insert(41, "e");

    let b = a.split_off(&3);

    assert_eq!(a.len(), 2);
    assert_eq!(b.len(), 3);
    assert_eq!(a[&1], "a");
    assert_eq!(a[&2], "b");
    assert_eq!(b[&3], "c");
    assert_eq!(b[&17], "d");
    assert_eq!(b[&41], "e");

    let mut map = FrozenOrdMap::new();
    map.insert(3, "a");
    map.insert(5, "b");
    map.insert(8, "c");
    let in_range: Vec<(&i32, &&str)> = map.range(4..).collect();
    assert_eq!(in_range, [(&5, &"b"), (&8, &"c")]);
    assert_eq!(Some((&5, &"b")), map.range(4..).next());

    let mut a = FrozenOrdMap::new();
    a.insert(2, "b");
    a.insert(1, "a");
    let keys: Vec<_> = a.keys().cloned().collect();
    assert_eq!(keys, [1, 2]);
    let values: Vec<&str> = a.values().cloned().collect();
    assert_eq!(values, ["a", "b"]);
    let mut a = a;
    a.clear();
    assert!(a.is_empty());
}

#[test]
#[should_panic]
fn index_panics_on_absent_key() {
    let map: FrozenOrdMap<i32, i32> = FrozenOrdMap::new();
    let _ = map[&1];
}

type M = FrozenOrdMap<String, i32>;

#[test]
fn method_signatures_match_std() {
    let _: for<'a, 'k> fn(&'a M, &'k str) -> Option<&'a i32> = M::get::<str>;
    let _: for<'a, 'k> fn(&'a mut M, &'k str) -> Option<&'a mut i32> = M::get_mut::<str>;
    let _: fn(&mut M, String) -> Entry<'_, String, i32> = M::entry;
    let _: fn(&mut M, String, i32) -> Option<i32> = M::insert;
    let _: for<'k> fn(&mut M, &'k str) -> Option<i32> = M::remove::<str>;
    let _: for<'k> fn(&mut M, &'k str) -> Option<(String, i32)> = M::remove_entry::<str>;
    let _: fn(&mut M) -> Option<(String, i32)> = M::pop_first;
    let _: fn(&mut M) -> Option<(String, i32)> = M::pop_last;
    let _: fn(&mut M, &mut M) = M::append;
    let _: for<'k> fn(&mut M, &'k str) -> M = M::split_off::<str>;
    entry_signatures_match_std();
}

// `'a` names the entry's lifetime in the body's `fn` pointer types.
#[allow(clippy::extra_unused_lifetimes)]
fn entry_signatures_match_std<'a>() {
    type E<'a> = Entry<'a, String, i32>;
    type O<'a> = OccupiedEntry<'a, String, i32>;
    type Va<'a> = deepfreeze::ord_map::VacantEntry<'a, String, i32>;
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

#[test]
fn keys_and_values_are_clone_like_std() {
    let map = FrozenOrdMap::from([(1, 'a'), (2, 'b'), (3, 'c')]);
    let mut keys = map.keys();
    assert_eq!(keys.next(), Some(&1));
    let rest = keys.clone();
    assert_eq!(keys.collect::<Vec<_>>(), [&2, &3]);
    assert_eq!(rest.rev().collect::<Vec<_>>(), [&3, &2]);
    let values = map.values();
    assert_eq!(format!("{values:?}"), "['a', 'b', 'c']");
    assert_eq!(values.clone().len(), 3);
}

static_assertions::assert_impl_all!(deepfreeze::ord_map::Iter<'static, u8, u8>: Clone,
    std::fmt::Debug, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::Keys<'static, u8, u8>: Clone,
    std::fmt::Debug, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::Values<'static, u8, u8>: Clone,
    std::fmt::Debug, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::Range<'static, u8, u8>: Clone,
    std::fmt::Debug, DoubleEndedIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::IntoIter<u8, u8>: std::fmt::Debug,
    DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(FrozenOrdMap<String, u8>: Clone, Default, std::fmt::Debug,
    PartialEq, Eq, PartialOrd, Ord, std::hash::Hash, Send, Sync, FromIterator<(String, u8)>,
    Extend<(String, u8)>, From<[(String, u8); 2]>, IntoIterator, std::ops::Index<&'static str>);
static_assertions::assert_impl_all!(FrozenOrdMap<u8, u8>: Extend<(&'static u8, &'static u8)>);

#[test]
fn into_keys_and_into_values() {
    let mut a = FrozenOrdMap::new();
    a.insert(2, "b");
    a.insert(1, "a");
    let keys: Vec<i32> = a.clone().into_keys().collect();
    assert_eq!(keys, [1, 2]);

    let mut a = FrozenOrdMap::new();
    a.insert(1, "hello");
    a.insert(2, "goodbye");
    let values: Vec<&str> = a.clone().into_values().collect();
    assert_eq!(values, ["hello", "goodbye"]);
    assert_eq!(
        a.clone().into_values().rev().collect::<Vec<_>>(),
        ["goodbye", "hello"]
    );
    assert_eq!(format!("{:?}", a.clone().into_keys()), "[1, 2]");
    assert_eq!(a.into_keys().len(), 2);
}

static_assertions::assert_impl_all!(deepfreeze::ord_map::IntoKeys<u8, u8>: Clone,
    std::fmt::Debug, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
static_assertions::assert_impl_all!(deepfreeze::ord_map::IntoValues<u8, u8>: Clone,
    std::fmt::Debug, DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);

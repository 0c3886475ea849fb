//! `HashSet`'s doc examples on `FrozenSet`.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use deepfreeze::FrozenSet;
use static_assertions::assert_impl_all;

#[test]
fn type_level_books() {
    // Type inference lets us omit an explicit type signature (which
    // would be `FrozenSet<String>` in this example).
    let mut books = FrozenSet::new();

    // Add some books.
    books.insert("A Dance With Dragons".to_string());
    books.insert("To Kill a Mockingbird".to_string());
    books.insert("The Odyssey".to_string());
    books.insert("The Great Gatsby".to_string());

    // Check for a specific one.
    assert!(!books.contains("The Winds of Winter"));

    // Remove a book.
    books.remove("The Odyssey");
    assert_eq!(books.len(), 3);

    // Iterate over everything.
    let mut titles: Vec<&String> = (&books).into_iter().collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "A Dance With Dragons",
            "The Great Gatsby",
            "To Kill a Mockingbird"
        ]
    );
}

#[test]
fn type_level_vikings_and_from_array() {
    #[derive(Hash, Eq, PartialEq, Debug, Clone)]
    struct Viking {
        name: String,
        power: usize,
    }

    let mut vikings = FrozenSet::new();
    vikings.insert(Viking {
        name: "Einar".to_string(),
        power: 9,
    });
    vikings.insert(Viking {
        name: "Einar".to_string(),
        power: 9,
    });
    vikings.insert(Viking {
        name: "Olaf".to_string(),
        power: 4,
    });
    vikings.insert(Viking {
        name: "Harald".to_string(),
        power: 8,
    });
    // Use derived implementation to print the vikings.
    assert_eq!(vikings.len(), 3);
    assert_eq!(vikings.iter().map(|v| v.power).sum::<usize>(), 21);

    let viking_names = FrozenSet::from(["Einar", "Olaf", "Harald"]);
    assert_eq!(viking_names.len(), 3);
}

#[test]
fn new_with_hasher_hasher() {
    let set: FrozenSet<i32> = FrozenSet::new();
    assert!(set.is_empty());

    let s = RandomState::new();
    let mut set = FrozenSet::with_hasher(s.clone());
    set.insert(2);
    assert!(set.contains(&2));
    let hasher: &RandomState = set.hasher();
    assert_eq!(hasher.hash_one(1), s.hash_one(1));
}

#[test]
fn iter_len_is_empty_clear() {
    let mut set = FrozenSet::new();
    set.insert("a");
    set.insert("b");
    let mut all: Vec<&&str> = set.iter().collect();
    all.sort();
    assert_eq!(all, [&"a", &"b"]);

    let mut v = FrozenSet::new();
    assert_eq!(v.len(), 0);
    assert!(v.is_empty());
    v.insert(1);
    assert_eq!(v.len(), 1);
    assert!(!v.is_empty());
    v.clear();
    assert!(v.is_empty());
}

#[test]
fn drain() {
    let mut set = FrozenSet::from([1, 2, 3]);
    assert!(!set.is_empty());
    let mut drained: Vec<i32> = set.drain().collect();
    drained.sort();
    assert_eq!(drained, [1, 2, 3]);
    assert!(set.is_empty());

    // Dropped early, the drain still empties the set.
    let mut set = FrozenSet::from([1, 2, 3]);
    assert_eq!(set.drain().take(1).count(), 1);
    assert!(set.is_empty());
}

#[test]
fn extract_if() {
    let mut set: FrozenSet<i32> = (0..8).collect();
    let extracted: FrozenSet<i32> = set.extract_if(|v| v % 2 == 0).collect();

    let mut evens = extracted.into_iter().collect::<Vec<_>>();
    let mut odds = set.clone().into_iter().collect::<Vec<_>>();
    evens.sort();
    odds.sort();

    assert_eq!(evens, vec![0, 2, 4, 6]);
    assert_eq!(odds, vec![1, 3, 5, 7]);

    // Not exhausted: the rest is retained.
    assert!(set.extract_if(|_| true).next().is_some());
    assert_eq!(set.len(), 3);
}

#[test]
fn retain() {
    let mut set = FrozenSet::from([1, 2, 3, 4, 5, 6]);
    set.retain(|&k| k % 2 == 0);
    assert_eq!(set, FrozenSet::from([2, 4, 6]));
}

#[test]
fn difference() {
    let a = FrozenSet::from([1, 2, 3]);
    let b = FrozenSet::from([4, 2, 3, 4]);

    // Can be seen as `a - b`.
    let mut seen = Vec::new();
    for x in a.difference(&b) {
        seen.push(*x);
    }
    assert_eq!(seen, [1]);

    let diff: FrozenSet<_> = a.difference(&b).collect();
    assert_eq!(diff, [1].iter().collect());

    // Note that difference is not symmetric,
    // and `b - a` means something else:
    let diff: FrozenSet<_> = b.difference(&a).collect();
    assert_eq!(diff, [4].iter().collect());
}

#[test]
fn symmetric_difference() {
    let a = FrozenSet::from([1, 2, 3]);
    let b = FrozenSet::from([4, 2, 3, 4]);

    let mut seen: Vec<i32> = a.symmetric_difference(&b).copied().collect();
    seen.sort();
    assert_eq!(seen, [1, 4]);

    let diff1: FrozenSet<_> = a.symmetric_difference(&b).collect();
    let diff2: FrozenSet<_> = b.symmetric_difference(&a).collect();

    assert_eq!(diff1, diff2);
    assert_eq!(diff1, [1, 4].iter().collect());
}

#[test]
fn intersection() {
    let a = FrozenSet::from([1, 2, 3]);
    let b = FrozenSet::from([4, 2, 3, 4]);

    let mut seen: Vec<i32> = a.intersection(&b).copied().collect();
    seen.sort();
    assert_eq!(seen, [2, 3]);

    let intersection: FrozenSet<_> = a.intersection(&b).collect();
    assert_eq!(intersection, [2, 3].iter().collect());
}

#[test]
fn union() {
    let a = FrozenSet::from([1, 2, 3]);
    let b = FrozenSet::from([4, 2, 3, 4]);

    let mut seen: Vec<i32> = a.union(&b).copied().collect();
    seen.sort();
    assert_eq!(seen, [1, 2, 3, 4]);

    let union: FrozenSet<_> = a.union(&b).collect();
    assert_eq!(union, [1, 2, 3, 4].iter().collect());
}

#[test]
fn contains_get() {
    let set = FrozenSet::from([1, 2, 3]);
    assert!(set.contains(&1));
    assert!(!set.contains(&4));
    assert_eq!(set.get(&2), Some(&2));
    assert_eq!(set.get(&4), None);
}

#[test]
fn is_disjoint_is_subset_is_superset() {
    let a = FrozenSet::from([1, 2, 3]);
    let mut b = FrozenSet::new();

    assert!(a.is_disjoint(&b));
    b.insert(4);
    assert!(a.is_disjoint(&b));
    b.insert(1);
    assert!(!a.is_disjoint(&b));

    let sup = FrozenSet::from([1, 2, 3]);
    let mut set = FrozenSet::new();

    assert!(set.is_subset(&sup));
    set.insert(2);
    assert!(set.is_subset(&sup));
    set.insert(4);
    assert!(!set.is_subset(&sup));

    let sub = FrozenSet::from([1, 2]);
    let mut set = FrozenSet::new();

    assert!(!set.is_superset(&sub));

    set.insert(0);
    set.insert(1);
    assert!(!set.is_superset(&sub));

    set.insert(2);
    assert!(set.is_superset(&sub));
}

#[test]
fn insert_replace_remove_take() {
    let mut set = FrozenSet::new();
    assert!(set.insert(2));
    assert!(!set.insert(2));
    assert_eq!(set.len(), 1);

    let mut set = FrozenSet::new();
    set.insert(Vec::<i32>::new());

    assert_eq!(set.get(&[][..]).unwrap().capacity(), 0);
    set.replace(Vec::with_capacity(10));
    assert_eq!(set.get(&[][..]).unwrap().capacity(), 10);

    let mut set = FrozenSet::new();
    set.insert(2);
    assert!(set.remove(&2));
    assert!(!set.remove(&2));

    let mut set = FrozenSet::from([1, 2, 3]);
    assert_eq!(set.take(&2), Some(2));
    assert_eq!(set.take(&2), None);
}

#[test]
fn insert_keeps_the_present_element_and_replace_returns_it() {
    let mut set = FrozenSet::new();
    set.insert(Vec::<i32>::with_capacity(4));
    // `insert` of an equal value leaves the set unchanged (std: "the set is not modified").
    assert!(!set.insert(Vec::new()));
    assert_eq!(set.get(&[][..]).unwrap().capacity(), 4);
    // `replace` returns the element it replaced.
    let old = set.replace(Vec::new()).unwrap();
    assert_eq!(old.capacity(), 4);
    assert_eq!(set.get(&[][..]).unwrap().capacity(), 0);
    assert_eq!(set.replace(vec![1]), None);
}

#[test]
fn operators() {
    let a = FrozenSet::from([1, 2, 3]);
    let b = FrozenSet::from([3, 4, 5]);

    let set = &a | &b;
    let mut i = 0;
    let expected = [1, 2, 3, 4, 5];
    for x in &set {
        assert!(expected.contains(x));
        i += 1;
    }
    assert_eq!(i, expected.len());

    let set = &a ^ &b;
    let mut i = 0;
    let expected = [1, 2, 4, 5];
    for x in &set {
        assert!(expected.contains(x));
        i += 1;
    }
    assert_eq!(i, expected.len());

    let set = &a - &b;
    let mut i = 0;
    let expected = [1, 2];
    for x in &set {
        assert!(expected.contains(x));
        i += 1;
    }
    assert_eq!(i, expected.len());

    let b = FrozenSet::from([2, 3, 4]);
    let set = &a & &b;
    let mut i = 0;
    let expected = [2, 3];
    for x in &set {
        assert!(expected.contains(x));
        i += 1;
    }
    assert_eq!(i, expected.len());

    // std's operators return a set with the left operand's hasher type.
    let a: FrozenSet<i32, RandomState> = [1, 2].into_iter().collect();
    let b: FrozenSet<i32, RandomState> = [2, 3].into_iter().collect();
    let u: FrozenSet<i32, RandomState> = &a | &b;
    assert_eq!(u, [1, 2, 3].into_iter().collect());
}

#[test]
fn traits() {
    let set: FrozenSet<i32> = [1, 2, 3].into_iter().collect();
    let mut more = FrozenSet::new();
    more.extend([4]);
    more.extend(&[1, 2]);
    more.extend(set.iter());
    assert_eq!(more, FrozenSet::from([1, 2, 3, 4]));

    let empty: FrozenSet<u8> = Default::default();
    assert_eq!(format!("{empty:?}"), "{}");
    assert_eq!(format!("{:?}", FrozenSet::from([7])), "{7}");

    let std_set = HashSet::from([1, 2, 3]);
    assert_eq!(HashSet::from(&set), HashSet::from_iter(std_set.clone()));
    let from_std: FrozenSet<i32, RandomState> = FrozenSet::from(std_set.clone());
    assert_eq!(HashSet::from(from_std), std_set);
}

type Set = FrozenSet<String>;

#[test]
fn method_signatures_match_std() {
    let _: for<'a, 'k> fn(&'a Set, &'k str) -> Option<&'a String> = Set::get::<str>;
    let _: for<'a, 'k> fn(&'a Set, &'k str) -> bool = Set::contains::<str>;
    let _: fn(&mut Set, String) -> bool = Set::insert;
    let _: fn(&mut Set, String) -> Option<String> = Set::replace;
    let _: for<'k> fn(&mut Set, &'k str) -> bool = Set::remove::<str>;
    let _: for<'k> fn(&mut Set, &'k str) -> Option<String> = Set::take::<str>;
    let _: fn(&Set, &Set) -> bool = Set::is_subset;
    let _: fn(&Set, &Set) -> bool = Set::is_superset;
    let _: fn(&Set, &Set) -> bool = Set::is_disjoint;
    let _: for<'a> fn(&'a Set, &'a Set) -> deepfreeze::set::Union<'a, String, _> = Set::union;
    let _: for<'a> fn(&'a Set, &'a Set) -> deepfreeze::set::Intersection<'a, String, _> =
        Set::intersection;
    let _: for<'a> fn(&'a Set, &'a Set) -> deepfreeze::set::Difference<'a, String, _> =
        Set::difference;
    let _: for<'a> fn(&'a Set, &'a Set) -> deepfreeze::set::SymmetricDifference<'a, String, _> =
        Set::symmetric_difference;
    let _: fn(&mut Set) -> deepfreeze::set::Drain<'_, String> = Set::drain;
    let _: fn(&Set) -> deepfreeze::set::Iter<'_, String> = Set::iter;
}

assert_impl_all!(Set: Clone, Default, std::fmt::Debug, PartialEq, Eq, Send, Sync,
    FromIterator<String>, Extend<String>, From<[String; 2]>, IntoIterator);
assert_impl_all!(FrozenSet<u8>: Extend<&'static u8>);
assert_impl_all!(&'static Set: std::ops::BitOr<&'static Set, Output = Set>,
    std::ops::BitAnd<&'static Set, Output = Set>, std::ops::BitXor<&'static Set, Output = Set>,
    std::ops::Sub<&'static Set, Output = Set>);
assert_impl_all!(deepfreeze::set::Iter<'static, u8>: Clone, std::fmt::Debug,
    ExactSizeIterator, std::iter::FusedIterator, Send, Sync);
assert_impl_all!(deepfreeze::set::IntoIter<u8>: std::fmt::Debug, ExactSizeIterator,
    std::iter::FusedIterator);
assert_impl_all!(deepfreeze::set::Drain<'static, u8>: std::fmt::Debug, ExactSizeIterator,
    std::iter::FusedIterator);
assert_impl_all!(deepfreeze::set::Union<'static, u8, deepfreeze::map::DefaultHashBuilder>:
    Clone, std::fmt::Debug, Iterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::set::Intersection<'static, u8, deepfreeze::map::DefaultHashBuilder>:
    Clone, std::fmt::Debug, Iterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::set::Difference<'static, u8, deepfreeze::map::DefaultHashBuilder>:
    Clone, std::fmt::Debug, Iterator, std::iter::FusedIterator);
assert_impl_all!(
    deepfreeze::set::SymmetricDifference<'static, u8, deepfreeze::map::DefaultHashBuilder>:
    Clone, std::fmt::Debug, Iterator, std::iter::FusedIterator);

#[test]
fn std_examples_still_infer_with_deepfreeze_linked() {
    let a = HashSet::from([1, 2, 3]);
    let b = HashSet::from([4, 2, 3, 4]);
    let diff: HashSet<_> = a.difference(&b).collect();
    assert_eq!(diff, [1].iter().collect());
    let m = std::collections::HashMap::from([(1, 2)]);
    assert_eq!(m, [(1, 2)].into_iter().collect());
}

//! `BTreeSet`'s doc examples on `FrozenOrdSet`.

use std::ops::Bound::Included;

use deepfreeze::FrozenOrdSet;
use static_assertions::assert_impl_all;

#[test]
fn type_level_books() {
    // Type inference lets us omit an explicit type signature (which
    // would be `FrozenOrdSet<&str>` in this example).
    let mut books = FrozenOrdSet::new();

    // Add some books.
    books.insert("A Dance With Dragons");
    books.insert("To Kill a Mockingbird");
    books.insert("The Odyssey");
    books.insert("The Great Gatsby");

    // Check for a specific one.
    assert!(!books.contains("The Winds of Winter"));

    // Remove a book.
    books.remove("The Odyssey");

    // Iterate over everything, in order.
    let all: Vec<&&str> = books.iter().collect();
    assert_eq!(
        all,
        [
            &"A Dance With Dragons",
            &"The Great Gatsby",
            &"To Kill a Mockingbird"
        ]
    );

    let set = FrozenOrdSet::from([1, 2, 3]);
    assert_eq!(set.len(), 3);
}

#[test]
fn set_algebra_methods() {
    let mut a = FrozenOrdSet::new();
    a.insert(1);
    a.insert(2);

    let mut b = FrozenOrdSet::new();
    b.insert(2);
    b.insert(3);

    let diff: Vec<_> = a.difference(&b).cloned().collect();
    assert_eq!(diff, [1]);

    let sym_diff: Vec<_> = a.symmetric_difference(&b).cloned().collect();
    assert_eq!(sym_diff, [1, 3]);

    let intersection: Vec<_> = a.intersection(&b).cloned().collect();
    assert_eq!(intersection, [2]);

    let union: Vec<_> = a.union(&b).cloned().collect();
    assert_eq!(union, [1, 2, 3]);
}

#[test]
fn operators() {
    let a = FrozenOrdSet::from([1, 2, 3]);
    let b = FrozenOrdSet::from([3, 4, 5]);
    let result = &a | &b;
    assert_eq!(result, FrozenOrdSet::from([1, 2, 3, 4, 5]));

    let a = FrozenOrdSet::from([1, 2, 3]);
    let b = FrozenOrdSet::from([2, 3, 4]);
    let result = &a & &b;
    assert_eq!(result, FrozenOrdSet::from([2, 3]));

    let a = FrozenOrdSet::from([1, 2, 3]);
    let b = FrozenOrdSet::from([2, 3, 4]);
    let result = &a ^ &b;
    assert_eq!(result, FrozenOrdSet::from([1, 4]));

    let a = FrozenOrdSet::from([1, 2, 3]);
    let b = FrozenOrdSet::from([3, 4, 5]);
    let result = &a - &b;
    assert_eq!(result, FrozenOrdSet::from([1, 2]));
}

#[test]
fn queries() {
    let mut v = FrozenOrdSet::new();
    v.insert(1);
    v.clear();
    assert!(v.is_empty());

    let set = FrozenOrdSet::from([1, 2, 3]);
    assert!(set.contains(&1));
    assert!(!set.contains(&4));
    assert_eq!(set.get(&2), Some(&2));
    assert_eq!(set.get(&4), None);

    let a = FrozenOrdSet::from([1, 2, 3]);
    let mut b = FrozenOrdSet::new();
    assert!(a.is_disjoint(&b));
    b.insert(4);
    assert!(a.is_disjoint(&b));
    b.insert(1);
    assert!(!a.is_disjoint(&b));

    let sup = FrozenOrdSet::from([1, 2, 3]);
    let mut set = FrozenOrdSet::new();
    assert!(set.is_subset(&sup));
    set.insert(2);
    assert!(set.is_subset(&sup));
    set.insert(4);
    assert!(!set.is_subset(&sup));

    let sub = FrozenOrdSet::from([1, 2]);
    let mut set = FrozenOrdSet::new();
    assert!(!set.is_superset(&sub));
    set.insert(0);
    set.insert(1);
    assert!(!set.is_superset(&sub));
    set.insert(2);
    assert!(set.is_superset(&sub));

    let mut set = FrozenOrdSet::new();
    assert_eq!(set.first(), None);
    set.insert(1);
    assert_eq!(set.first(), Some(&1));
    set.insert(2);
    assert_eq!(set.first(), Some(&1));
    assert_eq!(set.last(), Some(&2));
}

#[test]
fn updates() {
    let mut set = FrozenOrdSet::new();
    set.insert(1);
    while let Some(n) = set.pop_first() {
        assert_eq!(n, 1);
    }
    assert!(set.is_empty());

    let mut set = FrozenOrdSet::new();
    set.insert(1);
    while let Some(n) = set.pop_last() {
        assert_eq!(n, 1);
    }
    assert!(set.is_empty());

    let mut set = FrozenOrdSet::new();
    assert!(set.insert(2));
    assert!(!set.insert(2));
    assert_eq!(set.len(), 1);

    let mut set = FrozenOrdSet::new();
    set.insert(Vec::<i32>::new());
    assert_eq!(set.get(&[][..]).unwrap().capacity(), 0);
    set.replace(Vec::with_capacity(10));
    assert_eq!(set.get(&[][..]).unwrap().capacity(), 10);

    let mut set = FrozenOrdSet::new();
    set.insert(2);
    assert!(set.remove(&2));
    assert!(!set.remove(&2));

    let mut set = FrozenOrdSet::from([1, 2, 3]);
    assert_eq!(set.take(&2), Some(2));
    assert_eq!(set.take(&2), None);

    let mut set = FrozenOrdSet::from([1, 2, 3, 4, 5, 6]);
    // Keep only the even numbers.
    set.retain(|&k| k % 2 == 0);
    assert!(set.iter().eq([2, 4, 6].iter()));

    let mut a = FrozenOrdSet::new();
    a.insert(1);
    a.insert(2);
    a.insert(3);
    let mut b = FrozenOrdSet::new();
    b.insert(3);
    b.insert(4);
    b.insert(5);
    a.append(&mut b);
    assert_eq!(a.len(), 5);
    assert_eq!(b.len(), 0);
    assert!(a.contains(&1) && a.contains(&5));

    let mut a = FrozenOrdSet::new();
    a.insert(1);
    a.insert(2);
    a.insert(3);
    a.insert(17);
    a.insert(41);
    let b = a.split_off(&3);
    assert_eq!(a.len(), 2);
    assert_eq!(b.len(), 3);
    assert!(a.contains(&1) && a.contains(&2));
    assert!(b.contains(&3) && b.contains(&17) && b.contains(&41));
}

#[test]
fn insert_keeps_the_present_element() {
    let mut set = FrozenOrdSet::new();
    set.insert(Vec::<i32>::with_capacity(4));
    assert!(!set.insert(Vec::new()));
    assert_eq!(set.get(&[][..]).unwrap().capacity(), 4);
    assert_eq!(set.replace(Vec::new()).unwrap().capacity(), 4);
}

#[test]
fn iteration_and_range() {
    let mut set = FrozenOrdSet::new();
    set.insert(3);
    set.insert(5);
    set.insert(8);
    let in_range: Vec<i32> = set.range((Included(&4), Included(&8))).copied().collect();
    assert_eq!(in_range, [5, 8]);
    assert_eq!(Some(&5), set.range(4..).next());

    let set = FrozenOrdSet::from([3, 1, 2]);
    let mut set_iter = set.iter();
    assert_eq!(set_iter.next(), Some(&1));
    assert_eq!(set_iter.next(), Some(&2));
    assert_eq!(set_iter.next(), Some(&3));
    assert_eq!(set_iter.next(), None);

    let set = FrozenOrdSet::from([1, 2, 3, 4]);
    let v: Vec<_> = set.into_iter().collect();
    assert_eq!(v, [1, 2, 3, 4]);

    let set = FrozenOrdSet::from([1, 2, 3]);
    assert_eq!(set.iter().rev().copied().collect::<Vec<_>>(), [3, 2, 1]);
}

#[test]
fn traits() {
    let mut set: FrozenOrdSet<i32> = [3, 1].into_iter().collect();
    set.extend([2]);
    set.extend(&[4]);
    assert_eq!(format!("{set:?}"), "{1, 2, 3, 4}");
    assert!(FrozenOrdSet::from([1, 2]) < FrozenOrdSet::from([1, 3]));
    // `FrozenOrdSet: PartialEq<BTreeSet>` makes a bare `collect()` ambiguous here: name the type.
    assert_eq!(set, [1, 2, 3, 4].into_iter().collect::<FrozenOrdSet<_>>());
}

type Set = FrozenOrdSet<String>;

#[test]
fn method_signatures_match_std() {
    let _: for<'a, 'k> fn(&'a Set, &'k str) -> Option<&'a String> = Set::get::<str>;
    let _: for<'a, 'k> fn(&'a Set, &'k str) -> bool = Set::contains::<str>;
    let _: fn(&mut Set, String) -> bool = Set::insert;
    let _: fn(&mut Set, String) -> Option<String> = Set::replace;
    let _: for<'k> fn(&mut Set, &'k str) -> bool = Set::remove::<str>;
    let _: for<'k> fn(&mut Set, &'k str) -> Option<String> = Set::take::<str>;
    let _: fn(&Set) -> Option<&String> = Set::first;
    let _: fn(&Set) -> Option<&String> = Set::last;
    let _: fn(&mut Set) -> Option<String> = Set::pop_first;
    let _: fn(&mut Set) -> Option<String> = Set::pop_last;
    let _: fn(&mut Set, &mut Set) = Set::append;
    let _: for<'k> fn(&mut Set, &'k str) -> Set = Set::split_off::<str>;
    let _: fn(&Set, &Set) -> bool = Set::is_subset;
    let _: for<'a> fn(&'a Set, &'a Set) -> deepfreeze::ord_set::Union<'a, String> = Set::union;
    let _: for<'a> fn(&'a Set, &'a Set) -> deepfreeze::ord_set::Intersection<'a, String> =
        Set::intersection;
    let _: for<'a> fn(&'a Set, &'a Set) -> deepfreeze::ord_set::Difference<'a, String> =
        Set::difference;
    let _: for<'a> fn(&'a Set, &'a Set) -> deepfreeze::ord_set::SymmetricDifference<'a, String> =
        Set::symmetric_difference;
}

assert_impl_all!(Set: Clone, Default, std::fmt::Debug, PartialEq, Eq, PartialOrd, Ord,
    std::hash::Hash, Send, Sync, FromIterator<String>, Extend<String>, From<[String; 2]>,
    IntoIterator);
assert_impl_all!(FrozenOrdSet<u8>: Extend<&'static u8>);
assert_impl_all!(&'static Set: std::ops::BitOr<&'static Set, Output = Set>,
    std::ops::BitAnd<&'static Set, Output = Set>, std::ops::BitXor<&'static Set, Output = Set>,
    std::ops::Sub<&'static Set, Output = Set>);
assert_impl_all!(deepfreeze::ord_set::Iter<'static, u8>: Clone, std::fmt::Debug,
    DoubleEndedIterator, ExactSizeIterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::ord_set::IntoIter<u8>: std::fmt::Debug, DoubleEndedIterator,
    ExactSizeIterator, std::iter::FusedIterator);
// std's `btree_set::Range` is also `Clone`; imbl's set range iterator is not.
assert_impl_all!(deepfreeze::ord_set::Range<'static, u8>: std::fmt::Debug,
    DoubleEndedIterator, std::iter::FusedIterator);
assert_impl_all!(deepfreeze::ord_set::Union<'static, u8>: Clone, std::fmt::Debug,
    std::iter::FusedIterator);
assert_impl_all!(deepfreeze::ord_set::Intersection<'static, u8>: Clone, std::fmt::Debug,
    std::iter::FusedIterator);
assert_impl_all!(deepfreeze::ord_set::Difference<'static, u8>: Clone, std::fmt::Debug,
    std::iter::FusedIterator);
assert_impl_all!(deepfreeze::ord_set::SymmetricDifference<'static, u8>: Clone,
    std::fmt::Debug, std::iter::FusedIterator);

//! [`frozen_value!`]: a [`FrozenValue`](crate::FrozenValue) from JSON-like syntax.

/// Builds a [`FrozenValue`](crate::FrozenValue) from JSON syntax, like `serde_json::json!`.
///
/// `null`, `true`, `false`, arrays `[...]` and objects `{...}` are written as in JSON (trailing
/// commas allowed); any other value is a Rust expression of a type that converts
/// `Into<FrozenValue>` (numbers, strings, `Option`s, `Vec`s, other values, ...). Object keys are
/// string literals, identifiers naming a variable, or any expression in parentheses, of a type
/// that converts `Into<FrozenStr>`; a repeated key keeps its last value.
///
/// ```
/// use deepfreeze::{frozen_value, FrozenValue};
///
/// let name = "ada";
/// let key = String::from("dynamic");
/// let scores = vec![1, 2, 3];
/// let v = frozen_value!({
///     "name": name,
///     "age": 36,
///     "admin": true,
///     "scores": scores,
///     "nested": { "none": null, "list": [1.5, "two", [], {}] },
///     (key): 1 + 1,
///     "maybe": None::<u8>,
/// });
/// assert_eq!(v["name"], "ada");
/// assert_eq!(v["scores"][2], 3);
/// assert_eq!(v["dynamic"], 2);
/// assert_eq!(v["maybe"], FrozenValue::Null);
/// assert_eq!(v["nested"]["list"][1], "two");
/// ```
#[macro_export]
macro_rules! frozen_value {
    ($($json:tt)+) => {
        $crate::__frozen_value!($($json)+)
    };
}

/// The implementation of [`frozen_value!`]: munches tokens into arrays and objects.
#[doc(hidden)]
#[macro_export]
macro_rules! __frozen_value {
    // ---- Arrays: `@array [elements so far,] rest`. ----
    (@array [$($elems:expr,)*]) => {
        $crate::FrozenValue::Array($crate::FrozenArray::from(
            <[$crate::FrozenValue]>::into_vec($crate::__private::Box::new([$($elems,)*])),
        ))
    };
    (@array [$($elems:expr,)*] null $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@array [$($elems,)* $crate::__frozen_value!(null),] $($($rest)*)?)
    };
    (@array [$($elems:expr,)*] true $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@array [$($elems,)* $crate::__frozen_value!(true),] $($($rest)*)?)
    };
    (@array [$($elems:expr,)*] false $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@array [$($elems,)* $crate::__frozen_value!(false),] $($($rest)*)?)
    };
    (@array [$($elems:expr,)*] [$($array:tt)*] $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@array [$($elems,)* $crate::__frozen_value!([$($array)*]),] $($($rest)*)?)
    };
    (@array [$($elems:expr,)*] {$($object:tt)*} $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@array [$($elems,)* $crate::__frozen_value!({$($object)*}),] $($($rest)*)?)
    };
    (@array [$($elems:expr,)*] $next:expr , $($rest:tt)*) => {
        $crate::__frozen_value!(@array [$($elems,)* $crate::__frozen_value!($next),] $($rest)*)
    };
    (@array [$($elems:expr,)*] $last:expr) => {
        $crate::__frozen_value!(@array [$($elems,)* $crate::__frozen_value!($last),])
    };

    // ---- Objects: `@object [(key, value),] rest`, then `@value [...] (key) rest`. ----
    (@object [$(($key:expr, $value:expr),)*]) => {
        $crate::FrozenValue::Object($crate::FrozenObject::from_iter(
            <[($crate::FrozenStr, $crate::FrozenValue)]>::into_vec($crate::__private::Box::new(
                [$(($crate::FrozenStr::from($key), $value),)*],
            )),
        ))
    };
    (@object [$($members:tt)*] $key:literal : $($rest:tt)*) => {
        $crate::__frozen_value!(@value [$($members)*] ($key) $($rest)*)
    };
    (@object [$($members:tt)*] ($key:expr) : $($rest:tt)*) => {
        $crate::__frozen_value!(@value [$($members)*] ($key) $($rest)*)
    };
    (@object [$($members:tt)*] $key:ident : $($rest:tt)*) => {
        $crate::__frozen_value!(@value [$($members)*] ($key) $($rest)*)
    };
    (@value [$($members:tt)*] ($key:expr) null $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@object [$($members)* ($key, $crate::__frozen_value!(null)),] $($($rest)*)?)
    };
    (@value [$($members:tt)*] ($key:expr) true $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@object [$($members)* ($key, $crate::__frozen_value!(true)),] $($($rest)*)?)
    };
    (@value [$($members:tt)*] ($key:expr) false $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@object [$($members)* ($key, $crate::__frozen_value!(false)),] $($($rest)*)?)
    };
    (@value [$($members:tt)*] ($key:expr) [$($array:tt)*] $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@object [$($members)* ($key, $crate::__frozen_value!([$($array)*])),] $($($rest)*)?)
    };
    (@value [$($members:tt)*] ($key:expr) {$($object:tt)*} $(, $($rest:tt)*)?) => {
        $crate::__frozen_value!(@object [$($members)* ($key, $crate::__frozen_value!({$($object)*})),] $($($rest)*)?)
    };
    (@value [$($members:tt)*] ($key:expr) $value:expr , $($rest:tt)*) => {
        $crate::__frozen_value!(@object [$($members)* ($key, $crate::__frozen_value!($value)),] $($rest)*)
    };
    (@value [$($members:tt)*] ($key:expr) $value:expr) => {
        $crate::__frozen_value!(@object [$($members)* ($key, $crate::__frozen_value!($value)),])
    };

    // ---- Values. ----
    (null) => {
        $crate::FrozenValue::Null
    };
    (true) => {
        $crate::FrozenValue::Bool(true)
    };
    (false) => {
        $crate::FrozenValue::Bool(false)
    };
    ([]) => {
        $crate::FrozenValue::Array($crate::FrozenArray::new())
    };
    ([ $($elems:tt)+ ]) => {
        $crate::__frozen_value!(@array [] $($elems)+)
    };
    ({}) => {
        $crate::FrozenValue::Object($crate::FrozenObject::new())
    };
    ({ $($members:tt)+ }) => {
        $crate::__frozen_value!(@object [] $($members)+)
    };
    ($other:expr) => {
        <$crate::FrozenValue as $crate::__private::From<_>>::from($other)
    };
}

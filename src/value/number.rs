//! [`Number`]: a JSON number, an `i64`, a `u64` or a finite `f64`, without loss.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};

use crate::Frozen;

/// A number of a [`FrozenValue`](super::FrozenValue): an integer that fits in `i64` or `u64`
/// (kept exactly), or a finite `f64`.
///
/// Like `serde_json::Number`: a non-negative integer is always stored as a `u64` and a negative
/// one as an `i64`, so `Number::from(1u8) == Number::from(1i64)`; an integer never equals a float
/// (`1 != 1.0`), and NaN and the infinities are not numbers (`from_f64` returns `None`).
///
/// The order is numeric across the three kinds (`-1 < 0.5 < 1 < u64::MAX`), exact even where
/// `f64` cannot represent the integer; an integer and a float of the same value order the integer
/// first, so that the order agrees with `==`.
///
/// ```
/// use deepfreeze::value::Number;
///
/// let big = Number::from(u64::MAX);
/// assert_eq!(big.as_u64(), Some(u64::MAX));
/// assert_eq!(big.as_i64(), None);
/// assert_eq!(Number::from(-3i32).as_i64(), Some(-3));
/// assert!(Number::from_f64(f64::NAN).is_none());
/// assert_ne!(Number::from(1), Number::from_f64(1.0).unwrap());
/// assert!(Number::from(-1) < Number::from_f64(0.5).unwrap());
/// ```
#[derive(Clone, Copy)]
pub struct Number(N);

// SAFETY:
// - Immutability and depth: a `Number` is plain data (an integer or a float), with no pointer,
//   cell or borrow; nothing reachable from it can change behind a `&Number`.
// - Sharing: it is `Copy`, `Send` and `Sync`.
#[allow(unsafe_code)]
unsafe impl Frozen for Number {}

#[derive(Clone, Copy)]
enum N {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// A finite float.
    Float(f64),
}

impl Number {
    /// The number `value`, or `None` if it is NaN or infinite (JSON has no such numbers).
    ///
    /// ```
    /// use deepfreeze::value::Number;
    ///
    /// assert_eq!(Number::from_f64(2.5).and_then(|n| n.as_f64()), Some(2.5));
    /// assert!(Number::from_f64(f64::INFINITY).is_none());
    /// ```
    #[inline]
    pub fn from_f64(value: f64) -> Option<Self> {
        value.is_finite().then_some(Self(N::Float(value)))
    }

    /// The number `value` if it fits in `i64` or `u64`.
    ///
    /// ```
    /// use deepfreeze::value::Number;
    ///
    /// assert_eq!(Number::from_i128(-5).and_then(|n| n.as_i64()), Some(-5));
    /// assert!(Number::from_i128(i128::MAX).is_none());
    /// ```
    #[inline]
    pub fn from_i128(value: i128) -> Option<Self> {
        if let Ok(u) = u64::try_from(value) {
            Some(Self(N::PosInt(u)))
        } else {
            i64::try_from(value).ok().map(|i| Self(N::NegInt(i)))
        }
    }

    /// Whether the number is an integer that fits in `i64`.
    ///
    /// ```
    /// use deepfreeze::value::Number;
    ///
    /// assert!(Number::from(-1).is_i64());
    /// assert!(!Number::from(u64::MAX).is_i64());
    /// ```
    #[inline]
    pub fn is_i64(&self) -> bool {
        match self.0 {
            N::PosInt(u) => i64::try_from(u).is_ok(),
            N::NegInt(_) => true,
            N::Float(_) => false,
        }
    }

    /// Whether the number is a non-negative integer (it then fits in `u64`).
    ///
    /// ```
    /// use deepfreeze::value::Number;
    ///
    /// assert!(Number::from(7).is_u64());
    /// assert!(!Number::from(-7).is_u64());
    /// ```
    #[inline]
    pub fn is_u64(&self) -> bool {
        matches!(self.0, N::PosInt(_))
    }

    /// Whether the number is a float (even an integral one: `1.0` is a float).
    ///
    /// ```
    /// use deepfreeze::value::Number;
    ///
    /// assert!(Number::from_f64(1.0).unwrap().is_f64());
    /// assert!(!Number::from(1).is_f64());
    /// ```
    #[inline]
    pub fn is_f64(&self) -> bool {
        matches!(self.0, N::Float(_))
    }

    /// The number as an `i64`, if it is an integer that fits.
    ///
    /// ```
    /// use deepfreeze::value::Number;
    ///
    /// assert_eq!(Number::from(i64::MIN).as_i64(), Some(i64::MIN));
    /// assert_eq!(Number::from_f64(1.0).unwrap().as_i64(), None);
    /// ```
    #[inline]
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(u) => i64::try_from(u).ok(),
            N::NegInt(i) => Some(i),
            N::Float(_) => None,
        }
    }

    /// The number as a `u64`, if it is a non-negative integer.
    ///
    /// ```
    /// use deepfreeze::value::Number;
    ///
    /// assert_eq!(Number::from(3).as_u64(), Some(3));
    /// assert_eq!(Number::from(-3).as_u64(), None);
    /// ```
    #[inline]
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(u) => Some(u),
            N::NegInt(_) | N::Float(_) => None,
        }
    }

    /// The number as an `f64` (always `Some`, rounded for integers beyond 2<sup>53</sup>, as in
    /// `serde_json`).
    ///
    /// ```
    /// use deepfreeze::value::Number;
    ///
    /// assert_eq!(Number::from(3).as_f64(), Some(3.0));
    /// ```
    #[inline]
    pub fn as_f64(&self) -> Option<f64> {
        Some(match self.0 {
            N::PosInt(u) => u as f64,
            N::NegInt(i) => i as f64,
            N::Float(f) => f,
        })
    }

    /// Writes the number as JSON: integers in full, floats in Rust's shortest round-trip form
    /// (`1.0`, `1e300`), which JSON accepts.
    pub(crate) fn write_json(&self, out: &mut impl fmt::Write) -> fmt::Result {
        match self.0 {
            N::PosInt(u) => write!(out, "{u}"),
            N::NegInt(i) => write!(out, "{i}"),
            N::Float(f) => write!(out, "{f:?}"),
        }
    }
}

/// The exact order of the integer `int` and the finite float `float`, or `None` if they are
/// numerically equal.
fn cmp_int_float(int: i128, float: f64) -> Option<Ordering> {
    // Every `i64` and `u64` lies in [-2^63, 2^64); floats outside it are beyond every integer.
    const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;
    const MINUS_TWO_POW_63: f64 = -9_223_372_036_854_775_808.0;
    if float >= TWO_POW_64 {
        return Some(Ordering::Less);
    }
    if float < MINUS_TWO_POW_63 {
        return Some(Ordering::Greater);
    }
    // In range, the integral part converts exactly; the fraction decides ties.
    let whole = float.trunc();
    match int.cmp(&(whole as i128)) {
        Ordering::Equal => match (float - whole).partial_cmp(&0.0) {
            Some(Ordering::Greater) => Some(Ordering::Less),
            Some(Ordering::Less) => Some(Ordering::Greater),
            _ => None,
        },
        unequal => Some(unequal),
    }
}

impl PartialEq for Number {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        match (self.0, other.0) {
            (N::PosInt(a), N::PosInt(b)) => a == b,
            (N::NegInt(a), N::NegInt(b)) => a == b,
            // Finite, so `==` is an equivalence (`-0.0 == 0.0`, hashed alike below).
            (N::Float(a), N::Float(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Number {}

impl PartialOrd for Number {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Self) -> Ordering {
        let int = |n: N| match n {
            N::PosInt(u) => Some(i128::from(u)),
            N::NegInt(i) => Some(i128::from(i)),
            N::Float(_) => None,
        };
        match (self.0, other.0) {
            (N::Float(a), N::Float(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
            (N::Float(a), b) => {
                cmp_int_float(int(b).unwrap_or(0), a).map_or(Ordering::Greater, Ordering::reverse)
            }
            (a, N::Float(b)) => cmp_int_float(int(a).unwrap_or(0), b).unwrap_or(Ordering::Less),
            (a, b) => int(a).cmp(&int(b)),
        }
    }
}

impl Hash for Number {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.0 {
            N::PosInt(u) => {
                state.write_u8(0);
                state.write_u64(u);
            }
            N::NegInt(i) => {
                state.write_u8(1);
                state.write_i64(i);
            }
            N::Float(f) => {
                state.write_u8(2);
                // `-0.0 == 0.0`, so the two hash alike.
                let f = if f == 0.0 { 0.0 } else { f };
                state.write_u64(f.to_bits());
            }
        }
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Number(")?;
        self.write_json(f)?;
        write!(f, ")")
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_json(f)
    }
}

macro_rules! from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for Number {
            #[inline]
            fn from(value: $t) -> Self {
                Self(N::PosInt(value as u64))
            }
        }
    )*};
}

macro_rules! from_signed {
    ($($t:ty),*) => {$(
        impl From<$t> for Number {
            #[inline]
            fn from(value: $t) -> Self {
                let value = value as i64;
                if value < 0 {
                    Self(N::NegInt(value))
                } else {
                    Self(N::PosInt(value as u64))
                }
            }
        }
    )*};
}

from_unsigned!(u8, u16, u32, u64, usize);
from_signed!(i8, i16, i32, i64, isize);

#[cfg(test)]
mod tests {
    use super::*;

    fn float(f: f64) -> Number {
        Number::from_f64(f).unwrap()
    }

    #[test]
    fn integers_and_floats_order_exactly() {
        let ascending = [
            float(-1e300),
            Number::from(i64::MIN),
            float(-1.5),
            Number::from(-1),
            float(-0.5),
            Number::from(0),
            float(0.0),
            float(0.5),
            Number::from(1),
            float(1.0),
            float(1.5),
            Number::from(u64::MAX - 1),
            Number::from(u64::MAX),
            float(18_446_744_073_709_551_616.0),
        ];
        for (i, a) in ascending.iter().enumerate() {
            for (j, b) in ascending.iter().enumerate() {
                assert_eq!(a.cmp(b), i.cmp(&j), "{a:?} vs {b:?}");
                assert_eq!(a == b, i == j, "{a:?} == {b:?}");
            }
        }
    }

    #[test]
    fn negative_zero_equals_zero_and_hashes_alike() {
        use std::hash::BuildHasher;
        let s = std::collections::hash_map::RandomState::new();
        assert_eq!(float(-0.0), float(0.0));
        assert_eq!(s.hash_one(float(-0.0)), s.hash_one(float(0.0)));
        assert_eq!(float(-0.0).cmp(&float(0.0)), Ordering::Equal);
    }
}

//! RFC 6901 JSON pointers: reading ([`FrozenValue::pointer`]) and persistent edits
//! ([`FrozenValue::with_pointer`] and its siblings), with [`PointerError`].

use core::fmt;

use super::{FrozenArray, FrozenObject, FrozenValue};
use crate::FrozenStr;

/// Reads like `serde_json::Value::pointer`: lenient about escapes (`~` followed by anything
/// else stays as it is), strict about indices (decimal digits, no leading zero, no `-`).
pub(super) fn read<'v>(root: &'v FrozenValue, pointer: &str) -> Option<&'v FrozenValue> {
    if pointer.is_empty() {
        return Some(root);
    }
    let tokens = pointer.strip_prefix('/')?;
    tokens.split('/').try_fold(root, |value, token| {
        let token = token.replace("~1", "/").replace("~0", "~");
        match value {
            FrozenValue::Object(o) => o.get(&token),
            FrozenValue::Array(a) => parse_index(&token).and_then(|i| a.get(i)),
            _ => None,
        }
    })
}

/// An array index token: decimal digits without a leading zero (`0` itself is fine) or sign.
fn parse_index(token: &str) -> Option<usize> {
    let digits = token.bytes().all(|b| b.is_ascii_digit());
    if token.is_empty() || !digits || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    token.parse().ok()
}

/// Why a pointer edit failed (see [`PointerError::kind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PointerErrorKind {
    /// The pointer is neither empty nor starts with `/`.
    MissingSlash,
    /// A `~` not followed by `0` or `1`.
    BadEscape,
    /// The token names an array element but is not `-` or a decimal index without leading zeros.
    BadIndex,
    /// The index is past the end of the array (an edit may append at `len` or `-`; a removal
    /// needs an existing element).
    IndexOutOfRange,
    /// The object has no such member (or, for `-`, the array has no such element).
    NotFound,
    /// The pointer goes through a value that is neither an array nor an object.
    NotAContainer,
    /// The empty pointer (the whole document) cannot be removed.
    RemoveRoot,
}

impl fmt::Display for PointerErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::MissingSlash => "a non-empty JSON pointer must start with '/'",
            Self::BadEscape => "'~' must be followed by '0' or '1'",
            Self::BadIndex => "not an array index",
            Self::IndexOutOfRange => "array index out of range",
            Self::NotFound => "no such member",
            Self::NotAContainer => "not an array or object",
            Self::RemoveRoot => "the whole document cannot be removed",
        })
    }
}

/// A JSON pointer that an edit cannot follow: malformed, or leading where the document has no
/// value. Says why ([`kind`](Self::kind)) and where ([`location`](Self::location)).
///
/// ```
/// use deepfreeze::frozen_value;
/// use deepfreeze::value::PointerErrorKind;
///
/// let v = frozen_value!({"a": [1, 2]});
/// let error = v.with_pointer("/a/5", 0).unwrap_err();
/// assert_eq!(error.kind(), PointerErrorKind::IndexOutOfRange);
/// assert_eq!(error.location(), "/a/5");
/// assert_eq!(error.to_string(), "JSON pointer `/a/5`: array index out of range (the array has 2 elements)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointerError {
    kind: PointerErrorKind,
    /// The pointer up to and including the token that failed.
    location: Box<str>,
    /// The length of the array, for index errors.
    len: Option<usize>,
}

impl PointerError {
    fn new(kind: PointerErrorKind, location: &str) -> Self {
        Self {
            kind,
            location: location.into(),
            len: None,
        }
    }

    /// Why the edit failed.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    /// use deepfreeze::value::PointerErrorKind;
    ///
    /// let error = frozen_value!(1).with_pointer("/a", 2).unwrap_err();
    /// assert_eq!(error.kind(), PointerErrorKind::NotAContainer);
    /// ```
    #[inline]
    pub fn kind(&self) -> PointerErrorKind {
        self.kind
    }

    /// The pointer up to and including the token that could not be followed (the whole
    /// pointer for [`MissingSlash`](PointerErrorKind::MissingSlash)).
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let error = frozen_value!({"a": {}}).with_pointer("/a/b/c", 2).unwrap_err();
    /// assert_eq!(error.location(), "/a/b");
    /// ```
    #[inline]
    pub fn location(&self) -> &str {
        &self.location
    }
}

impl fmt::Display for PointerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JSON pointer `{}`: {}", self.location, self.kind)?;
        match self.len {
            Some(1) => write!(f, " (the array has 1 element)"),
            Some(len) => write!(f, " (the array has {len} elements)"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for PointerError {}

/// A pointer split into unescaped tokens, each with the end of its text in the pointer (for
/// error locations).
fn tokens(pointer: &str) -> Result<Vec<(String, usize)>, PointerError> {
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(PointerError::new(PointerErrorKind::MissingSlash, pointer));
    };
    let mut end = 0;
    rest.split('/')
        .map(|raw| {
            end += 1 + raw.len();
            let mut token = String::with_capacity(raw.len());
            let mut chars = raw.chars();
            while let Some(c) = chars.next() {
                token.push(match (c, c == '~') {
                    (_, false) => c,
                    (_, true) => match chars.next() {
                        Some('0') => '~',
                        Some('1') => '/',
                        _ => {
                            return Err(PointerError::new(
                                PointerErrorKind::BadEscape,
                                &pointer[..end],
                            ));
                        }
                    },
                });
            }
            Ok((token, end))
        })
        .collect()
}

/// One step down from a container, remembered to rebuild the path bottom-up.
enum Step<'v> {
    /// Member `index` of `object`.
    Member(&'v FrozenObject, usize),
    /// Element `index` of `array`.
    Element(&'v FrozenArray, usize),
}

/// Where the last token of a pointer lands in its container.
enum Target<'v> {
    /// An existing member of an object, or where a new one goes.
    Member(&'v FrozenObject, Result<usize, usize>, FrozenStr),
    /// An existing element (`index < len`) or the end of an array (`index == len`).
    Element(&'v FrozenArray, usize),
}

/// Follows every token but the last from `root`, then resolves the last one in its container.
/// `appending`: whether the last token may name the end of an array (`-` or `len`).
fn resolve<'v>(
    root: &'v FrozenValue,
    pointer: &str,
    appending: bool,
) -> Result<(Vec<Step<'v>>, Target<'v>), PointerError> {
    let tokens = tokens(pointer)?;
    let last = tokens.len() - 1;
    let mut path = Vec::with_capacity(last);
    let mut value = root;
    for (i, (token, end)) in tokens.into_iter().enumerate() {
        let location = &pointer[..end];
        let error = |kind| PointerError::new(kind, location);
        match value {
            FrozenValue::Object(object) => {
                let found = object.0.binary_search_by(|(k, _)| k.as_str().cmp(&token));
                if i == last {
                    if !appending && found.is_err() {
                        return Err(error(PointerErrorKind::NotFound));
                    }
                    return Ok((path, Target::Member(object, found, FrozenStr::from(token))));
                }
                let index = found.map_err(|_| error(PointerErrorKind::NotFound))?;
                path.push(Step::Member(object, index));
                value = &object.members()[index].1;
            }
            FrozenValue::Array(array) => {
                let len = array.len();
                let index = match token.as_str() {
                    "-" => len,
                    token => parse_index(token).ok_or_else(|| error(PointerErrorKind::BadIndex))?,
                };
                let limit = if appending && i == last {
                    len
                } else {
                    len.saturating_sub(1)
                };
                if index > limit || (len == 0 && !(appending && i == last)) {
                    let kind = if token == "-" {
                        PointerErrorKind::NotFound
                    } else {
                        PointerErrorKind::IndexOutOfRange
                    };
                    return Err(PointerError {
                        len: Some(len),
                        ..error(kind)
                    });
                }
                if i == last {
                    return Ok((path, Target::Element(array, index)));
                }
                path.push(Step::Element(array, index));
                value = &array[index];
            }
            _ => return Err(error(PointerErrorKind::NotAContainer)),
        }
    }
    unreachable!("`split` yields at least one token")
}

/// Puts `child` back into each container of `path`, from the bottom up.
fn rebuild(path: Vec<Step<'_>>, mut child: FrozenValue) -> FrozenValue {
    for step in path.into_iter().rev() {
        child = match step {
            Step::Member(object, index) => FrozenValue::Object(FrozenObject(
                object
                    .0
                    .with_replaced(index, (object.members()[index].0.clone(), child)),
            )),
            Step::Element(array, index) => {
                FrozenValue::Array(FrozenArray(array.0.with_replaced(index, child)))
            }
        };
    }
    child
}

impl FrozenValue {
    /// A new version of the document with the value at `pointer` set to `value`; `self` is
    /// unchanged, and every subtree off the edited path is shared with it (still
    /// [`ptr_eq`](Self::ptr_eq)).
    ///
    /// The pointer is an [RFC 6901](https://www.rfc-editor.org/rfc/rfc6901) JSON pointer (`~1`
    /// for `/` and `~0` for `~` in keys). Every token but the last must name an existing member
    /// or element. The last one sets an object member (adding it if absent) or an array element:
    /// an existing index replaces it, and `-` or the array's length appends. `""` replaces the
    /// whole document.
    ///
    /// Costs O(depth × width): each container on the path is copied (as handles to its
    /// children: one reference-count increment per sibling), nothing below it. Under an array of
    /// thousands of containers, those increments are most of the cost.
    ///
    /// # Errors
    ///
    /// A [`PointerError`] if the pointer is malformed, goes through a missing member or element
    /// or through a scalar, or names an index past the end of an array.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let v1 = frozen_value!({"users": [{"name": "ada"}], "meta": {"v": 1}});
    /// let v2 = v1.with_pointer("/users/0/name", "grace")?;
    /// let v3 = v2.with_pointer("/users/-", frozen_value!({"name": "alan"}))?;
    /// assert_eq!(v3["users"][1]["name"], "alan");
    /// assert_eq!(v1["users"][0]["name"], "ada");
    /// assert!(v3["meta"].ptr_eq(&v1["meta"]));
    /// assert!(v1.with_pointer("/users/5", 0).is_err());
    /// # Ok::<(), deepfreeze::value::PointerError>(())
    /// ```
    pub fn with_pointer(
        &self,
        pointer: &str,
        value: impl Into<FrozenValue>,
    ) -> Result<FrozenValue, PointerError> {
        let value = value.into();
        if pointer.is_empty() {
            return Ok(value);
        }
        let (path, target) = resolve(self, pointer, true)?;
        let child = match target {
            Target::Member(object, Ok(index), _) => {
                // The stored key is kept: it may share its bytes with other versions.
                let key = object.members()[index].0.clone();
                FrozenValue::Object(FrozenObject(object.0.with_replaced(index, (key, value))))
            }
            Target::Member(object, Err(index), key) => {
                FrozenValue::Object(FrozenObject(object.0.with_inserted(index, (key, value))))
            }
            Target::Element(array, index) if index == array.len() => {
                FrozenValue::Array(FrozenArray(array.0.with_inserted(index, value)))
            }
            Target::Element(array, index) => {
                FrozenValue::Array(FrozenArray(array.0.with_replaced(index, value)))
            }
        };
        Ok(rebuild(path, child))
    }

    /// Sets the value at `pointer` to `value` in place: `*self` becomes
    /// [`self.with_pointer(pointer, value)`](Self::with_pointer). Other handles to the old
    /// document (clones held by other threads) keep seeing it unchanged.
    ///
    /// # Errors
    ///
    /// As [`with_pointer`](Self::with_pointer); `self` is then unchanged.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let mut v = frozen_value!({"a": {"b": 1}});
    /// let reader = v.clone();
    /// v.set_pointer("/a/c", true)?;
    /// assert_eq!(v, frozen_value!({"a": {"b": 1, "c": true}}));
    /// assert_eq!(reader, frozen_value!({"a": {"b": 1}}));
    /// # Ok::<(), deepfreeze::value::PointerError>(())
    /// ```
    pub fn set_pointer(
        &mut self,
        pointer: &str,
        value: impl Into<FrozenValue>,
    ) -> Result<(), PointerError> {
        *self = self.with_pointer(pointer, value)?;
        Ok(())
    }

    /// A new version of the document without the value at `pointer` (a member removed from its
    /// object, or an element from its array, shifting the later ones); `self` is unchanged and
    /// shares every other subtree with the result.
    ///
    /// # Errors
    ///
    /// A [`PointerError`] if the pointer is malformed or `""`, or names no existing value.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let v = frozen_value!({"a": [1, 2, 3], "b": null});
    /// assert_eq!(v.without_pointer("/a/0")?, frozen_value!({"a": [2, 3], "b": null}));
    /// assert_eq!(v.without_pointer("/b")?, frozen_value!({"a": [1, 2, 3]}));
    /// assert!(v.without_pointer("/c").is_err());
    /// # Ok::<(), deepfreeze::value::PointerError>(())
    /// ```
    pub fn without_pointer(&self, pointer: &str) -> Result<FrozenValue, PointerError> {
        self.removed(pointer).map(|(document, _)| document)
    }

    /// Removes the value at `pointer` in place and returns it, as
    /// [`without_pointer`](Self::without_pointer) does persistently.
    ///
    /// # Errors
    ///
    /// As [`without_pointer`](Self::without_pointer); `self` is then unchanged.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let mut v = frozen_value!({"a": [1, 2]});
    /// assert_eq!(v.remove_pointer("/a/1")?, 2);
    /// assert_eq!(v, frozen_value!({"a": [1]}));
    /// # Ok::<(), deepfreeze::value::PointerError>(())
    /// ```
    pub fn remove_pointer(&mut self, pointer: &str) -> Result<FrozenValue, PointerError> {
        let (document, removed) = self.removed(pointer)?;
        *self = document;
        Ok(removed)
    }

    /// The document without the value at `pointer`, and that value.
    fn removed(&self, pointer: &str) -> Result<(FrozenValue, FrozenValue), PointerError> {
        if pointer.is_empty() {
            return Err(PointerError::new(PointerErrorKind::RemoveRoot, pointer));
        }
        let (path, target) = resolve(self, pointer, false)?;
        let (child, removed) = match target {
            Target::Member(object, found, _) => {
                // `resolve` found the member (it is not appending).
                let index = found.unwrap_or_else(|index| index);
                let removed = object.members()[index].1.clone();
                (
                    FrozenValue::Object(FrozenObject(object.0.with_removed(index))),
                    removed,
                )
            }
            Target::Element(array, index) => {
                let removed = array[index].clone();
                (
                    FrozenValue::Array(FrozenArray(array.0.with_removed(index))),
                    removed,
                )
            }
        };
        Ok((rebuild(path, child), removed))
    }
}

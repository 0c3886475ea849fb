//! `Display` (JSON) and `Debug`, without recursion.
//!
//! Both write the token stream of [`Walk`] with an explicit stack of open containers, so a
//! value nested a million levels deep prints on a small thread stack.

use core::fmt::{self, Write};

use super::cmp::{Token, Walk};
use super::{FrozenArray, FrozenObject, FrozenStr, FrozenValue};

/// How to write a tree.
#[derive(Clone, Copy)]
struct Style {
    /// JSON (`Display`) or the variants (`Debug`).
    json: bool,
    /// Spaces per level when pretty-printing (`{:#}`, `{:#?}`); `None` for one line.
    indent: Option<usize>,
}

impl Style {
    fn new(json: bool, f: &fmt::Formatter<'_>) -> Self {
        let indent = match (f.alternate(), json) {
            (false, _) => None,
            (true, true) => Some(2),
            (true, false) => Some(4),
        };
        Self { json, indent }
    }

    /// Starts a line at nesting `depth` (pretty) or does nothing.
    fn newline(self, f: &mut fmt::Formatter<'_>, depth: usize) -> fmt::Result {
        if let Some(indent) = self.indent {
            f.write_char('\n')?;
            for _ in 0..indent * depth {
                f.write_char(' ')?;
            }
        }
        Ok(())
    }

    /// Writes what separates an item from the one before it (`first`: there is none).
    fn separate(self, f: &mut fmt::Formatter<'_>, first: bool, depth: usize) -> fmt::Result {
        if !first {
            f.write_str(match (self.json, self.indent) {
                (false, None) => ", ",
                _ => ",",
            })?;
        }
        self.newline(f, depth)
    }

    /// Writes the end of a non-empty container.
    fn close(self, f: &mut fmt::Formatter<'_>, closer: char, depth: usize) -> fmt::Result {
        // Rust's pretty `Debug` ends every item with a comma, the last one too.
        if !self.json && self.indent.is_some() {
            f.write_char(',')?;
        }
        self.newline(f, depth)?;
        f.write_char(closer)
    }

    fn write_key(self, f: &mut fmt::Formatter<'_>, key: &FrozenStr) -> fmt::Result {
        if self.json {
            write_json_str(f, key)?;
        } else {
            write!(f, "{:?}", key.as_str())?;
        }
        f.write_str(if self.json && self.indent.is_none() {
            ":"
        } else {
            ": "
        })
    }

    fn write_leaf(self, f: &mut fmt::Formatter<'_>, value: &FrozenValue) -> fmt::Result {
        match (value, self.json) {
            (FrozenValue::Null, true) => f.write_str("null"),
            (FrozenValue::Null, false) => f.write_str("Null"),
            (FrozenValue::Bool(b), true) => write!(f, "{b}"),
            (FrozenValue::Bool(b), false) => write!(f, "Bool({b})"),
            (FrozenValue::Number(n), true) => n.write_json(f),
            (FrozenValue::Number(n), false) => write!(f, "{n:?}"),
            (FrozenValue::String(s), true) => write_json_str(f, s),
            (FrozenValue::String(s), false) => write!(f, "String({:?})", s.as_str()),
            // As serde_json writes bytes: an array of numbers.
            (FrozenValue::Bytes(b), true) => {
                f.write_char('[')?;
                for (i, byte) in b.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{byte}")?;
                }
                f.write_char(']')
            }
            (FrozenValue::Bytes(b), false) => write!(f, "Bytes({:?})", &**b),
            (FrozenValue::Array(_) | FrozenValue::Object(_), _) => Ok(()),
        }
    }

    /// Writes the opening of a container (or all of it, if it is empty: then returns `None`), and
    /// returns its closing character.
    fn open(
        self,
        f: &mut fmt::Formatter<'_>,
        value: &FrozenValue,
    ) -> Result<Option<char>, fmt::Error> {
        let (name, open, close, empty) = match value {
            FrozenValue::Array(a) => ("Array ", '[', ']', a.is_empty()),
            FrozenValue::Object(o) => ("Object ", '{', '}', o.is_empty()),
            _ => return Ok(None),
        };
        if !self.json {
            f.write_str(name)?;
        }
        f.write_char(open)?;
        if empty {
            f.write_char(close)?;
            return Ok(None);
        }
        Ok(Some(close))
    }

    /// Writes the tokens of `walk`; `closers` holds the closing characters of the containers
    /// that the walk starts inside (already opened by the caller).
    fn write(
        self,
        f: &mut fmt::Formatter<'_>,
        mut walk: Walk<'_>,
        mut closers: Vec<char>,
    ) -> fmt::Result {
        // Whether the next item is the first of its container.
        let mut first = true;
        // Whether a key was just written, so that its value follows without a separator.
        let mut after_key = false;
        while let Some(token) = walk.next() {
            match token {
                Token::Close => {
                    let closer = closers.pop().unwrap_or(']');
                    self.close(f, closer, closers.len())?;
                    first = false;
                }
                Token::Key(key) => {
                    self.separate(f, first, closers.len())?;
                    self.write_key(f, key)?;
                    after_key = true;
                }
                Token::Leaf(value) | Token::Open(value) => {
                    if !after_key && !closers.is_empty() {
                        self.separate(f, first, closers.len())?;
                    }
                    after_key = false;
                    first = false;
                    if let Token::Leaf(_) = token {
                        self.write_leaf(f, value)?;
                    } else if let Some(closer) = self.open(f, value)? {
                        closers.push(closer);
                        first = true;
                    } else {
                        walk.skip_contents();
                    }
                }
            }
        }
        Ok(())
    }
}

/// Writes `s` as a JSON string: quoted, with `"`, `\` and control characters escaped.
fn write_json_str(f: &mut impl Write, s: &str) -> fmt::Result {
    f.write_char('"')?;
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        f.write_str(&s[start..i])?;
        if escape.is_empty() {
            write!(f, "\\u{byte:04x}")?;
        } else {
            f.write_str(escape)?;
        }
        start = i + 1;
    }
    f.write_str(&s[start..])?;
    f.write_char('"')
}

impl fmt::Display for FrozenValue {
    /// Writes the value as JSON (`{:#}`: indented by two spaces), in key order. Bytes are written
    /// as an array of numbers, as `serde_json` serializes them.
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let v = frozen_value!({"b": [1, "x\n"], "a": null});
    /// assert_eq!(v.to_string(), r#"{"a":null,"b":[1,"x\n"]}"#);
    /// assert_eq!(format!("{v:#}"), "{\n  \"a\": null,\n  \"b\": [\n    1,\n    \"x\\n\"\n  ]\n}");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Style::new(true, f).write(f, Walk::value(self), Vec::new())
    }
}

impl fmt::Debug for FrozenValue {
    /// Writes the variants, as `serde_json::Value` does: `Object {"a": Array [Number(1)]}`
    /// (`{:#?}`: one item per line).
    ///
    /// ```
    /// use deepfreeze::frozen_value;
    ///
    /// let v = frozen_value!({"a": [1, null, "s"]});
    /// assert_eq!(format!("{v:?}"), r#"Object {"a": Array [Number(1), Null, String("s")]}"#);
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Style::new(false, f).write(f, Walk::value(self), Vec::new())
    }
}

impl fmt::Display for FrozenArray {
    /// Writes the array as JSON, like [`FrozenValue`]'s `Display`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_contents(f, true, '[', ']', self.is_empty(), Walk::elements(self))
    }
}

impl fmt::Display for FrozenObject {
    /// Writes the object as JSON, like [`FrozenValue`]'s `Display`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_contents(
            f,
            true,
            '{',
            '}',
            self.is_empty(),
            Walk::members(self.members()),
        )
    }
}

/// `Debug` of an array: its elements as a list.
pub(super) fn debug_slice(items: &[FrozenValue], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write_contents(f, false, '[', ']', items.is_empty(), Walk::elements(items))
}

/// `Debug` of an object: its members as a map.
pub(super) fn debug_members(
    members: &[(FrozenStr, FrozenValue)],
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    write_contents(
        f,
        false,
        '{',
        '}',
        members.is_empty(),
        Walk::members(members),
    )
}

/// Writes a container whose contents `walk` yields (then its `Close`).
fn write_contents(
    f: &mut fmt::Formatter<'_>,
    json: bool,
    open: char,
    close: char,
    empty: bool,
    walk: Walk<'_>,
) -> fmt::Result {
    f.write_char(open)?;
    if empty {
        return f.write_char(close);
    }
    Style::new(json, f).write(f, walk, vec![close])
}

//! `Serialize` and `Deserialize` for [`FrozenValue`] (feature `serde`), from any self-describing
//! format, straight into the frozen containers.
//!
//! Deserializing buffers each array or object in a `Vec` (preallocating at most what
//! [`cautious`] allows from the untrusted length hint) and moves it into its exact-sized
//! allocation; objects are then sorted by key, a repeated key keeping its last value, as
//! `serde_json::Value` does. Every array and object counts one level against
//! [`MAX_DEPTH`](crate::serde::MAX_DEPTH), whatever the format, so hostile nesting is an error,
//! never a stack overflow.

use core::fmt;

use ::serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use ::serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::{FrozenArray, FrozenObject, FrozenValue, Number};
use crate::serde::{Level, cautious, charge, enter_de, enter_ser, footprint};
use crate::{FrozenBytes, FrozenStr};

impl Serialize for FrozenValue {
    /// Writes the value in the serde data model: unit, bool, `u64`/`i64`/`f64`, str, bytes, seq
    /// and map (members in key order). More than [`MAX_DEPTH`](crate::serde::MAX_DEPTH) nested
    /// arrays and objects are an error.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Null => serializer.serialize_unit(),
            Self::Bool(b) => serializer.serialize_bool(*b),
            Self::Number(n) => n.serialize(serializer),
            Self::String(s) => serializer.serialize_str(s),
            Self::Bytes(b) => serializer.serialize_bytes(b),
            Self::Array(a) => a.serialize(serializer),
            Self::Object(o) => o.serialize(serializer),
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(u) = self.as_u64() {
            serializer.serialize_u64(u)
        } else if let Some(i) = self.as_i64() {
            serializer.serialize_i64(i)
        } else {
            serializer.serialize_f64(self.as_f64().unwrap_or_default())
        }
    }
}

impl Serialize for FrozenArray {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let _level = enter_ser::<S::Error>()?;
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self.iter() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

impl Serialize for FrozenObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let _level = enter_ser::<S::Error>()?;
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for FrozenValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl<'de> Deserialize<'de> for FrozenArray {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match FrozenValue::deserialize(deserializer)? {
            FrozenValue::Array(a) => Ok(a),
            _ => Err(de::Error::custom("expected an array")),
        }
    }
}

impl<'de> Deserialize<'de> for FrozenObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match FrozenValue::deserialize(deserializer)? {
            FrozenValue::Object(o) => Ok(o),
            _ => Err(de::Error::custom("expected an object")),
        }
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = FrozenValue;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any valid JSON, CBOR or MessagePack value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<FrozenValue, E> {
        Ok(FrozenValue::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<FrozenValue, E> {
        Ok(FrozenValue::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<FrozenValue, D::Error> {
        FrozenValue::deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<FrozenValue, D::Error> {
        FrozenValue::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<FrozenValue, E> {
        Ok(FrozenValue::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<FrozenValue, E> {
        Ok(FrozenValue::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<FrozenValue, E> {
        Ok(FrozenValue::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<FrozenValue, E> {
        Number::from_i128(v)
            .map(FrozenValue::Number)
            .ok_or_else(|| E::custom("integer out of the range of i64 and u64"))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<FrozenValue, E> {
        u64::try_from(v)
            .map(FrozenValue::from)
            .map_err(|_| E::custom("integer out of the range of i64 and u64"))
    }

    /// NaN and the infinities become `Null`, as in `serde_json::Value`.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<FrozenValue, E> {
        Ok(FrozenValue::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FrozenValue, E> {
        charge::<E>(footprint::str(v.len()))?;
        Ok(FrozenValue::String(FrozenStr::from(v)))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<FrozenValue, E> {
        self.visit_str(&v)
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<FrozenValue, E> {
        charge::<E>(footprint::bytes(v.len()))?;
        Ok(FrozenValue::from(FrozenBytes::from(v)))
    }

    /// Copied into an exact-sized buffer: the format's may have spare capacity.
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<FrozenValue, E> {
        self.visit_bytes(&v)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FrozenValue, A::Error> {
        let enclosing = Level::current();
        let _level = enter_de::<A::Error>()?;
        let mut items = Vec::with_capacity(cautious::<FrozenValue>(seq.size_hint(), enclosing));
        charge::<A::Error>(items.capacity() * size_of::<FrozenValue>())?;
        while let Some(item) = seq.next_element()? {
            charge::<A::Error>(footprint::buffered::<FrozenValue>())?;
            items.push(item);
        }
        Ok(FrozenValue::Array(FrozenArray::from(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FrozenValue, A::Error> {
        let enclosing = Level::current();
        let _level = enter_de::<A::Error>()?;
        let capacity = cautious::<(FrozenStr, FrozenValue)>(map.size_hint(), enclosing);
        let mut members = Vec::with_capacity(capacity);
        charge::<A::Error>(capacity * size_of::<(FrozenStr, FrozenValue)>())?;
        while let Some(member) = map.next_entry::<FrozenStr, FrozenValue>()? {
            charge::<A::Error>(footprint::buffered::<(FrozenStr, FrozenValue)>())?;
            members.push(member);
        }
        Ok(FrozenValue::Object(FrozenObject::from_members(members)))
    }
}

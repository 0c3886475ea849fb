//! Arbitrary bytes parsed into `FrozenValue` as JSON (serde_json) or CBOR (ciborium, without its
//! own recursion limit): the first byte picks the format, the rest is the input. Whatever
//! happens must not panic. JSON must be accepted exactly when `serde_json::Value` accepts it,
//! and serialize to the same bytes; a value must round trip through its format; `Display` must
//! print what serde_json serializes (for values without floats, whose text forms may differ);
//! and a pointer edit of every node must leave the original unchanged.

use deepfreeze::FrozenValue;

pub fn run(data: &[u8]) {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    if selector % 2 == 0 {
        json(input);
    } else {
        cbor(input);
    }
}

fn json(input: &[u8]) {
    let frozen = serde_json::from_slice::<FrozenValue>(input);
    let model = serde_json::from_slice::<serde_json::Value>(input);
    let (frozen, model) = match (frozen, model) {
        (Ok(frozen), Ok(model)) => (frozen, model),
        (Err(_), Err(_)) => return,
        (frozen, model) => panic!("FrozenValue: {frozen:?}, serde_json::Value: {model:?}"),
    };
    let bytes = serde_json::to_vec(&frozen).expect("a parsed value serializes");
    assert_eq!(bytes, serde_json::to_vec(&model).unwrap());
    let back: FrozenValue = serde_json::from_slice(&bytes).expect("its serialization parses");
    assert_eq!(back, frozen);
    check_value(&frozen, &bytes);
}

fn cbor(input: &[u8]) {
    let Ok(frozen) =
        ciborium::de::from_reader_with_recursion_limit::<FrozenValue, _>(input, usize::MAX)
    else {
        return;
    };
    let mut bytes = Vec::new();
    ciborium::ser::into_writer(&frozen, &mut bytes).expect("a parsed value serializes");
    let back: FrozenValue =
        ciborium::de::from_reader(&bytes[..]).expect("its serialization parses");
    assert_eq!(back, frozen);
    if let Ok(json) = serde_json::to_vec(&frozen) {
        check_value(&frozen, &json);
    }
}

/// Checks of the value itself: `json` is its serialization by serde_json.
fn check_value(value: &FrozenValue, json: &[u8]) {
    if !has_float(value) {
        assert_eq!(value.to_string().as_bytes(), json);
    }
    assert_eq!(value.clone(), *value);
    assert_eq!(value.cmp(value), core::cmp::Ordering::Equal);
    // Edit and remove at every node (up to a budget): the original must not change.
    let before = value.to_string();
    for pointer in pointers(value).into_iter().take(64) {
        let edited = value
            .with_pointer(&pointer, "edited")
            .expect("the path exists");
        assert_eq!(
            edited.pointer(&pointer).and_then(FrozenValue::as_str),
            Some("edited")
        );
        if let Some((parent, _)) = pointer.rsplit_once('/') {
            let removed = value.without_pointer(&pointer).expect("the value exists");
            let len = |v: &FrozenValue| match v.pointer(parent) {
                Some(FrozenValue::Array(a)) => a.len(),
                Some(FrozenValue::Object(o)) => o.len(),
                other => panic!("{parent} is not a container: {other:?}"),
            };
            assert_eq!(len(&removed) + 1, len(value), "removing {pointer}");
        }
    }
    assert_eq!(value.to_string(), before);
}

fn has_float(value: &FrozenValue) -> bool {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            FrozenValue::Number(n) if n.is_f64() => return true,
            FrozenValue::Array(a) => stack.extend(a.iter()),
            FrozenValue::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
    false
}

/// Pointers to every value in `value`, breadth first.
fn pointers(value: &FrozenValue) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut i = 0;
    while i < out.len() && out.len() < 256 {
        let prefix = out[i].clone();
        match value.pointer(&prefix).expect("an existing pointer") {
            FrozenValue::Array(items) => {
                out.extend((0..items.len()).map(|j| format!("{prefix}/{j}")));
            }
            FrozenValue::Object(members) => out.extend(
                members
                    .keys()
                    .map(|k| format!("{prefix}/{}", k.replace('~', "~0").replace('/', "~1"))),
            ),
            _ => {}
        }
        i += 1;
    }
    out
}

use deepfreeze::Frozen;

// The `bound` constrains the wrong parameter: `V` is a field but only `K` is bounded.
#[derive(Frozen)]
#[frozen(bound = "K: Frozen")]
struct Pair<K, V> {
    key: K,
    value: Box<V>,
}

fn main() {}

//! Real-shaped JSON documents, generated deterministically (no data files in the repository):
//! a twitter-like search feed (the shape of the classic `twitter.json` benchmark file, scaled to
//! a chosen size) and a config-like tree (services, feature flags with rollout rules).
//!
//! Shared by `benches/value.rs` and `examples/document.rs`.

use serde_json::{Map, Value, json};

/// A small deterministic generator (SplitMix64): the same documents on every run.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }

    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const WORDS: &[&str] = &[
    "the",
    "rust",
    "frozen",
    "value",
    "shared",
    "across",
    "threads",
    "without",
    "copying",
    "json",
    "document",
    "persistent",
    "edit",
    "tree",
    "deep",
    "immutable",
    "release",
    "today",
    "new",
    "fast",
    "memory",
    "safe",
    "concurrency",
    "config",
    "flag",
    "rollout",
    "service",
    "cache",
];
const NAMES: &[&str] = &[
    "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Ken",
];
const LANGS: &[&str] = &["en", "ja", "es", "fr", "de", "pt"];
const SOURCES: &[&str] = &[
    "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
    "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Mobile Web</a>",
    "web",
];

fn sentence(rng: &mut Rng, words: u64) -> String {
    let n = 3 + rng.below(words);
    (0..n)
        .map(|_| rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn user(rng: &mut Rng) -> Value {
    let id = rng.next_u64() >> 12;
    let name = rng.pick(NAMES);
    let screen_name = format!("{}_{}", name.to_lowercase(), rng.below(10_000));
    json!({
        "id": id,
        "id_str": id.to_string(),
        "name": name,
        "screen_name": screen_name,
        "location": if rng.chance(60) { json!(rng.pick(&["Tokyo", "Paris", "Lima", "Oslo"])) } else { json!("") },
        "description": sentence(rng, 12),
        "url": if rng.chance(40) { json!(format!("https://example.com/{screen_name}")) } else { Value::Null },
        "entities": {"description": {"urls": []}},
        "protected": false,
        "followers_count": rng.below(100_000),
        "friends_count": rng.below(5_000),
        "listed_count": rng.below(100),
        "created_at": "Sun Aug 31 00:29:15 +0000 2014",
        "favourites_count": rng.below(10_000),
        "utc_offset": if rng.chance(50) { json!(32400) } else { Value::Null },
        "time_zone": if rng.chance(50) { json!("Tokyo") } else { Value::Null },
        "geo_enabled": rng.chance(30),
        "verified": rng.chance(5),
        "statuses_count": rng.below(50_000),
        "lang": rng.pick(LANGS),
        "profile_background_color": "C0DEED",
        "profile_image_url_https": format!("https://pbs.twimg.com/profile_images/{}/normal.jpeg", rng.below(1 << 40)),
        "profile_use_background_image": true,
        "default_profile": rng.chance(50),
        "following": false,
        "notifications": false,
    })
}

fn status(rng: &mut Rng, depth: u32) -> Value {
    let id = rng.next_u64() >> 8;
    let hashtags: Vec<Value> = (0..rng.below(3))
        .map(|i| json!({"text": rng.pick(WORDS), "indices": [i * 10, i * 10 + 6]}))
        .collect();
    let mentions: Vec<Value> = (0..rng.below(3))
        .map(|_| {
            let id = rng.next_u64() >> 12;
            json!({"screen_name": rng.pick(NAMES).to_lowercase(), "name": rng.pick(NAMES), "id": id, "id_str": id.to_string(), "indices": [0, 8]})
        })
        .collect();
    let mut tweet = json!({
        "metadata": {"result_type": "recent", "iso_language_code": rng.pick(LANGS)},
        "created_at": "Sun Aug 31 00:29:15 +0000 2014",
        "id": id,
        "id_str": id.to_string(),
        "text": sentence(rng, 20),
        "source": rng.pick(SOURCES),
        "truncated": false,
        "in_reply_to_status_id": if rng.chance(20) { json!(rng.next_u64() >> 8) } else { Value::Null },
        "in_reply_to_user_id": Value::Null,
        "user": user(rng),
        "geo": Value::Null,
        "coordinates": Value::Null,
        "place": Value::Null,
        "contributors": Value::Null,
        "retweet_count": rng.below(1_000),
        "favorite_count": rng.below(1_000),
        "entities": {"hashtags": hashtags, "symbols": [], "urls": [], "user_mentions": mentions},
        "favorited": false,
        "retweeted": false,
        "possibly_sensitive": rng.chance(3),
        "lang": rng.pick(LANGS),
    });
    if depth == 0 && rng.chance(30) {
        tweet["retweeted_status"] = status(rng, 1);
    }
    tweet
}

/// A twitter-like search result of at least `bytes` bytes of compact JSON:
/// `{"statuses": [...], "search_metadata": {...}}`.
pub(crate) fn twitter(bytes: usize) -> String {
    let mut rng = Rng::new(0x7717);
    let mut statuses = Vec::new();
    let mut size = 0;
    while size < bytes {
        let tweet = status(&mut rng, 0);
        size += tweet.to_string().len() + 1;
        statuses.push(tweet);
    }
    let count = statuses.len();
    json!({
        "statuses": statuses,
        "search_metadata": {"completed_in": 0.087, "max_id": 505874924095815681u64, "query": "%E4%B8%80", "count": count},
    })
    .to_string()
}

/// A config-like tree of about `bytes` bytes: services with nested settings, and feature flags
/// with rollout rules (many small objects, a few levels deep).
pub(crate) fn config(bytes: usize) -> String {
    let mut rng = Rng::new(0xC0F1);
    let mut services = Map::new();
    let mut flags = Map::new();
    let mut size = 0;
    let mut i = 0;
    while size < bytes {
        let service = json!({
            "enabled": rng.chance(90),
            "replicas": 1 + rng.below(12),
            "image": format!("registry.example.com/{}:{}.{}", rng.pick(WORDS), rng.below(9), rng.below(40)),
            "limits": {"cpu_millis": 250 * (1 + rng.below(8)), "memory_mib": 128 << rng.below(5), "timeout_ms": 100 * rng.below(300)},
            "env": {"LOG_LEVEL": rng.pick(&["debug", "info", "warn"]), "REGION": rng.pick(&["eu-west-1", "us-east-1", "ap-northeast-1"])},
            "hosts": (0..1 + rng.below(4)).map(|h| format!("{}-{h}.internal", rng.pick(WORDS))).collect::<Vec<_>>(),
            "retry": {"attempts": rng.below(5), "backoff": {"initial_ms": 50, "multiplier": 1.5, "max_ms": 5_000}},
        });
        let flag = json!({
            "enabled": rng.chance(50),
            "rollout": (rng.below(101) as f64) / 100.0,
            "owner": rng.pick(NAMES),
            "segments": (0..rng.below(4)).map(|_| json!({"attribute": rng.pick(&["country", "plan", "app_version"]), "op": rng.pick(&["in", "not_in", ">="]), "values": [rng.pick(LANGS), rng.pick(WORDS)]})).collect::<Vec<_>>(),
        });
        size += service.to_string().len() + flag.to_string().len() + 40;
        services.insert(format!("service-{i:05}"), service);
        flags.insert(format!("flag.{}.{i}", rng.pick(WORDS)), flag);
        i += 1;
    }
    json!({"version": 42, "services": services, "flags": flags, "defaults": {"timeout_ms": 3000, "retries": 2}})
        .to_string()
}

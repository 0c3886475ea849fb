//! Hand-rolled command-line parsing: `--name value` or `--name=value`, `--help`.

use std::str::FromStr;

/// The parsed command line: flag/value pairs in order, or a request for help.
pub(crate) enum Parsed {
    /// `--help` or `-h` was given.
    Help,
    /// Every `--flag value` pair, in order.
    Flags(Vec<(String, String)>),
}

/// Splits `args` (without the program name) into `--flag value` pairs; `known` lists the flags.
pub(crate) fn parse(
    args: impl IntoIterator<Item = String>,
    known: &[&str],
) -> Result<Parsed, String> {
    let mut args = args.into_iter();
    let mut flags = Vec::new();
    while let Some(arg) = args.next() {
        if arg == "--help" || arg == "-h" {
            return Ok(Parsed::Help);
        }
        let Some(body) = arg.strip_prefix("--") else {
            return Err(format!("unexpected argument `{arg}`"));
        };
        let (name, value) = match body.split_once('=') {
            Some((name, value)) => (name.to_string(), value.to_string()),
            None => {
                let value = args
                    .next()
                    .ok_or_else(|| format!("`--{body}` needs a value"))?;
                (body.to_string(), value)
            }
        };
        if !known.contains(&name.as_str()) {
            return Err(format!("unknown flag `--{name}`"));
        }
        flags.push((name, value));
    }
    Ok(Parsed::Flags(flags))
}

/// Parses `value` of flag `name` as a `T`, with an error message naming the flag.
pub(crate) fn value<T: FromStr>(name: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("`--{name}`: cannot parse `{value}`"))
}

/// Like [`value`], and also rejects values outside `min..=max`.
pub(crate) fn in_range<T>(name: &str, raw: &str, min: T, max: T) -> Result<T, String>
where
    T: FromStr + PartialOrd + std::fmt::Display,
{
    let v: T = value(name, raw)?;
    if v < min || v > max {
        return Err(format!(
            "`--{name}` must be between {min} and {max}, got {v}"
        ));
    }
    Ok(v)
}

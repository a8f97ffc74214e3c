//! The round-trip runner: decodes each sample instance into its generated type, encodes it back
//! and reports every JSON path that differs. Copied to `target/roundtrip/src/main.rs` by
//! `tests/tests/roundtrip.rs`, next to the generated `table.rs` that maps type names to checks;
//! instances are read at run time, so a new sample needs no recompile, only a new type does.

mod cluster;
mod replay;
mod replay_table;
mod table;

use std::collections::HashMap;

use serde_json::Value;

/// Decodes JSON text into one generated type and encodes it back, as the client does on the wire.
type Check = fn(&str) -> Result<String, String>;

fn check<T: serde::Serialize + serde::de::DeserializeOwned>(text: &str) -> Result<String, String> {
    let value: T = serde_json::from_str(text).map_err(|e| format!("decode failed: {e}"))?;
    serde_json::to_string(&value).map_err(|e| format!("encode failed: {e}"))
}

/// One schema's instances, as the outer test wrote them.
#[derive(serde::Deserialize)]
struct Sample {
    #[serde(rename = "crate")]
    krate: String,
    #[serde(rename = "type")]
    rust_name: String,
    instances: Vec<Instance>,
}

#[derive(serde::Deserialize)]
struct Instance {
    case: String,
    json: Value,
}

/// What happened to one schema: no failures means it round-tripped.
#[derive(serde::Serialize)]
struct Outcome<'a> {
    #[serde(rename = "crate")]
    krate: &'a str,
    #[serde(rename = "type")]
    rust_name: &'a str,
    failures: Vec<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("round-trip") if args.len() == 4 => round_trip(&args[2], &args[3]),
        Some("replay") if args.len() == 5 => replay::run(&args[2], &args[3], &args[4]),
        Some("patch-cluster") if args.len() == 4 => {
            let line = args[3].parse().expect("a line number");
            if let Err(message) = cluster::patch(&args[2], line) {
                eprintln!("{message}");
                std::process::exit(1);
            }
        }
        Some("create-cluster") => {
            if let Err(message) = cluster::run() {
                eprintln!("{message}");
                std::process::exit(1);
            }
        }
        _ => {
            eprintln!(
                "usage: roundtrip-runner round-trip INSTANCES REPORT | replay CORPUS REPORT FREE_FORM | \
                 patch-cluster CORPUS LINE | create-cluster"
            );
            std::process::exit(2);
        }
    }
}

fn round_trip(instances: &str, report: &str) {
    let text = std::fs::read_to_string(instances).expect("the instances file is readable");
    let samples: Vec<Sample> = serde_json::from_str(&text).expect("the instances file is JSON");
    let checks: HashMap<(&str, &str), Check> = table::CASES
        .iter()
        .map(|&(krate, name, check)| ((krate, name), check))
        .collect();
    let mut outcomes = Vec::new();
    for sample in &samples {
        let mut failures = Vec::new();
        match checks.get(&(sample.krate.as_str(), sample.rust_name.as_str())) {
            None => failures.push("not in the runner's table (a bug of the test)".to_owned()),
            Some(_) if sample.instances.is_empty() => {
                failures.push("no instance could be built".to_owned());
            }
            Some(check) => {
                for instance in &sample.instances {
                    let sent = instance.json.to_string();
                    let mut found = Vec::new();
                    match check(&sent) {
                        Ok(back) => match serde_json::from_str::<Value>(&back) {
                            Ok(back) => diff("", &instance.json, &back, &mut found),
                            Err(e) => found.push(format!("encoded text is not JSON: {e}")),
                        },
                        Err(e) => found.push(e),
                    }
                    failures.extend(found.into_iter().map(|f| format!("{}: {f}", instance.case)));
                }
            }
        }
        outcomes.push(Outcome {
            krate: &sample.krate,
            rust_name: &sample.rust_name,
            failures,
        });
    }
    let json = serde_json::to_string_pretty(&outcomes).expect("outcomes serialise");
    std::fs::write(report, json).expect("the report is writable");
}

/// Every JSON path where `got` differs from `expected`, with both values. Two normalisations,
/// neither a loss: numbers compare by value (`10` and `10.0`), and date-times compare as
/// instants (chrono writes `2024-01-01T00:00:00Z` for `2024-01-01T00:00:00.000Z`).
fn diff(path: &str, expected: &Value, got: &Value, out: &mut Vec<String>) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (key, value) in e {
                let at = format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"));
                match g.get(key) {
                    Some(back) => diff(&at, value, back, out),
                    None => out.push(format!("{at}: expected {}, got nothing", short(value))),
                }
            }
            for (key, value) in g.iter().filter(|(k, _)| !e.contains_key(*k)) {
                out.push(format!(
                    "{path}/{key}: expected nothing, got {}",
                    short(value)
                ));
            }
        }
        (Value::Array(e), Value::Array(g)) if e.len() == g.len() => {
            for (index, (value, back)) in e.iter().zip(g).enumerate() {
                diff(&format!("{path}/{index}"), value, back, out);
            }
        }
        (Value::Number(e), Value::Number(g)) if same_number(e, g) => {}
        (Value::String(e), Value::String(g)) if same_instant(e, g) => {}
        _ if expected == got => {}
        _ => {
            let at = if path.is_empty() { "/" } else { path };
            out.push(format!(
                "{at}: expected {}, got {}",
                short(expected),
                short(got)
            ));
        }
    }
}

fn same_number(e: &serde_json::Number, g: &serde_json::Number) -> bool {
    match (e.as_i64(), g.as_i64()) {
        (Some(e), Some(g)) => e == g,
        _ => e.as_f64() == g.as_f64(),
    }
}

fn same_instant(e: &str, g: &str) -> bool {
    let parse = chrono::DateTime::parse_from_rfc3339;
    matches!((parse(e), parse(g)), (Ok(e), Ok(g)) if e == g)
}

/// A value for a message, cut so one report line stays readable.
fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 100 {
        return text;
    }
    let cut: String = text.chars().take(97).collect();
    format!("{cut}...")
}

// @generated: a copy of generator/runtime/src/cli/table.rs; do not edit by hand.
//! `-o table`: a list answer as one row per item, any other answer as FIELD/VALUE rows, in
//! aligned columns. Only scalar fields are shown (nested objects do not fit in a cell); `-o json`
//! has everything.

use serde_json::{Map, Value};

/// The most columns a list table shows: wider tables wrap in a terminal and stop being tables.
const MAX_COLUMNS: usize = 8;

/// Between two columns.
const GAP: &str = "  ";

/// The table for `answer`: rows of the array at `list_field` when the answer has one, else the
/// answer's own scalar fields. Empty when there is nothing to show.
pub(super) fn render(answer: &Value, list_field: Option<&str>) -> String {
    let items = list_field
        .and_then(|field| answer.get(field))
        .and_then(Value::as_array);
    match (items, answer) {
        (Some(items), _) => list_table(items),
        (None, Value::Object(fields)) => field_table(fields),
        (None, Value::Array(items)) => list_table(items),
        (None, scalar) => cell(scalar).map(|text| text + "\n").unwrap_or_default(),
    }
}

/// One row per item; columns are the scalar fields in the order they first appear.
fn list_table(items: &[Value]) -> String {
    let mut columns: Vec<&str> = Vec::new();
    for item in items.iter().filter_map(Value::as_object) {
        for (key, value) in item {
            if columns.len() < MAX_COLUMNS
                && cell(value).is_some()
                && !columns.contains(&key.as_str())
            {
                columns.push(key);
            }
        }
    }
    if columns.is_empty() {
        return String::new();
    }
    let mut rows = vec![columns.iter().map(|c| header(c)).collect::<Vec<_>>()];
    for item in items {
        let row = columns
            .iter()
            .map(|column| item.get(column).and_then(cell).unwrap_or_default())
            .collect();
        rows.push(row);
    }
    aligned(&rows)
}

/// FIELD and VALUE of each top-level scalar field.
fn field_table(fields: &Map<String, Value>) -> String {
    let mut rows = vec![vec!["FIELD".to_owned(), "VALUE".to_owned()]];
    rows.extend(
        fields
            .iter()
            .filter_map(|(key, value)| Some(vec![key.clone(), cell(value)?])),
    );
    if rows.len() == 1 {
        return String::new();
    }
    aligned(&rows)
}

/// The text of a string, number or boolean on one line; `None` for anything else (a `null`
/// is no more a column than an object is; in a row it is an empty cell, as a missing field).
fn cell(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null | Value::Array(_) | Value::Object(_) => return None,
    };
    Some(text.replace(|c: char| c.is_control(), " "))
}

/// `snapshotId` → `SNAPSHOT_ID`, `mongoDBVersion` → `MONGO_DB_VERSION`: a new word starts at an
/// upper-case letter after a lower-case one or a digit, and at the last capital of a run
/// followed by a lower-case letter (`DBVersion` → `DB_VERSION`).
pub(super) fn header(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            continue;
        }
        let previous = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let starts_word = c.is_uppercase()
            && previous.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            });
        if starts_word && !out.ends_with('_') {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// The rows with each column padded to its widest cell (the last column is not padded).
fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|text| text.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (column, text) in row.iter().enumerate() {
            if column + 1 == row.len() {
                line.push_str(text);
            } else {
                let width = widths.get(column).copied().unwrap_or(0);
                line.push_str(&format!("{text:<width$}{GAP}"));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    #[test]
    fn headers_are_upper_snake_case() {
        let cases = [
            ("snapshotId", "SNAPSHOT_ID"),
            ("mongoDBVersion", "MONGO_DB_VERSION"),
            ("id", "ID"),
            ("groupID", "GROUP_ID"),
            ("diskSizeGB", "DISK_SIZE_GB"),
            ("x509Type", "X509_TYPE"),
            ("stateName", "STATE_NAME"),
            ("already_snake", "ALREADY_SNAKE"),
            ("kebab-case", "KEBAB_CASE"),
        ];
        for (name, want) in cases {
            assert_eq!(header(name), want, "{name}");
        }
    }

    #[test]
    fn a_list_answer_has_a_row_per_item_and_scalar_columns_in_first_seen_order() {
        let answer = json!({
            "results": [
                {"snapshotId": "a1", "status": "COMPLETED", "links": [{"rel": "self"}], "note": null},
                {"snapshotId": "b22222", "expiration": "2024-01-01", "status": "PENDING", "size": 10},
            ],
            "totalCount": 2,
        });
        let text = render(&answer, Some("results"));
        let want = "\
SNAPSHOT_ID  STATUS     EXPIRATION  SIZE
a1           COMPLETED
b22222       PENDING    2024-01-01  10
";
        assert_eq!(text, want);
    }

    #[test]
    fn a_list_table_has_at_most_eight_columns() {
        let item: Map<String, Value> = (0..12).map(|i| (format!("f{i}"), json!(i))).collect();
        let text = render(&json!({"results": [item]}), Some("results"));
        assert_eq!(
            text.lines().next().unwrap(),
            "F0  F1  F2  F3  F4  F5  F6  F7"
        );
    }

    #[test]
    fn another_answer_is_a_field_value_table_of_its_scalars() {
        let answer = json!({"name": "Cluster0", "paused": false, "replicationSpecs": [], "diskSizeGB": 10.5, "note": "a\nb", "gone": null});
        let want = "\
FIELD       VALUE
name        Cluster0
paused      false
diskSizeGB  10.5
note        a b
";
        assert_eq!(render(&answer, Some("results")), want);
    }

    #[test]
    fn nothing_to_show_is_an_empty_table() {
        assert_eq!(render(&json!({"results": []}), Some("results")), "");
        assert_eq!(render(&json!({"nested": {"a": 1}}), None), "");
    }
}

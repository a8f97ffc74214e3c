//! The naming policy: how API names become Rust identifiers. Every Rust name in the model comes
//! from here, so the policy is in one place:
//!
//! * Casing is heck's: `UpperCamelCase` for types and enum variants, `snake_case` for fields,
//!   parameters and methods. Each run of ASCII letters and digits is cased on its own, so
//!   `ApiHostView_Atlas` is `ApiHostViewAtlas` and `clusterName` is `cluster_name`. Two digit runs
//!   next to each other keep an underscore between them, so `4.4` and `44` stay apart.
//! * Identifiers are ASCII: a non-ASCII letter or digit becomes a word of its own spelled as its
//!   code point (`größe` is `gr_u00f6_u00df_e`). Rust accepts some non-ASCII identifiers, but
//!   not every Unicode letter or digit, and warns about others (`uncommon_codepoints`), so this
//!   is the one spelling that is always valid, warning-free and still distinct.
//! * A name with no letters or digits is spelled out (`<` is `Lt`, `>=` is `GtEq`, `` is `Empty`),
//!   so enum values such as Atlas's comparison operators get readable, stable names.
//! * A leading digit gets a prefix: `_` for snake case, `V` for enum variants, `T` for types.
//! * Keywords become raw identifiers (`r#type`), except those that cannot be raw (`self`, `Self`,
//!   `super`, `crate`, `extern`), which get a trailing `_`.
//! * Collisions after conversion are never merged silently: [`NameScope::claim`] reports them,
//!   [`NameScope::claim_distinct`] resolves them deterministically with a numeric suffix (for enum
//!   variants, where two values differing only in case are legitimate).

use std::collections::BTreeMap;

use heck::{ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

use crate::diagnostics::Problem;

/// Rust keywords in every edition up to 2024, strict and reserved.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Methods every request builder has: parameter setters take other names (`send_value`).
pub const BUILDER_METHODS: &[&str] = &[
    "body",
    "header",
    "into_request",
    "into_stream",
    "poll_until",
    "retry_non_idempotent",
    "send",
    "send_streaming",
    "wait_until_terminal",
];

/// Methods `Client` has besides the operations: an operation takes another name (`new2`).
pub const CLIENT_METHODS: &[&str] = &[
    "default_config",
    "from_env",
    "new",
    "transport",
    "with_config",
];

/// The methods every mock stub has, which a parameter's stub setter must not take.
pub const STUB_METHODS: &[&str] = &[
    "body",
    "body_matching",
    "expect",
    "expect_at_least",
    "matching",
    "mount",
    "reply",
    "respond",
    "respond_bytes",
    "respond_error",
    "respond_pages",
    "respond_rate_limited",
    "respond_status",
    "respond_with_status",
];

/// The methods of the mock server (`MockAtlas`), which no client method may take: the mock has
/// one method per client method, named alike.
pub const MOCK_METHODS: &[&str] = &["client", "client_with", "server", "start", "uri", "verify"];

/// Keywords that `r#` cannot escape.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "extern"];

/// The name of a type: `UpperCamelCase`.
pub fn type_name(api_name: &str) -> String {
    escape(prefix_digit(upper_camel(api_name), "T"))
}

/// The name of an enum variant: `UpperCamelCase`.
pub fn variant_name(api_name: &str) -> String {
    escape(prefix_digit(upper_camel(api_name), "V"))
}

/// The name of a module (snake case, never raw: it also names a file).
pub fn module_name(api_name: &str) -> String {
    let name = prefix_digit(snake(api_name), "_");
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// The name of a cargo feature: `kebab-case` (`Shared-Tier Snapshots` is `shared-tier-snapshots`).
pub fn feature_name(api_name: &str) -> String {
    snake(api_name).replace('_', "-")
}

/// The name the Atlas CLI gives a tag in `atlas api <tag> <operation>`: `lowerCamelCase`
/// (`Shared-Tier Snapshots` is `sharedTierSnapshots`). Not an identifier, so never escaped.
pub fn cli_tag_name(api_name: &str) -> String {
    api_name.to_lower_camel_case()
}

/// The name of a field, parameter or method: `snake_case`.
pub fn value_name(api_name: &str) -> String {
    escape(prefix_digit(snake(api_name), "_"))
}

/// The module of the request-only shapes of types, inside `types`.
pub const REQUEST_MODULE: &str = "request";

/// The path, from `types`, of the request-only shape of a type: `request::<Type>`. In a module of
/// its own rather than `<Type>Request` beside the schemas, so no schema a newer spec adds (Atlas
/// names many `...Request`) can take the name and silently change what user code points at.
pub fn request_view_path(rust_name: &str) -> String {
    format!("{REQUEST_MODULE}::{rust_name}")
}

/// The name of the variant keeping values the client does not know: `Unknown`, unless the spec
/// already has a variant of that name among `taken`.
pub fn fallback_variant_name(taken: &[&str]) -> String {
    ["Unknown", "UnknownValue", "Other"]
        .into_iter()
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or("UnknownValueFallback")
        .to_owned()
}

/// The member of an answer's struct that keeps the properties it does not type: `other` (as in
/// the runtime's `ErrorBody`), unless the spec has a field of that name among `taken`.
pub fn unknown_member_name(taken: &[&str]) -> String {
    ["other", "other_properties", "other_"]
        .into_iter()
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or("other_kept_properties")
        .to_owned()
}

/// The method of another version or format of an operation: `<method>_<suffix>`.
pub fn suffixed_method_name(method: &str, suffix: &str) -> String {
    format!("{}_{suffix}", method.trim_start_matches("r#"))
}

/// The builder of another version or format of an operation: `<Builder><Suffix>`.
pub fn suffixed_type_name(type_name: &str, suffix: &str) -> String {
    format!("{type_name}{}", self::type_name(suffix))
}

/// The enum of an operation's answers that differ by status: `<Builder>Response`.
pub fn response_enum_name(builder: &str) -> String {
    format!("{builder}Response")
}

/// The name of the response enum's variant for a success status: its reason phrase, or
/// `Status<code>`.
pub fn status_variant_name(status: u16) -> String {
    let name = match status {
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritative",
        204 => "NoContent",
        206 => "PartialContent",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        _ => return format!("Status{status}"),
    };
    name.to_owned()
}

/// The first word of a type name (`Backup` of `BackupTenantSnapshot`, `Aws` of `AwsRegion`):
/// its leading capital and the lowercase letters and digits after it.
pub fn first_word(rust_name: &str) -> String {
    let name = rust_name.trim_start_matches("r#");
    let mut chars = name.char_indices();
    let end = match chars.next() {
        Some(_) => chars
            .find(|(_, c)| c.is_ascii_uppercase())
            .map_or(name.len(), |(i, _)| i),
        None => 0,
    };
    name[..end].to_owned()
}

fn upper_camel(api_name: &str) -> String {
    join_words(api_name, |word| word.to_upper_camel_case())
}

fn snake(api_name: &str) -> String {
    let words: Vec<String> = words(api_name)
        .iter()
        .map(|word| word.to_snake_case())
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() {
        return spell_symbols(api_name).to_snake_case();
    }
    words.join("_")
}

/// The runs of ASCII letters and digits in `api_name`, with each non-ASCII letter or digit as a
/// word of its own (`u00f6`); everything else separates words.
fn words(api_name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in api_name.chars() {
        if c.is_ascii_alphanumeric() {
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if c.is_alphanumeric() {
            words.push(format!("u{:04x}", u32::from(c)));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Cases each word of `api_name` separately and joins them.
fn join_words(api_name: &str, case: impl Fn(&str) -> String) -> String {
    let words: Vec<String> = words(api_name)
        .iter()
        .map(|word| case(word))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return spell_symbols(api_name);
    }
    let mut joined = String::new();
    for word in words {
        let digits_meet = joined.ends_with(|c: char| c.is_ascii_digit())
            && word.starts_with(|c: char| c.is_ascii_digit());
        if digits_meet {
            joined.push('_');
        }
        joined.push_str(&word);
    }
    joined
}

/// Spells out a name made only of symbols, so it still reads as something.
fn spell_symbols(api_name: &str) -> String {
    if api_name.is_empty() {
        return "Empty".to_owned();
    }
    api_name
        .chars()
        .map(|c| match c {
            '<' => "Lt",
            '>' => "Gt",
            '=' => "Eq",
            '!' => "Not",
            '+' => "Plus",
            '-' => "Minus",
            '*' => "Star",
            '/' => "Slash",
            '\\' => "Backslash",
            '.' => "Dot",
            ',' => "Comma",
            ':' => "Colon",
            ';' => "Semicolon",
            '%' => "Percent",
            '&' => "And",
            '|' => "Or",
            '^' => "Caret",
            '~' => "Tilde",
            '$' => "Dollar",
            '#' => "Hash",
            '@' => "At",
            '?' => "Question",
            '(' | ')' => "Paren",
            '[' | ']' => "Bracket",
            '{' | '}' => "Brace",
            '\'' | '"' | '`' => "Quote",
            '_' => "Underscore",
            c if c.is_whitespace() => "Space",
            _ => "Symbol",
        })
        .collect()
}

fn prefix_digit(name: String, prefix: &str) -> String {
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{prefix}{name}")
    } else {
        name
    }
}

fn escape(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// Rust names already taken in one namespace (the fields of a struct, the variants of an enum,
/// the types of the API), with the API names that took them.
#[derive(Debug, Clone)]
pub struct NameScope {
    what: String,
    taken: BTreeMap<String, String>,
}

impl NameScope {
    /// An empty scope; `what` names it in error messages ("properties of `TenantRestore`").
    pub fn new(what: impl Into<String>) -> Self {
        NameScope {
            what: what.into(),
            taken: BTreeMap::new(),
        }
    }

    /// Takes `rust_name` for `api_name`, or reports which earlier API name already has it.
    pub fn claim(&mut self, api_name: &str, rust_name: String) -> Result<String, Problem> {
        if let Some(first) = self.taken.get(&rust_name) {
            return Err(Problem::NameCollision {
                what: self.what.clone(),
                first: first.clone(),
                second: api_name.to_owned(),
                rust_name,
            });
        }
        self.taken.insert(rust_name.clone(), api_name.to_owned());
        Ok(rust_name)
    }

    /// Takes `rust_name` for `api_name`; when another name took it, the first of `rust_name2`,
    /// `rust_name3`, ... that is free, with the sentence a warning says about it. A spec can
    /// hold names Rust cannot tell apart (`NullTime` and `nullTime`, `page-size` and
    /// `page_size`): it is valid, and the user cannot rename another company's API.
    pub fn claim_or_number(
        &mut self,
        api_name: &str,
        rust_name: String,
    ) -> (String, Option<String>) {
        let first = match self.taken.get(&rust_name) {
            None => return (self.claim_distinct(api_name, rust_name), None),
            Some(first) => first.clone(),
        };
        let numbered = self.claim_distinct(api_name, rust_name.clone());
        let what = format!(
            "{} `{first}` and `{api_name}` both become `{rust_name}` in Rust: `{api_name}` is \
             `{numbered}`, a name that stays as long as the spec keeps them in this order",
            self.what
        );
        (numbered, Some(what))
    }

    /// Takes `rust_name`, or the first of `rust_name2`, `rust_name3`, ... that is free.
    /// Deterministic as long as names are claimed in a deterministic order.
    pub fn claim_distinct(&mut self, api_name: &str, rust_name: String) -> String {
        let mut candidate = rust_name.clone();
        let mut n = 2;
        while self.taken.contains_key(&candidate) {
            candidate = format!("{rust_name}{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone(), api_name.to_owned());
        candidate
    }

    /// The API name that took a Rust name.
    pub fn owner(&self, rust_name: &str) -> Option<&str> {
        self.taken.get(rust_name).map(String::as_str)
    }

    /// Whether a Rust name is taken.
    pub fn contains(&self, rust_name: &str) -> bool {
        self.taken.contains_key(rust_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_identifier(name: &str) -> bool {
        syn::parse_str::<syn::Ident>(name).is_ok()
    }

    #[test]
    fn every_keyword_becomes_a_usable_identifier() {
        for keyword in KEYWORDS {
            for name in [
                value_name(keyword),
                type_name(keyword),
                variant_name(keyword),
            ] {
                assert!(is_identifier(&name), "`{keyword}` became `{name}`");
            }
        }
        assert_eq!(value_name("type"), "r#type");
        assert_eq!(value_name("ref"), "r#ref");
        assert_eq!(value_name("match"), "r#match");
        assert_eq!(value_name("async"), "r#async");
        assert_eq!(value_name("self"), "self_");
        assert_eq!(value_name("crate"), "crate_");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name("self"), "Self_");
    }

    #[test]
    fn casing() {
        assert_eq!(type_name("ApiHostView_Atlas"), "ApiHostViewAtlas");
        assert_eq!(type_name("TenantRestore"), "TenantRestore");
        assert_eq!(value_name("clusterName"), "cluster_name");
        assert_eq!(
            value_name("targetDeploymentItemName"),
            "target_deployment_item_name"
        );
        assert_eq!(value_name("RateLimit-Limit"), "rate_limit_limit");
        assert_eq!(value_name("a.b"), "a_b");
        assert_eq!(value_name("$count"), "count");
        assert_eq!(value_name("with space"), "with_space");
        assert_eq!(variant_name("RESTORE"), "Restore");
        assert_eq!(variant_name("M10"), "M10");
        assert_eq!(variant_name("us-east-1"), "UsEast1");
    }

    #[test]
    fn modules_and_features() {
        assert_eq!(
            module_name("Shared-Tier Snapshots"),
            "shared_tier_snapshots"
        );
        assert_eq!(module_name("Match"), "match_");
        assert_eq!(
            feature_name("Shared-Tier Snapshots"),
            "shared-tier-snapshots"
        );
        assert_eq!(feature_name("MongoDB Cloud Users"), "mongo-db-cloud-users");
    }

    #[test]
    fn non_ascii_letters_are_spelled_as_code_points() {
        assert_eq!(value_name("größe"), "gr_u00f6_u00df_e");
        assert_eq!(type_name("größe"), "GrU00f6U00dfE");
        // Not a valid start of a Rust identifier, and `²` not even a valid continuation.
        assert_eq!(value_name("٣x"), "u0663_x");
        assert_eq!(variant_name("x²"), "XU00b2");
        assert_eq!(value_name("日本"), "u65e5_u672c");
        for name in ["größe", "٣x", "x²", "日本", "é", "ǅ", "Ⅻ", "€", "\u{301}a"] {
            for rust in [value_name(name), type_name(name), variant_name(name)] {
                assert!(is_identifier(&rust), "`{name}` became `{rust}`");
                assert!(rust.is_ascii(), "`{name}` became `{rust}`");
            }
        }
    }

    #[test]
    fn leading_digits_get_a_prefix() {
        assert_eq!(value_name("2fa"), "_2fa");
        assert_eq!(variant_name("4.4"), "V4_4");
        assert_eq!(variant_name("44"), "V44");
        assert_eq!(type_name("3rdParty"), "T3rdParty");
        assert!(is_identifier(&value_name("2fa")));
    }

    #[test]
    fn symbols_are_spelled_out() {
        assert_eq!(variant_name("<"), "Lt");
        assert_eq!(variant_name(">"), "Gt");
        assert_eq!(variant_name("<="), "LtEq");
        assert_eq!(variant_name("+"), "Plus");
        assert_eq!(variant_name(""), "Empty");
        assert_eq!(value_name("-"), "minus");
    }

    #[test]
    fn collisions_are_reported_not_merged() {
        let mut scope = NameScope::new("properties of `Thing`");
        assert_eq!(scope.claim("a-b", value_name("a-b")).unwrap(), "a_b");
        let error = scope.claim("a_b", value_name("a_b")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "properties of `Thing` `a-b` and `a_b` both become `a_b` in Rust; rename one in the spec"
        );
        scope.claim("fooBar", value_name("fooBar")).unwrap();
        assert!(scope.claim("foo_bar", value_name("foo_bar")).is_err());
    }

    #[test]
    fn distinct_claims_are_deterministic() {
        let mut scope = NameScope::new("values of `Case`");
        assert_eq!(scope.claim_distinct("foo", variant_name("foo")), "Foo");
        assert_eq!(scope.claim_distinct("FOO", variant_name("FOO")), "Foo2");
        assert_eq!(scope.claim_distinct("Foo", variant_name("Foo")), "Foo3");
    }
}

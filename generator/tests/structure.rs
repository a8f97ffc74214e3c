//! The generator's own shape, as the house style and issue 24 ask for it: small files, small
//! functions, and one-way dependencies between the stages (load → lower → plan → emit), with
//! emission reading only the plan. Read from the sources with syn, so a comment or a doc link
//! naming another module is not a dependency, and a `use` or a path in code is.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 80;

/// The folders whose code this test holds to the limits.
const SOURCE_ROOTS: [&str; 3] = ["src", "runtime/src", "../xtask/src"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for root in SOURCE_ROOTS {
        rust_files(&manifest.join(root), &mut files);
    }
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            (path, text)
        })
        .collect()
}

#[test]
fn no_file_is_over_600_lines() {
    let long: Vec<String> = sources()
        .iter()
        .filter(|(_, text)| text.lines().count() > MAX_FILE_LINES)
        .map(|(path, text)| format!("{}: {} lines", path.display(), text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// Every function with a body, nested ones included: its name, first and last line.
#[derive(Default)]
struct Functions(Vec<(String, usize, usize)>);

impl Functions {
    fn record(&mut self, sig: &syn::Signature, block: &syn::Block) {
        let first = sig.fn_token.span.start().line;
        let last = block.brace_token.span.close().end().line;
        self.0.push((sig.ident.to_string(), first, last));
    }
}

impl<'ast> Visit<'ast> for Functions {
    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        self.record(&item.sig, &item.block);
        syn::visit::visit_item_fn(self, item);
    }
    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        self.record(&item.sig, &item.block);
        syn::visit::visit_impl_item_fn(self, item);
    }
    fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
        if let Some(block) = &item.default {
            self.record(&item.sig, block);
        }
        syn::visit::visit_trait_item_fn(self, item);
    }
}

#[test]
fn no_function_is_over_80_lines() {
    let mut long = Vec::new();
    for (path, text) in sources() {
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut functions = Functions::default();
        functions.visit_file(&file);
        for (name, first, last) in functions.0 {
            let lines = last + 1 - first;
            if lines > MAX_FN_LINES {
                long.push(format!(
                    "{}:{first}: fn {name}: {lines} lines",
                    path.display()
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// The top-level modules of the generator library (`crate::X`) a file's code names.
struct Arrows<'m> {
    modules: &'m BTreeSet<String>,
    named: BTreeSet<String>,
}

impl Arrows<'_> {
    fn name(&mut self, first: &syn::Ident, second: Option<&syn::Ident>) {
        if first == "crate" {
            if let Some(module) = second.map(ToString::to_string) {
                if self.modules.contains(&module) {
                    self.named.insert(module);
                }
            }
        }
    }

    fn use_tree(&mut self, tree: &syn::UseTree, after_crate: bool) {
        match tree {
            syn::UseTree::Path(path) if path.ident == "crate" => self.use_tree(&path.tree, true),
            syn::UseTree::Path(path) if after_crate => self.insert(&path.ident),
            syn::UseTree::Name(name) if after_crate => self.insert(&name.ident),
            syn::UseTree::Rename(rename) if after_crate => self.insert(&rename.ident),
            syn::UseTree::Group(group) => {
                for tree in &group.items {
                    self.use_tree(tree, after_crate);
                }
            }
            _ => {}
        }
    }

    fn insert(&mut self, module: &syn::Ident) {
        let module = module.to_string();
        if self.modules.contains(&module) {
            self.named.insert(module);
        }
    }
}

impl<'ast> Visit<'ast> for Arrows<'_> {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let mut segments = path.segments.iter().map(|s| &s.ident);
        if let Some(first) = segments.next() {
            self.name(first, segments.next());
        }
        syn::visit::visit_path(self, path);
    }
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&item.tree, false);
    }
}

/// Which top-level module of the library names which others, from every file's code.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let module_of = |path: &Path| {
        let relative = path.strip_prefix(&src).expect("under src");
        let first = relative.components().next().expect("a component");
        let first = first.as_os_str().to_string_lossy();
        first.trim_end_matches(".rs").to_owned()
    };
    let modules: BTreeSet<String> = files
        .iter()
        .map(|path| module_of(path))
        .filter(|module| module != "lib")
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &files {
        let from = module_of(path);
        let text = std::fs::read_to_string(path).expect("a readable source file");
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut arrows = Arrows {
            modules: &modules,
            named: BTreeSet::new(),
        };
        arrows.visit_file(&file);
        arrows.named.remove(&from);
        graph.entry(from).or_default().extend(arrows.named);
    }
    graph
}

/// A cycle through `start`, if there is one: the modules along it.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(trail) = stack.pop() {
        let last = trail.last().expect("a trail is never empty");
        for next in graph.get(last).into_iter().flatten() {
            if next == start {
                let mut cycle = trail.clone();
                cycle.push(start.to_owned());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = trail.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn modules_depend_one_way() {
    let graph = module_graph();
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|module| cycle_from(&graph, module))
        .map(|cycle| cycle.join(" → "))
        .collect();
    assert!(
        cycles.is_empty(),
        "modules in a circle:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn emission_reads_only_the_plan() {
    let graph = module_graph();
    let reached: Vec<&String> = graph["emit"]
        .iter()
        .filter(|module| ["ir", "lower", "load"].contains(&module.as_str()))
        .collect();
    assert!(
        reached.is_empty(),
        "emit names {reached:?}: what it prints must be a field of the plan"
    );
}

/// The plan's ways back into the model: what emit would call to read the model without naming
/// its module.
const MODEL_ACCESSORS: [&str; 5] = ["operations", "def", "type_def", "fields_in", "parameter"];

/// Calls and field reads in code that reach the model through the plan.
#[derive(Default)]
struct ModelReach {
    found: Vec<String>,
}

impl<'ast> Visit<'ast> for ModelReach {
    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        let method = call.method.to_string();
        if MODEL_ACCESSORS.contains(&method.as_str()) {
            self.found.push(format!(".{method}(...)"));
        }
        syn::visit::visit_expr_method_call(self, call);
    }
    fn visit_expr_field(&mut self, field: &'ast syn::ExprField) {
        if matches!(&field.member, syn::Member::Named(name) if name == "api") {
            self.found.push(".api".to_owned());
        }
        syn::visit::visit_expr_field(self, field);
    }
    fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
        let names: Vec<String> = path
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        if let [.., owner, function] = names.as_slice() {
            if owner == "Plan" && MODEL_ACCESSORS.contains(&function.as_str()) {
                self.found.push(format!("Plan::{function}"));
            }
        }
        syn::visit::visit_expr_path(self, path);
    }
}

#[test]
fn emission_never_reaches_back_into_the_model() {
    let emit = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/emit");
    let mut files = Vec::new();
    rust_files(&emit, &mut files);
    let mut reaches = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a readable source file");
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut reach = ModelReach::default();
        reach.visit_file(&file);
        reaches.extend(
            reach
                .found
                .into_iter()
                .map(|r| format!("{}: {r}", path.display())),
        );
    }
    assert!(
        reaches.is_empty(),
        "emit reads the model through the plan:\n{}",
        reaches.join("\n")
    );
}

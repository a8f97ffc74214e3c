//! `cargo xtask`: a thin shell around the `generator` library. It parses arguments, reads and
//! writes files, and leaves every decision about the spec to the library.

mod args;
mod files;
mod report;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use args::{Command, Mode};
use report::Comparison;

fn main() -> ExitCode {
    match try_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn try_main() -> Result<(), String> {
    let command = args::parse(std::env::args().skip(1))?;
    match command {
        Command::Extract { spec, tags, out } => extract(&spec, &tags, &out),
        Command::Codegen(options) => codegen(options),
        Command::Help => {
            println!("{}", args::USAGE);
            Ok(())
        }
    }
}

/// The repository root, found from this crate's manifest so the task works from any directory.
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn extract(spec: &Path, tags: &[String], out: &Path) -> Result<(), String> {
    let text = files::read(spec)?;
    let source_name = spec
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
    let fragment = generator::extract::extract_yaml(&text, &source_name, &tags).map_err(|d| {
        let origin = spec.display().to_string();
        failed(&d.render(&origin, &text), d.0.len(), &origin)
    })?;
    files::write_atomically(out, fragment.as_bytes())?;
    println!("wrote {}", out.display());
    Ok(())
}

/// One crate to generate: resolved paths and names.
struct Job {
    spec: PathBuf,
    out: PathBuf,
    crate_name: String,
    /// Copied for `--out` runs: a crate generated elsewhere cannot count on this repository.
    runtime: generator::RuntimeSource,
    /// The date sunsets are judged against: `--as-of`, else the target's, else the spec's own.
    as_of: Option<generator::ir::Date>,
}

fn codegen(options: args::CodegenOptions) -> Result<(), String> {
    let root = project_root();
    let jobs: Vec<Job> = match (options.spec, options.out) {
        (Some(spec), Some(out)) => vec![Job {
            spec,
            out,
            crate_name: options.crate_name.unwrap_or_else(|| "atlas-admin".into()),
            runtime: generator::RuntimeSource::Copied,
            as_of: options.as_of,
        }],
        _ => generator::targets::TARGETS
            .iter()
            .map(|target| Job {
                spec: root.join(target.spec),
                out: root.join(target.out),
                crate_name: target.crate_name.into(),
                runtime: target.runtime.clone(),
                as_of: options.as_of.or_else(|| target.as_of()),
            })
            .collect(),
    };
    // Every crate is generated in memory before anything is written: a spec with problems never
    // touches any output, and neither does a breaking change under `--deny-breaking`.
    let mut outputs = Vec::new();
    for job in &jobs {
        let (files, surface) = generate(job, &root, &options.tags, options.deny_warnings)?;
        let comparison = Comparison::of(&job.out, &surface);
        outputs.push((job, files, comparison));
    }
    report_changes(&outputs, options.report.as_deref(), options.deny_breaking)?;
    let mut stale_report = Vec::new();
    for (job, files, comparison) in &outputs {
        let stale = generator::sync::stale_files(files, &job.out);
        let out = job.out.display();
        let quiet = if comparison.is_quiet() {
            " (no API changes)"
        } else {
            ""
        };
        match options.mode {
            _ if stale.is_empty() => println!("{out} is up to date{quiet}"),
            Mode::Check => {
                stale_report.push(format!("{out}:"));
                stale_report.extend(stale.iter().map(|s| format!("  {s}")));
            }
            Mode::Write => {
                files::replace_directory(&job.out, files)?;
                println!("wrote {} files to {out}{quiet}", files.len());
            }
        }
    }
    if stale_report.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "generated code is stale; run `cargo xtask codegen` and commit:\n{}",
            stale_report.join("\n")
        ))
    }
}

/// How generated crates name their spec: relative to the workspace when it lies inside (however
/// it was typed), else by file name alone. An absolute path would differ between machines and
/// put the generating machine's folders into the crate users vendor.
fn spec_label(spec: &Path, root: &Path) -> String {
    let canonical =
        |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let spec = canonical(spec);
    match spec.strip_prefix(canonical(root)) {
        Ok(relative) => relative.to_string_lossy().replace('\\', "/"),
        Err(_) => spec
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

/// Prints the change report of every output that has one, writes it to `--report`, and fails
/// the run (before any output is written) on a breaking change under `--deny-breaking`.
fn report_changes(
    outputs: &[(&Job, Vec<generator::GeneratedFile>, Comparison)],
    report: Option<&Path>,
    deny_breaking: bool,
) -> Result<(), String> {
    let mut markdown = Vec::new();
    let mut json_lines = String::new();
    for (job, _, comparison) in outputs {
        let text = comparison.markdown(&job.crate_name);
        // An output without changes says so on its own line below, with the files.
        if !comparison.is_quiet() {
            println!("{text}");
        }
        markdown.push(text);
        json_lines.push_str(&comparison.json_lines());
    }
    let breaking: Vec<String> = outputs
        .iter()
        .filter(|(_, _, comparison)| comparison.is_breaking())
        .map(|(job, _, _)| job.out.display().to_string())
        .collect();
    if deny_breaking && !breaking.is_empty() {
        return Err(format!(
            "error: breaking API changes in {} (reported above); --deny-breaking: no files were written",
            breaking.join(", ")
        ));
    }
    if let Some(path) = report {
        let text = match path.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => json_lines,
            _ => markdown.join("\n"),
        };
        files::write_atomically(path, text.as_bytes())?;
        println!("wrote the change report to {}", path.display());
    }
    Ok(())
}

fn generate(
    job: &Job,
    root: &Path,
    tags: &[String],
    deny_warnings: bool,
) -> Result<(Vec<generator::GeneratedFile>, generator::surface::Surface), String> {
    let source = files::read(&job.spec)?;
    let spec_label = spec_label(&job.spec, root);
    let (text, origin) = if tags.is_empty() {
        (source.clone(), spec_label.clone())
    } else {
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        let fragment = generator::extract::extract_yaml(&source, &spec_label, &tags)
            .map_err(|d| failed(&d.render(&spec_label, &source), d.0.len(), &spec_label))?;
        // Problems found after extraction are placed in the fragment's text, not the file's.
        let named: Vec<String> = tags.iter().map(|tag| format!("`{tag}`")).collect();
        let which = match named.as_slice() {
            [one] => format!("tag {one}"),
            _ => format!("tags {}", named.join(", ")),
        };
        (fragment, format!("{spec_label} (the fragment for {which})"))
    };
    let config = generator::EmitConfig {
        crate_name: job.crate_name.clone(),
        crate_version: generator::targets::CRATE_VERSION.into(),
        spec_label: spec_label.clone(),
        spec_sha256: generator::sha256_hex(source.as_bytes()),
        runtime: job.runtime.clone(),
        // The crate being replaced: its renamed names are kept one regeneration, deprecated.
        previous_api: std::fs::read_to_string(job.out.join(generator::surface::API_FILE)).ok(),
        as_of: job.as_of,
    };
    let generation = generator::generate(&text, &config).map_err(|error| {
        failed(
            &error.render(&origin, &text),
            error.problem_count(),
            &origin,
        )
    })?;
    let warnings = generation.warnings;
    let output = (generation.files, generation.surface);
    if warnings.0.is_empty() {
        return Ok(output);
    }
    let count = warnings.0.len();
    if deny_warnings {
        let denied = warnings.deny_warnings();
        return Err(failed(&denied.render(&origin, &text), count, &origin));
    }
    let plural = if count == 1 { "warning" } else { "warnings" };
    eprintln!(
        "{}\nwarning: {count} {plural} in {origin}: the client does not represent these exactly (--deny-warnings makes them errors)",
        warnings.render(&origin, &text)
    );
    Ok(output)
}

/// The whole report of a failed run: every problem, then a count and the reassurance that no
/// file was touched (everything is generated in memory before anything is written).
fn failed(rendered: &str, count: usize, origin: &str) -> String {
    let problems = if count == 1 { "problem" } else { "problems" };
    format!("{rendered}\nerror: {count} {problems} in {origin}; no files were written")
}

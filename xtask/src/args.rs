//! Command-line arguments, parsed by hand to keep the xtask's build small.

use std::path::PathBuf;

use super::project_root;

pub const USAGE: &str = "\
usage:
  cargo xtask codegen [--spec FILE] [--tag TAG] [--out DIR] [--check]
      Generate the client crate (default: spec/shared-tier-snapshots.yaml into generated/).
      --check compares instead of writing and fails, naming the stale files, if they differ.
  cargo xtask extract --spec FILE --tag TAG --out FILE
      Write a self-contained fragment of FILE with the operations tagged TAG.";

/// What to run.
pub enum Command {
    Extract {
        spec: PathBuf,
        tag: String,
        out: PathBuf,
    },
    Codegen(CodegenOptions),
    Help,
}

/// Whether codegen writes files or only compares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Write,
    Check,
}

pub struct CodegenOptions {
    pub spec: PathBuf,
    pub tag: Option<String>,
    pub out: PathBuf,
    pub mode: Mode,
}

pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let Some(command) = args.next() else {
        return Err(USAGE.into());
    };
    let mut spec = None;
    let mut tag = None;
    let mut out = None;
    let mut mode = Mode::Write;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--spec" => spec = Some(PathBuf::from(value("--spec")?)),
            "--tag" => tag = Some(value("--tag")?),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--check" => mode = Mode::Check,
            "-h" | "--help" => return Ok(Command::Help),
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    match command.as_str() {
        "extract" => {
            let missing = |name: &str| format!("extract needs {name}\n\n{USAGE}");
            Ok(Command::Extract {
                spec: spec.ok_or_else(|| missing("--spec"))?,
                tag: tag.ok_or_else(|| missing("--tag"))?,
                out: out.ok_or_else(|| missing("--out"))?,
            })
        }
        "codegen" => Ok(Command::Codegen(CodegenOptions {
            spec: spec.unwrap_or_else(|| project_root().join("spec/shared-tier-snapshots.yaml")),
            tag,
            out: out.unwrap_or_else(|| project_root().join("generated")),
            mode,
        })),
        "-h" | "--help" | "help" => Ok(Command::Help),
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

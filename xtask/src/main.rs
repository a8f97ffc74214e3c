//! `cargo xtask`: a thin shell around the `generator` library. It parses arguments, reads and
//! writes files, and leaves every decision about the spec to the library.

mod args;
mod files;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use args::{Command, Mode};

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
        Command::Extract { spec, tag, out } => extract(&spec, &tag, &out),
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

fn extract(spec: &Path, tag: &str, out: &Path) -> Result<(), String> {
    let text = files::read(spec)?;
    let source_name = spec
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fragment = generator::extract::extract_yaml(&text, &source_name, tag)
        .map_err(|diagnostics| format!("{}: {diagnostics}", spec.display()))?;
    files::write_atomically(out, fragment.as_bytes())?;
    println!("wrote {}", out.display());
    Ok(())
}

fn codegen(options: args::CodegenOptions) -> Result<(), String> {
    let _ = (
        options.spec,
        options.tag,
        options.out,
        options.mode == Mode::Write,
    );
    Err("codegen is not implemented yet".into())
}

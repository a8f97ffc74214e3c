//! The plan of every checked-in crate, as reviewed YAML: every decision emission prints (method,
//! builder and response names per version and format, request shapes, boxing, gates, modules,
//! parameter newtypes, validation statics), one snapshot per target. The emitted text itself is
//! reviewed once, as the checked-in crate, which `codegen --check` keeps in sync.

use generator::targets::TARGETS;
use integration_tests::repo_root;

#[test]
fn plans_of_the_checked_in_crates() {
    for target in TARGETS {
        let text = std::fs::read_to_string(repo_root().join(target.spec)).unwrap();
        let spec = generator::load::load(&text).unwrap();
        let api = generator::lower::lower(&spec).unwrap().api;
        // As `cargo xtask codegen` plans it: sunsets judged as of the target's date.
        let options = generator::plan::PlanOptions {
            as_of: target.as_of(),
            crate_name: target.crate_name.to_owned(),
            ..Default::default()
        };
        let plan = generator::plan::plan_with(&api, options);
        insta::assert_yaml_snapshot!(target.crate_name, plan);
    }
}

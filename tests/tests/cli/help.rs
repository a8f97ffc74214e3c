//! Every command of every fixture crate (odd parameter names, several versions, unversioned
//! operations) makes a valid command line: clap's own consistency checks pass, and each
//! operation's help names its flags.

/// Checks the command line of a crate (`atlas_admin` carries its own copy of the runtime, the
/// fixtures share the runtime crate, so the types differ: a macro).
macro_rules! check {
    ($krate:ident) => {{
        let api = &$krate::cli::API;
        let mut root = $krate::runtime::cli::command(api);
        root.build();
        root.clone().debug_assert();
        for tag in api.tags {
            let tag_command = root
                .find_subcommand_mut(tag.name)
                .unwrap_or_else(|| panic!("no command for tag {}", tag.name));
            for operation in tag.operations {
                let op = tag_command
                    .find_subcommand_mut(operation.name)
                    .unwrap_or_else(|| panic!("no command {} {}", tag.name, operation.name));
                let help = op.render_long_help().to_string();
                for parameter in operation.parameters {
                    let flag = format!("--{}", parameter.flag);
                    assert!(
                        help.contains(&flag),
                        "{} {}: no {flag} in\n{help}",
                        tag.name,
                        operation.name
                    );
                }
            }
        }
    }};
}

#[test]
fn every_fixture_crate_has_a_consistent_command_line() {
    check!(atlas_admin);
    check!(fixture_constructs);
    check!(fixture_edge_cases);
    check!(fixture_forms);
    check!(fixture_legacy_v1);
    check!(fixture_multi_version);
}

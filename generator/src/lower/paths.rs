//! Path templates: `/groups/{groupId}/clusters/{clusterName}` split into literals and
//! parameters, each parameter checked against the declared path parameters and linked to it by
//! index, so that nothing downstream matches parameters by name.

use super::Lowerer;
use crate::diagnostics::{JsonPointer, Problem};
use crate::ir::{Parameter, ParameterLocation, PathSegment, PathTemplate};

impl Lowerer<'_> {
    /// Splits the template into literals and parameters and checks both agree with the
    /// declared path parameters.
    pub(super) fn path_template(
        &mut self,
        path: &str,
        parameters: &[Parameter],
        at: &JsonPointer,
    ) -> PathTemplate {
        let segments = match split_template(path) {
            Ok(segments) => segments,
            Err(message) => {
                self.report(at, Problem::PathTemplate { message });
                vec![PathSegment::Literal(path.to_owned())]
            }
        };
        let declared: Vec<&str> = parameters
            .iter()
            .filter(|p| p.location == ParameterLocation::Path)
            .map(|p| p.name.as_str())
            .collect();
        let used: Vec<&str> = segments
            .iter()
            .filter_map(|s| match s {
                PathSegment::Parameter { name, .. } => Some(name.as_str()),
                PathSegment::Literal(_) => None,
            })
            .collect();
        for name in &used {
            if !declared.contains(name) {
                let message = format!(
                    "path template uses `{{{name}}}` but no path parameter `{name}` is declared"
                );
                self.report(at, Problem::PathTemplate { message });
            }
        }
        for name in &declared {
            if !used.contains(name) {
                let message =
                    format!("path parameter `{name}` is declared but not used in `{path}`");
                self.report(at, Problem::PathTemplate { message });
            }
        }
        PathTemplate {
            template: path.to_owned(),
            segments: link_parameters(segments, parameters),
        }
    }
}

fn split_template(path: &str) -> Result<Vec<PathSegment>, String> {
    let mut segments = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err(format!("unbalanced `}}` in path template `{path}`"));
        }
        let close = rest[open..]
            .find('}')
            .map(|i| open + i)
            .ok_or_else(|| format!("unclosed `{{` in path template `{path}`"))?;
        let name = &rest[open + 1..close];
        if name.is_empty() || name.contains('{') {
            return Err(format!(
                "malformed parameter `{{{name}}}` in path template `{path}`"
            ));
        }
        if open > 0 {
            segments.push(PathSegment::Literal(rest[..open].to_owned()));
        }
        segments.push(PathSegment::Parameter {
            name: name.to_owned(),
            index: usize::MAX,
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        segments.push(PathSegment::Literal(rest.to_owned()));
    }
    Ok(segments)
}

/// Points each parameter segment at its declared parameter. One declared nowhere was reported;
/// it stays in the template as text.
fn link_parameters(segments: Vec<PathSegment>, parameters: &[Parameter]) -> Vec<PathSegment> {
    segments
        .into_iter()
        .map(|segment| match segment {
            PathSegment::Parameter { name, .. } => {
                let declared = parameters
                    .iter()
                    .position(|p| p.location == ParameterLocation::Path && p.name == name);
                match declared {
                    Some(index) => PathSegment::Parameter { name, index },
                    None => PathSegment::Literal(format!("{{{name}}}")),
                }
            }
            literal => literal,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_into_literals_and_parameters() {
        assert_eq!(
            split_template("/groups/{groupId}/clusters/{clusterName}").unwrap(),
            vec![
                PathSegment::Literal("/groups/".into()),
                PathSegment::Parameter {
                    name: "groupId".into(),
                    index: usize::MAX
                },
                PathSegment::Literal("/clusters/".into()),
                PathSegment::Parameter {
                    name: "clusterName".into(),
                    index: usize::MAX
                },
            ]
        );
        assert!(split_template("/a/{b").unwrap_err().contains("unclosed"));
        assert!(split_template("/a/b}").unwrap_err().contains("unbalanced"));
        assert!(split_template("/a/{}").unwrap_err().contains("malformed"));
    }
}

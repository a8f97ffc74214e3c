//! The names the generated crate defines itself. A spec may name a schema `Option` or `Result`;
//! wherever such a name is in scope, the short prelude name would mean the spec's type, so the
//! printing pass keeps `::std::option::Option` written out in full. Decided once per crate, from
//! the model, rather than guessed file by file.

use std::collections::BTreeSet;

use super::model::EmitModel;
use super::versions::exchanges;

/// Every type name the generated crate defines: models (both views), parameter newtypes, request
/// builders and their by-status response enums, and the client and error types.
pub fn crate_defined_names(model: &EmitModel<'_>) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = ["Client", "Error"].map(str::to_owned).into();
    for def in &model.api.types {
        names.insert(def.rust_name.clone());
        if let Some(request) = model.request_view(&def.rust_name) {
            names.insert(request.to_owned());
        }
    }
    names.extend(model.param_types().into_iter().map(|p| p.rust_name.clone()));
    for operation in &model.api.operations {
        for exchange in exchanges(operation) {
            let (_, builder) = model.exchange_names(operation, exchange.suffix.as_deref());
            names.insert(format!("{builder}Response"));
            names.insert(builder);
        }
    }
    // Raw identifiers (`r#Self` cannot occur, but `r#type` can) shadow under their bare name.
    names
        .into_iter()
        .map(|n| n.trim_start_matches("r#").to_owned())
        .collect()
}

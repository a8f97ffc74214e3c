//! Which API versions Atlas no longer serves. A version whose `x-sunset` is on or before the
//! plan's date is *withdrawn*: Atlas answers its calls with an error.
//!
//! A withdrawn version keeps its method, deprecated with a note that calls fail, rather than
//! losing it: removing it would turn a regeneration into a compile error for code that may
//! never run that call (a fallback branch, a migration tool reading old data), and it would make
//! the checked-in client disagree with the spec, which still lists the version. The change
//! report tells the withdrawal as a removal by sunset, so nobody misses it.
//!
//! The date is given to the generator (`--as-of`), or else the newest date the spec states
//! about its own past: its API versions (each the date it was released) and its
//! `x-xgen-changelog` entries. Sunset dates are promises about the future and never count, so
//! the default never withdraws a version the spec's authors still served when they wrote it,
//! and the output depends on the spec alone, byte for byte.

use super::Plan;
use crate::ir::{Api, ApiVersion, Date};

/// The newest date the spec states about its past; `None` when it states none.
pub fn spec_date(api: &Api) -> Option<Date> {
    let versions = api
        .operations
        .iter()
        .flat_map(|operation| {
            let requests = operation.request_body.iter().flat_map(|b| &b.contents);
            let answers = (operation.success.iter().chain(&operation.errors))
                .flat_map(|response| &response.contents);
            requests.chain(answers)
        })
        .filter_map(|content| match content.media_type.version() {
            Some(ApiVersion::Dated(date)) => Some(date),
            _ => None,
        });
    let changes = (api.operations.iter())
        .flat_map(|operation| &operation.changelog)
        .filter_map(|entry| entry.date());
    versions.chain(changes).max()
}

/// Marks every method whose version's sunset is on or before `plan.as_of` as withdrawn.
pub fn mark_withdrawn(plan: &mut Plan<'_>) {
    let Some(as_of) = plan.as_of else {
        return;
    };
    let operations = plan.api.operations.iter();
    for (operation, planned) in operations.zip(&mut plan.operations) {
        for method in &mut planned.methods {
            let sunset = method.sunset.or(operation.sunset);
            method.withdrawn = sunset.filter(|date| *date <= as_of);
        }
    }
}

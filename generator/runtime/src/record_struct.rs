//! The structs and string enums of the generated models, declared by `models!`, one call for
//! each run of them that the same features gate: `record!` writes a struct, its serde impls
//! (through `record_impls!`) and
//! `to_request` from one list of fields, each with its Rust name, type, JSON name and kind.
//! Printed out per struct, the same thing listed every field twice (the struct, then
//! `record_impls!`), the `cfg` up to three times, and the same derives and method docs a
//! thousand times.
//!
//! Like `record_impls!`, the macro names the runtime as `crate::runtime`, where every generated
//! crate has it (record.rs says why).

/// Declares a model's struct:
///
/// ```ignore
/// record! {
///     /// Docs of the struct.
///     pub struct Snapshot {
///         /// Docs of the field.
///         id: String = "id" required,
///         finished_at: Option<DateTime<Utc>> = "finishedAt" optional,
///     } Default keep other to_request crate::types::request::Snapshot
/// }
/// ```
///
/// Each field is `name: Type = "jsonName" kind`, with the kinds of `record_impls!`; every field
/// is public. The struct derives `Debug`, `Clone` and `PartialEq` and is `#[non_exhaustive]`.
/// What follows the fields, each part optional, in this order: `Default` derives `Default`
/// too; `keep member` (an answer's struct) or `carry member skip ["readOnlyName", ...]` (a
/// request shape carrying kept properties) adds the member of type
/// `Unknown` and is passed to `record_impls!`; `to_request Type`
/// adds the method that turns an answer into its request shape `Type`.
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)] // on purpose: the crate that uses it, as record.rs says
macro_rules! __record {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident $fields:tt Default $($rest:tt)*
    ) => {
        $crate::__record!(@members [$(#[$meta])* #[derive(Default)]] $vis $name $fields $($rest)*);
    };
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident $fields:tt $($rest:tt)*
    ) => {
        $crate::__record!(@members [$(#[$meta])*] $vis $name $fields $($rest)*);
    };
    (@members $attrs:tt $vis:vis $name:ident $fields:tt keep $other:ident $($rest:tt)*) => {
        $crate::__record!(@struct $attrs $vis $name $fields [
            /// What came that the fields above do not type, kept and sent back as it came.
            pub $other: crate::runtime::Unknown,
        ]);
        $crate::__record!(@serde $name $fields keep $other);
        $crate::__record!(@methods $name $($rest)*);
    };
    (
        @members $attrs:tt $vis:vis $name:ident $fields:tt
        carry $other:ident skip $skipped:tt $($rest:tt)*
    ) => {
        $crate::__record!(@struct $attrs $vis $name $fields [
            /// What came that the fields above do not type, kept and sent back as it came.
            pub $other: crate::runtime::Unknown,
        ]);
        $crate::__record!(@serde $name $fields carry $other skip $skipped);
        $crate::__record!(@methods $name $($rest)*);
    };
    (@members $attrs:tt $vis:vis $name:ident $fields:tt $($rest:tt)*) => {
        $crate::__record!(@struct $attrs $vis $name $fields []);
        $crate::__record!(@serde $name $fields);
        $crate::__record!(@methods $name $($rest)*);
    };
    (
        @struct [$($attrs:tt)*] $vis:vis $name:ident {
            $($(#[$field_meta:meta])* $field:ident: $ty:ty = $wire:literal $kind:ident),* $(,)?
        } [$($member:tt)*]
    ) => {
        $($attrs)*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        $vis struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
            $($member)*
        }
    };
    (
        @serde $name:ident {
            $($(#[$field_meta:meta])* $field:ident: $ty:ty = $wire:literal $kind:ident),* $(,)?
        } $($keep:tt)*
    ) => {
        $crate::__record_impls!($name { $($field: $wire $kind),* } $($keep)*);
    };
    (@methods $name:ident) => {};
    (@methods $name:ident to_request $request:ty) => {
        impl $name {
            /// This value in its request shape, to send it back (a GET, then a PUT or PATCH of the
            /// same object): every field and kept property comes as it is, the fields the server
            /// sets (`readOnly`) are left out.
            ///
            /// # Errors
            ///
            /// When the answer lacks a field the request shape requires, or holds a value of
            /// another type than the request shape's.
            pub fn to_request(&self) -> ::std::result::Result<$request, ::serde_json::Error> {
                crate::runtime::record::to_request(self)
            }
        }
    };
}

#[doc(hidden)]
pub use crate::__record as record;

/// Declares a run of models, each a struct as `record!` takes it, with what follows its fields
/// in parentheses, or a string enum as `open_enum!` takes it:
///
/// ```ignore
/// models! {
///     /// Docs of the struct.
///     pub struct Snapshot {
///         id: String = "id" required,
///         status: Option<Status> = "status" optional,
///     } (keep other)
///
///     /// Docs of the enum.
///     pub enum Status {
///         Done = "DONE",
///     }
/// }
/// ```
///
/// One `#[cfg]` on the call gates them all: a file of models groups those its features share
/// instead of repeating the attribute and the call on each.
#[doc(hidden)]
#[macro_export]
macro_rules! __models {
    ($($(#[$meta:meta])* pub $kind:ident $name:ident $body:tt $(($($after:tt)*))?)*) => {
        $($crate::__models!(@$kind [$(#[$meta])*] $name $body $($($after)*)?);)*
    };
    (@struct [$($meta:tt)*] $name:ident $fields:tt $($after:tt)*) => {
        $crate::__record! { $($meta)* pub struct $name $fields $($after)* }
    };
    (@enum [$($meta:tt)*] $name:ident $variants:tt) => {
        $crate::__open_enum! { $($meta)* pub enum $name $variants }
    };
}

#[doc(hidden)]
pub use crate::__models as models;

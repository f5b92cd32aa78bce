//! Shared view pieces: helpers that keep the bundle small ([`view`]) and components that
//! several pages use, so that each exists once in the bundle (every distinct view type costs
//! its own render code).
mod error_field;
mod form_field;
mod link_list;
mod projector;
mod select_field;
mod small_table;
pub mod view;

pub use error_field::ErrorField;
pub use form_field::{check_field, text_area, text_field};
pub use link_list::link_list;
pub use projector::ProjectorButton;
pub use select_field::SelectField;
pub use small_table::{Cell, SmallTable};

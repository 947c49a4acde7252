//! The pure domain of Ghiseu. No I/O, no async, no database: every function
//! here takes facts and returns answers, so it can be tested exhaustively.
#![forbid(unsafe_code)]

pub mod account;
pub mod age;
pub mod appointment;
pub mod audit;
pub mod calendar;
pub mod case;
pub mod catalogue;
pub mod geo;
pub mod invitation;
pub mod money;
pub mod national_id;
pub mod organisation;
pub mod quote;
pub mod registry;

#[cfg(test)]
pub(crate) mod test_support;

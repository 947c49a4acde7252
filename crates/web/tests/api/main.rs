//! The web crate's integration tests: one binary, an in-process app per test
//! with its own fresh database (SQLite, or PostgreSQL when
//! GHISEU_TEST_DATABASE_URL is set).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod abandoned;
mod accounts;
mod applicants;
mod appointment_pages;
mod appointments;
mod authorisation;
mod booking_limits;
mod card;
mod case_assign;
mod case_booking;
mod cases;
mod cases_api;
mod catalogue_api;
mod closures;
mod confirmations;
mod counter;
mod demo;
mod documents;
mod fee_orders;
mod grants;
mod hardening;
mod household;
mod i18n;
mod invitations;
mod issuance;
mod lockout;
mod mail;
mod notices;
mod office;
mod office_scope;
mod offices;
mod openapi_doc;
mod ops;
mod organisations;
mod pages;
mod payments;
mod profile;
mod proxy;
mod quotes;
mod refusals;
mod registry;
mod registry_check;
mod reminders;
mod representations;
mod review;
mod seat_batch;
mod slot_search;
mod staff;
mod support;
mod transitions;

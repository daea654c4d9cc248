//! The project's commands, as a library so that tests can call them directly.
//!
//! - [`cli`]: argument parsing and exit codes.
//! - [`codegen`]: regenerate `generated/` from `api.yaml`, or check that it is fresh.

#![warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod cli;
pub mod codegen;
mod diff;
mod tree;

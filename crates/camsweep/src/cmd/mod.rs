//! One module per subcommand.

pub mod identify;

//! The `loi` command-line tool (to be written).

fn main() {}

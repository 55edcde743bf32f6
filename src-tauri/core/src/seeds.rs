//! The built-in sample library: the five real documents LOI Drafter was
//! specified from, shipped inside the program so that it works out of the box.

/// (file name, contents)
pub const SEEDS: &[(&str, &[u8])] = &[
    (
        "000_727044a2c4f4687d.txt",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../seeds/000_727044a2c4f4687d.txt"
        )),
    ),
    (
        "001_7ae0e441e48a5829.txt",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../seeds/001_7ae0e441e48a5829.txt"
        )),
    ),
    (
        "002_9a80fa632091c9b5.txt",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../seeds/002_9a80fa632091c9b5.txt"
        )),
    ),
    (
        "003_776b1ed528fb74d8.txt",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../seeds/003_776b1ed528fb74d8.txt"
        )),
    ),
    (
        "004_5269129fce2747ab.txt",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../seeds/004_5269129fce2747ab.txt"
        )),
    ),
];

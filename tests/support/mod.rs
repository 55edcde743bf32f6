// Shared by several test binaries, each of which uses only some of it.
#![allow(dead_code)]

pub mod webdriver;
pub mod window;

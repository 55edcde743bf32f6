//! Export (to be written)

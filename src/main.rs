//! The browser entry point: everything lives in the library so it can be
//! tested natively; this only starts it.
fn main() {
    steady::start();
}

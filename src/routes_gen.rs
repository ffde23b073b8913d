//! The lists the app reads from the route table (domain/src/routes.rs), generated
//! by build.rs as plain constants, so the table itself stays out of the wasm.

include!(concat!(env!("OUT_DIR"), "/route_lists.rs"));

//! Writes each route's static page into a release: the app's own views
//! (`steady::views::statics`), rendered to HTML natively, inside the shell
//! Trunk built. The app replaces the page on start with the same views, so
//! nothing moves.
//!
//! Usage: `steady-render <folder>`, where `<folder>/index.html` is the shell.
//! Writes the pages, `404.html` and `routes.json` (the route table and the
//! pages written, for the end-to-end tests), and prints each page's path.
//!
//! GitHub Pages answers `/learn/x` with `learn/x.html` when it exists. A
//! `learn/` folder may make Pages redirect `/learn` to `/learn/`, so a route
//! with pages under it is also written as `<route>/index.html`.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(folder) = std::env::args().nth(1) else {
        eprintln!("usage: steady-render <folder with the shell's index.html>");
        return ExitCode::FAILURE;
    };
    match steady_render::write_release(Path::new(&folder)) {
        Ok(written) => {
            for path in written {
                println!("{path}");
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("steady-render: {problem}");
            ExitCode::FAILURE
        }
    }
}

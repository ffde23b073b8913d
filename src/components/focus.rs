//! Moving focus to something that is about to be rendered.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with `id` once the pending render has happened.
/// Leptos renders in microtasks after an event, so by the next animation
/// frame the element is the new one, not the one being replaced.
pub fn focus_after_render(id: &'static str) {
    unless_moved_meanwhile(move || focus_first(&[id]));
}

/// Like [`focus_after_render`], for the first of `ids` that is on screen then.
pub fn focus_first_after_render(ids: &'static [&'static str]) {
    unless_moved_meanwhile(move || focus_first(ids));
}

/// Like [`focus_first_after_render`], for ids made at run time (an entry's
/// id, one scale among several).
pub fn focus_first_of_after_render(ids: Vec<String>) {
    unless_moved_meanwhile(move || {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        focus_first(&ids);
    });
}

/// Runs `move_focus` at the next animation frame, unless the user has moved
/// focus in the meantime. A key pressed between the event and that frame
/// (a quick Tab straight after answering) must not be undone by focus jumping
/// back. Focus counts as not moved when it is still where it was, or when it
/// was lost because the element holding it was replaced by the render.
fn unless_moved_meanwhile(move_focus: impl FnOnce() + 'static) {
    let before = document().active_element();
    request_animation_frame(move || {
        if !moved_away_from(&before) {
            move_focus();
        }
    });
}

/// Whether the person moved focus since it was on `before`.
fn moved_away_from(before: &Option<web_sys::Element>) -> bool {
    let now = document().active_element();
    let body: Option<web_sys::Element> = document().body().map(Into::into);
    !(now.is_none() || now == body || now == *before)
}

/// After a client-side navigation, focuses the new page's `<h1>`, so screen
/// reader and keyboard users start at the top of the new content, as they
/// would after a full page load. A link to a section (`help#if-you-...`)
/// lands on that section's heading instead: focusing the `<h1>` would scroll
/// the page back to the top, away from what the link promised.
pub fn focus_heading_after_render() {
    focus_heading_once_here(document().active_element());
}

thread_local! {
    /// How many pages' code is downloading (src/lazy_pages.rs); the shell
    /// marks `<main>` busy meanwhile.
    static ON_THEIR_WAY: ArcRwSignal<u32> = ArcRwSignal::new(0);
    /// A heading focus waiting for those pages, with what had focus when the
    /// navigation asked for it.
    static HEADING_WAITING: RefCell<Option<Option<web_sys::Element>>> = const { RefCell::new(None) };
}

/// Whether some page's code is still on its way.
pub fn pages_on_their_way() -> ArcRwSignal<u32> {
    ON_THEIR_WAY.with(Clone::clone)
}

/// Held while a page's code downloads. A navigation's heading focus that
/// comes due meanwhile waits for the page, rather than landing on the page
/// being left; it is given when the last page on its way has arrived (or
/// failed, when the "didn't load" message has the heading).
pub struct PageOnItsWay(());

impl PageOnItsWay {
    pub fn new() -> Self {
        ON_THEIR_WAY.with(|n| n.update(|n| *n += 1));
        PageOnItsWay(())
    }
}

impl Default for PageOnItsWay {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for PageOnItsWay {
    fn drop(&mut self) {
        let left = ON_THEIR_WAY.with(|n| {
            n.update(|n| *n = n.saturating_sub(1));
            n.get_untracked()
        });
        if left == 0
            && let Some(before) = HEADING_WAITING.with(|w| w.borrow_mut().take())
        {
            focus_heading_once_here(before);
        }
    }
}

/// Focuses the heading at the next frame, or once the page on its way has
/// arrived, unless the user moved focus away from `before` meanwhile.
fn focus_heading_once_here(before: Option<web_sys::Element>) {
    request_animation_frame(move || {
        if ON_THEIR_WAY.with(|n| n.get_untracked()) > 0 {
            HEADING_WAITING.with(|w| *w.borrow_mut() = Some(before));
            return;
        }
        if moved_away_from(&before) {
            return;
        }
        let section = window()
            .location()
            .hash()
            .ok()
            .and_then(|h| h.strip_prefix('#').map(str::to_owned))
            .filter(|id| !id.is_empty())
            .and_then(|id| document().get_element_by_id(&id));
        let target = section.or_else(|| document().query_selector("main h1").ok().flatten());
        if let Some(heading) = target {
            let _ = heading.set_attribute("tabindex", "-1");
            focus(heading);
        }
    });
}

/// Opens the `<dialog>` with `id` as a modal once it is rendered, and puts
/// focus on the dialog itself: a screen reader reads its name, and no key
/// acts on a control the person has not chosen yet. A modal dialog takes
/// focus whatever had it before: the page behind is out of reach.
pub fn open_dialog_after_render(id: &'static str) {
    request_animation_frame(move || {
        let Some(dialog) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok())
        else {
            return;
        };
        if !dialog.open() {
            let _ = dialog.show_modal();
        }
        let _ = dialog.focus();
    });
}

fn focus_first(ids: &[&str]) {
    if let Some(el) = ids.iter().find_map(|id| document().get_element_by_id(id)) {
        focus(el);
    }
}

fn focus(el: web_sys::Element) {
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

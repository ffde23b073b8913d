//! Registers the service worker that `cargo xtask post-build` writes for
//! release builds, and offers "Update available" when a new version waits.
//! Debug builds (`trunk serve`) have no worker, so nothing stale is cached.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;

use crate::browser::paths;
use crate::state::notices::Notices;

/// Registers the worker once the browser is idle after the first paint: the
/// worker's install downloads every file of the release (all the route
/// chunks), which must not compete with what the first page needs.
pub fn register(notices: Notices) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let later = Closure::once_into_js(move || register_now(notices));
    let later: &js_sys::Function = later.unchecked_ref();
    // Safari before 18 has no requestIdleCallback; a short timeout after
    // start serves the same end there.
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    let scheduled = if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        // Registered within a few seconds even on a page that keeps busy.
        options.set_timeout(5_000);
        window
            .request_idle_callback_with_options(later, &options)
            .is_ok()
    } else {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(later, 1_000)
            .is_ok()
    };
    if !scheduled {
        register_now(notices);
    }
}

fn register_now(notices: Notices) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Absent outside secure contexts (plain http to a host other than
    // localhost): then Steady simply has no offline copy.
    if !js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    // Registering on every start is what heals a copy whose registration
    // another page of the origin removed (or replaced with another script):
    // the browser keeps one registration per scope and makes it ours again.
    let container = window.navigator().service_worker();
    warn_when_updated_elsewhere(notices, &container);
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&paths::href(""));
    let promise = container.register_with_options(&paths::href("sw.js"), &options);
    leptos::task::spawn_local(async move {
        // A browser that blocks workers may resolve with nothing at all.
        let Ok(Ok(registration)) = JsFuture::from(promise)
            .await
            .map(JsCast::dyn_into::<web_sys::ServiceWorkerRegistration>)
        else {
            return;
        };
        // A worker running another script for our scope: fetch ours now.
        let ours = paths::href("sw.js");
        if registration
            .active()
            .is_some_and(|w| !w.script_url().ends_with(&ours))
        {
            let _ = registration.update();
        }
        // A version that finished installing while the app was closed.
        if registration.waiting().is_some() && has_controller() {
            offer_update(notices, &registration);
        }
        let reg = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let reg = reg.clone();
            let worker = installing.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // The first install is not an update: there was no
                // controller, and nothing on screen is out of date.
                if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    offer_update(notices, &reg);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// When another tab takes an update, the new worker takes this tab over
/// too, and it no longer has this release's files: a section this tab has
/// not opened yet would fail to load. Say so, with a reload at hand. The
/// first worker taking over an uncontrolled tab (a first visit) is not an
/// update. A tab that asked for the update itself reloads at once.
fn warn_when_updated_elsewhere(notices: Notices, container: &web_sys::ServiceWorkerContainer) {
    let controlled = std::rc::Rc::new(std::cell::Cell::new(has_controller()));
    let on_change = Closure::<dyn Fn()>::new(move || {
        if controlled.replace(true) {
            notices.show_with_action(
                "Steady was updated in another tab. Reload to use the new version everywhere; your entries and drafts are saved.",
                "Reload now",
                reload,
            );
        }
    });
    let _ = container
        .add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref());
    on_change.forget();
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

fn has_controller() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
}

fn offer_update(notices: Notices, registration: &web_sys::ServiceWorkerRegistration) {
    let waiting = registration.waiting();
    notices.show_with_action(
        "An update to Steady is ready. Your entries and drafts are saved; reload when you are ready.",
        "Reload now",
        move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            let Some(worker) = waiting.clone() else {
                reload();
                return;
            };
            // Reload once the new worker has taken over.
            let on_change = Closure::<dyn Fn()>::new(reload);
            window
                .navigator()
                .service_worker()
                .set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
            on_change.forget();
            let _ = worker.post_message(&"skip-waiting".into());
        },
    );
}

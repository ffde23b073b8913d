//! Your data: back up (JSON and Markdown), restore with a preview, storage
//! use and persistence, values that could not be read, the theme, and erase
//! everything. An import is checked whole before anything changes.

use crate::components::title::Title;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clock;
use crate::browser::files;
use crate::browser::paths;
use crate::components::focus::focus_after_render;
use crate::components::lock::LockSection;
use crate::content;
use crate::domain::backup::{self, AppData, Backup, ImportMode};
use crate::domain::journal::to_markdown;
use crate::domain::lock::{EncryptedBackup, Passphrase};
use crate::domain::theme::ThemeChoice;
use crate::state::data::{
    self as data, BackupFileProblem, EncryptedProblem, KeptAside, PickedBackup,
};
use crate::state::lock;
use crate::state::theme::use_theme;
use crate::state::{AllData, use_journal};
use crate::views::openings::DataOpening;

/// After this long without a backup, the page suggests making one.
const EXPORT_REMINDER_DAYS: f64 = 30.0;
use crate::domain::units::{DAY_MS, readable_size};

fn file_stamp() -> String {
    // "2026-11-22" from the ISO form, in UTC: only a file name.
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect()
}

#[component]
pub fn DataPage() -> impl IntoView {
    // Shared so that erasing everything also shows the lock as off.
    let lock_on = RwSignal::new(lock::is_on());
    let words = content::route_page("data");
    view! {
        // The same words as the static page (content/route-pages.toml).
        <Title text=words.title />
        <OriginSection />
        <BackupSection />
        <RestoreSection />
        <LockSection on=lock_on />
        <StorageSection />
        <KeptAsideSection />
        <ThemeSection />
        <EraseSection lock_on />
    }
}

/// The opening, with who else can reach what Steady keeps: every page of the
/// same origin. The warning for a folder of a `*.github.io` address comes
/// after the paragraphs the static page shows, so nothing moves when the app
/// takes over.
#[component]
fn OriginSection() -> impl IntoView {
    let origin = &content::ORIGIN;
    let shared = window()
        .location()
        .hostname()
        .is_ok_and(|host| paths::base().shares_github_origin(&host));
    let warning =
        shared.then(|| view! { <p class="warning origin-warning">{origin.github_pages}</p> });
    view! { <DataOpening warning /> }
}

#[component]
fn BackupSection() -> impl IntoView {
    let journal = use_journal().journal();
    let last = RwSignal::new(data::last_export());
    let status = RwSignal::new(None::<String>);
    // Encrypting is the default once the lock is on: a plain file would undo it.
    let encrypt = RwSignal::new(lock::is_on());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let sealing = RwSignal::new(false);
    let export_json = move |_| {
        let passphrase = if encrypt.get_untracked() {
            match Passphrase::choose(&new.get_untracked(), &again.get_untracked()) {
                Ok(p) => Some(p),
                Err(why) => {
                    status.set(Some(format!("{why} No file was made.")));
                    return;
                }
            }
        } else {
            None
        };
        if sealing.get_untracked() {
            return;
        }
        let encrypted = passphrase.is_some();
        if encrypted {
            sealing.set(true);
            status.set(Some("Encrypting the backup\u{2026}".into()));
        }
        spawn_local(async move {
            let name = format!("steady-backup-{}.json", file_stamp());
            let saved = data::save_backup_file(&name, passphrase).await;
            sealing.set(false);
            let note = if encrypted {
                "Encrypted backup downloaded. It opens only with the passphrase you just chose."
            } else {
                "Backup downloaded. Keep it somewhere private: it holds your journal in plain text."
            };
            match saved {
                Ok(saved) => {
                    if encrypted {
                        new.set(String::new());
                        again.set(String::new());
                    }
                    match saved.date_noted {
                        Ok(()) => {
                            last.set(Some(saved.at));
                            status.set(Some(note.to_string()));
                        }
                        Err(not_saved) => status.set(Some(format!(
                            "{note} (Steady could not note the date of this backup for the reminder: {not_saved})"
                        ))),
                    }
                }
                Err(BackupFileProblem::NotSealed(e)) => {
                    status.set(Some(format!("{e} No file was made.")))
                }
                Err(BackupFileProblem::DownloadRefused) => {
                    status.set(Some("This browser did not allow the download.".into()))
                }
            }
        });
    };
    let export_markdown = move |_| {
        let text = journal.with_untracked(|j| to_markdown(&j.entries(), clock::date_time));
        let done = files::download(
            &format!("steady-journal-{}.md", file_stamp()),
            "text/markdown",
            &text,
        );
        status.set(Some(
            if done.is_ok() {
                "Journal downloaded as Markdown."
            } else {
                "This browser did not allow the download."
            }
            .into(),
        ));
    };
    let reminder = move || {
        let has_data = journal.with(|j| !j.is_empty());
        match last.get() {
            None if has_data => Some("You have not made a backup yet.".to_string()),
            Some(at) if clock::now() - at > EXPORT_REMINDER_DAYS * DAY_MS => Some(format!(
                "Your last backup was on {}. A fresh one would keep your newer entries safe.",
                clock::date(at)
            )),
            Some(at) => Some(format!("Last backup: {}.", clock::date(at))),
            None => None,
        }
    };
    view! {
        <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Back up"</h2>
            <p>"A backup is one file with your journal, quiz results, self-checks and plan. You can restore it here or in Steady on another device."</p>
            {move || reminder().map(|r| view! { <p class="reminder">{r}</p> })}
            <label class="choice" for="backup-encrypt">
                <input id="backup-encrypt" type="checkbox" prop:checked=move || encrypt.get() on:change=move |_| encrypt.update(|e| *e = !*e) />
                "Encrypt the backup with a passphrase"
            </label>
            {move || encrypt.get().then(|| view! {
                <div class="backup-passphrase">
                    <div class="field">
                        <label class="field-label" for="backup-new">"Passphrase for this file (at least 8 characters)"</label>
                        <input id="backup-new" type="password" autocomplete="new-password" prop:value=move || new.get() on:input=move |ev| new.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label class="field-label" for="backup-again">"The same passphrase again"</label>
                        <input id="backup-again" type="password" autocomplete="new-password" prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev)) />
                    </div>
                    <p class="hint">"Without this passphrase the file cannot be opened, by you or anyone. It can differ from the lock's passphrase."</p>
                </div>
            })}
            <div class="actions">
                <button type="button" class="button primary" on:click=export_json>"Download a backup"</button>
                <button type="button" class="button" on:click=export_markdown>"Download the journal as Markdown"</button>
            </div>
            <p role="status">{move || status.get()}</p>
        </section>
    }
}

/// What the person picked and what importing it would do.
#[derive(Clone)]
struct PendingImport {
    name: String,
    backup: Backup,
    /// What is here, read once when the file was picked, for the preview.
    /// Importing reads storage again, so it applies to the latest data.
    current: AppData,
}

#[component]
fn RestoreSection() -> impl IntoView {
    let pending = RwSignal::new(None::<PendingImport>);
    let mode = RwSignal::new(ImportMode::Merge);
    let message = RwSignal::new(None::<(bool, String)>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let all = AllData::capture();
    // An encrypted backup waiting for its passphrase.
    let sealed_file = RwSignal::new(None::<(String, EncryptedBackup)>);
    let file_passphrase = RwSignal::new(String::new());
    let opening = RwSignal::new(false);
    let open_sealed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((name, sealed)) = sealed_file.get_untracked() else {
            return;
        };
        let Some(passphrase) = Passphrase::entered(&file_passphrase.get_untracked()) else {
            message.set(Some((false, "Type the backup's passphrase first.".into())));
            return;
        };
        if opening.get_untracked() {
            return;
        }
        opening.set(true);
        message.set(None);
        spawn_local(async move {
            let opened = data::open_encrypted(&passphrase, &sealed).await;
            opening.set(false);
            match opened {
                Ok(backup) => {
                    file_passphrase.set(String::new());
                    sealed_file.set(None);
                    pending.set(Some(PendingImport {
                        name,
                        backup,
                        current: data::current(),
                    }));
                }
                Err(EncryptedProblem::Inside(problem)) => message.set(Some((
                    false,
                    format!("\u{201c}{name}\u{201d} could not be imported. {problem}"),
                ))),
                Err(EncryptedProblem::WrongPassphrase) => message.set(Some((
                    false,
                    "That passphrase does not open this backup. Check it and try again. Nothing was changed.".into(),
                ))),
                Err(EncryptedProblem::Crypto(e)) => {
                    message.set(Some((false, format!("{e} Nothing was changed."))))
                }
            }
        });
    };
    let ask_passphrase = move || {
        let (name, _) = sealed_file.get()?;
        Some(view! {
            <form class="import-preview" on:submit=open_sealed>
                <p>{format!("\u{201c}{name}\u{201d} is encrypted. Enter the passphrase it was saved with.")}</p>
                <div class="field">
                    <label class="field-label" for="import-passphrase">"Passphrase for this backup"</label>
                    <input id="import-passphrase" type="password" autocomplete="off" prop:value=move || file_passphrase.get() on:input=move |ev| file_passphrase.set(event_target_value(&ev)) />
                </div>
                <div class="actions">
                    <button type="submit" class="button primary">{move || if opening.get() { "Opening\u{2026}" } else { "Open the backup" }}</button>
                    <button type="button" class="button quiet" on:click=move |_| sealed_file.set(None)>"Cancel"</button>
                </div>
            </form>
        })
    };

    let on_pick = move |_| {
        pending.set(None);
        sealed_file.set(None);
        message.set(None);
        let Some(file) = input_ref
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let parsed = match data::read_picked(file).await {
                Ok(PickedBackup::Encrypted(sealed)) => {
                    sealed_file.set(Some((name, sealed)));
                    focus_after_render("import-passphrase");
                    return;
                }
                Ok(PickedBackup::Plain(backup)) => Ok(*backup),
                Err(problem) => Err(problem),
            };
            match parsed {
                Ok(backup) => pending.set(Some(PendingImport {
                    name,
                    backup,
                    current: data::current(),
                })),
                Err(problem) => message.set(Some((
                    false,
                    format!("\u{201c}{name}\u{201d} could not be imported. {problem}"),
                ))),
            }
        });
    };
    let confirm = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match data::import(all, p.backup, mode.get_untracked()).await {
                Ok(()) => {
                    pending.set(None);
                    if let Some(input) = input_ref.get_untracked() {
                        input.set_value("");
                    }
                    message.set(Some((
                        true,
                        format!("Imported \u{201c}{}\u{201d}.", p.name),
                    )));
                }
                Err(not_saved) => {
                    message.set(Some((false, format!("{not_saved} Nothing was changed."))))
                }
            }
        });
    };
    let preview = move || {
        let p = pending.get()?;
        let pv = backup::preview(&p.current, &p.backup, mode.get());
        let mut lines = vec![
            format!("{} new journal entries", pv.new_entries),
            format!("{} entries updated", pv.updated_entries),
            format!("{} new quiz results", pv.new_results),
            format!("{} new self-checks", pv.new_self_checks),
        ];
        if pv.new_comparisons > 0 {
            lines.push(format!("{} new kept comparisons", pv.new_comparisons));
        }
        if pv.comparisons_removed_by_replace > 0 {
            lines.push(format!(
                "{} kept comparisons here that are not in the backup would be removed",
                pv.comparisons_removed_by_replace
            ));
        }
        if pv.new_drafts > 0 {
            lines.push(format!(
                "{} unfinished {} (only for tools where you have none here; yours are kept)",
                pv.new_drafts,
                if pv.new_drafts == 1 {
                    "draft"
                } else {
                    "drafts"
                }
            ));
        }
        if pv.entries_deleted_by_merge > 0 {
            lines.push(format!(
                "{} entries deleted (they were deleted where the backup was made)",
                pv.entries_deleted_by_merge
            ));
        }
        if mode.get() == ImportMode::Replace {
            lines.push(format!(
                "{} entries, {} quiz results and {} self-checks here that are not in the backup would be removed",
                pv.entries_removed_by_replace, pv.results_removed_by_replace, pv.self_checks_removed_by_replace
            ));
        }
        Some(view! {
            <div class="import-preview" role="group" aria-labelledby="preview-heading">
                <h3 id="preview-heading">{format!("\u{201c}{}\u{201d}, exported on {}", p.name, clock::date(p.backup.exported_at))}</h3>
                <fieldset class="choice-group">
                    <legend>"How to import it"</legend>
                    <label class="choice">
                        <input type="radio" name="import-mode" prop:checked=move || mode.get() == ImportMode::Merge on:change=move |_| mode.set(ImportMode::Merge) />
                        "Merge: add what is new, keep everything here"
                    </label>
                    <label class="choice">
                        <input type="radio" name="import-mode" prop:checked=move || mode.get() == ImportMode::Replace on:change=move |_| mode.set(ImportMode::Replace) />
                        "Replace: make this device match the backup"
                    </label>
                </fieldset>
                <p>"Importing will bring:"</p>
                <ul class="preview-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                <div class="actions">
                    <button type="button" class="button primary" on:click=confirm>"Import"</button>
                    <button type="button" class="button quiet" on:click=move |_| pending.set(None)>"Cancel"</button>
                </div>
            </div>
        })
    };
    view! {
        <section aria-labelledby="restore-heading">
            <h2 id="restore-heading">"Restore from a backup"</h2>
            <p>"Pick a backup file. It is checked in full first, and you will see what it would change before anything does."</p>
            <label class="field">
                <span class="field-label">"Backup file"</span>
                <input type="file" accept=".json,application/json" node_ref=input_ref on:change=on_pick />
            </label>
            {ask_passphrase}
            {preview}
            <div role="status" class="import-status">
                {move || message.get().map(|(ok, text)| view! { <p class=if ok { "success" } else { "warning" }>{text}</p> })}
            </div>
        </section>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let journal = use_journal().journal();
    let used = Memo::new(move |_| {
        journal.track();
        data::usage().iter().map(|(_, n)| *n).sum::<usize>()
    });
    let estimate = LocalResource::new(files::storage_estimate);
    let persisted = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move { persisted.set(Some(files::is_persisted().await)) });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            persisted.set(Some(files::ask_to_persist().await));
        });
    };
    view! {
        <section aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage on this device"</h2>
            <p>{move || format!("Steady's data uses about {} of this browser's storage for web pages (usually about 5 MB for each site).", readable_size(used.get() as f64))}</p>
            {move || estimate.get().flatten().map(|(usage, quota)| view! {
                <p class="meta">{format!("This browser reports {} used of about {} it allows this site in total.", readable_size(usage), readable_size(quota))}</p>
            })}
            <p>"Browsers may clear a site's data to save space, and Safari clears it after seven days without a visit unless the app is on your home screen. Asking for persistent storage tells the browser to keep it."</p>
            <p role="status">
                {move || match persisted.get() {
                    Some(true) => "This browser has agreed to keep Steady's data.",
                    Some(false) => "Not yet persistent. The browser decides; installing Steady or visiting often helps.",
                    None => "",
                }}
            </p>
            <button type="button" class="button" on:click=ask>"Ask the browser to keep my data"</button>
        </section>
    }
}

#[component]
fn KeptAsideSection() -> impl IntoView {
    let kept = RwSignal::new(data::kept_aside());
    view! {
        {move || (!kept.with(Vec::is_empty)).then(|| view! {
            <section aria-labelledby="kept-heading" class="kept-aside">
                <h2 id="kept-heading">"Data Steady could not read"</h2>
                <p>"These saved values could not be read, so Steady set them aside instead of overwriting them. Download them to keep them, or to ask for help recovering them."</p>
                <ul class="result-list">
                    {kept.get().into_iter().map(|copy| {
                        let KeptAside { id: discard_key, original: key, kept_at, raw } = copy;
                        let dl_key = format!("{key}-{kept_at}");
                        let when = if kept_at > 0.0 { format!(", set aside {}", clock::date_time(kept_at)) } else { String::new() };
                        view! {
                            <li class="result-row">
                                <span>{format!("{key} ({}{when})", readable_size(raw.len() as f64))}</span>
                                <button type="button" class="button" on:click=move |_| {
                                    let _ = files::download(&format!("steady-unreadable-{dl_key}.txt"), "text/plain", &raw);
                                }>"Download"</button>
                                <button type="button" class="button quiet" on:click=move |_| {
                                    data::discard_kept_aside(&discard_key);
                                    kept.set(data::kept_aside());
                                }>"Discard"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

#[component]
fn ThemeSection() -> impl IntoView {
    let theme = use_theme();
    view! {
        <section aria-labelledby="theme-heading">
            <h2 id="theme-heading">"Appearance"</h2>
            <fieldset class="choice-group">
                <legend>"Colour theme"</legend>
                {ThemeChoice::ALL.into_iter().map(|choice| view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name="theme"
                            value=choice.as_str()
                            prop:checked=move || theme.choice().get() == choice
                            on:change=move |_| theme.choose(choice)
                        />
                        {choice.label()}
                    </label>
                }).collect_view()}
            </fieldset>
        </section>
    }
}

#[component]
fn EraseSection(lock_on: RwSignal<bool>) -> impl IntoView {
    let asking = RwSignal::new(false);
    let done = RwSignal::new(false);
    let all = AllData::capture();
    let erase = move |_| {
        data::erase_everything(Some(all));
        lock_on.set(false);
        asking.set(false);
        done.set(true);
    };
    view! {
        <section aria-labelledby="erase-heading" class="danger-zone">
            <h2 id="erase-heading">"Erase everything"</h2>
            <p>"Removes your journal, quiz results, self-checks, plan and settings from this browser. It cannot be undone, so download a backup first if you may want them back."</p>
            {move || if asking.get() {
                view! {
                    <div class="confirm" role="group" aria-labelledby="erase-question">
                        <p id="erase-question"><strong>"Erase all of Steady's data on this device?"</strong></p>
                        <button type="button" class="button danger" on:click=erase>"Yes, erase everything"</button>
                        <button type="button" class="button quiet" on:click=move |_| asking.set(false)>"Cancel"</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="button" on:click=move |_| { done.set(false); asking.set(true); }>"Erase everything\u{2026}"</button> }.into_any()
            }}
            <p role="status">{move || done.get().then_some("Everything was erased from this browser.")}</p>
        </section>
    }
}

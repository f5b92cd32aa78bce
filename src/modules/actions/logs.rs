//! The logs: the learning log (dated observations, decisions and follow-ups linked to an area,
//! an activity or an indicator; filtered by area and period), the Sami consultation log (lag
//! 2022:66; the matters marked as of particular importance to the Sami that no consultation
//! settles are listed first), and the peer exchange's meetings with the anonymised copy for
//! another region (`peer::copy`: no persons leave). The forms and lists are core functions
//! (`actions::logs`).
use leptos::prelude::*;
use vagval_core::actions::date::Date;
use vagval_core::actions::logs::{
    self, ConsultationForm, LearningForm, MeetingForm, save_consultation, save_learning,
    save_meeting,
};
use vagval_core::actions::records::{Counterpart, EntryKind, Format, Outcome};
use vagval_core::actions::workflow::EditError;
use vagval_core::{Command, Doc, Id, Kind, Localized};

use super::fields::{Pick, counterpart_name, entry_name, format_name, outcome_name, records, text};
use super::texts::{ActionsI18n, Texts};
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;

/// One log's form: what it holds, and the entry it changes (`None`: a new one).
struct LogForm<F: Send + Sync + 'static> {
    form: RwSignal<F>,
    editing: RwSignal<Option<Id>>,
    /// The form's first field, focused when an entry is opened in it.
    first: &'static str,
}

impl<F: Send + Sync + 'static> Clone for LogForm<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Send + Sync + 'static> Copy for LogForm<F> {}

impl<F: Default + Clone + Send + Sync + 'static> LogForm<F> {
    fn new(first: &'static str) -> Self {
        Self {
            form: RwSignal::new(F::default()),
            editing: RwSignal::new(None),
            first,
        }
    }

    /// Opens entry `id` (shown as `f`) in the form and puts the focus in it.
    fn open(self, id: Id, f: F) {
        self.form.set(f);
        self.editing.set(Some(id));
        crate::ui::view::focus_id(self.first);
    }

    fn close(self) {
        self.editing.set(None);
        self.form.set(F::default());
    }

    /// Saves the form as the entry it changes or a new one (one command, one undo); the form
    /// then starts anew, keeping what `keep` takes over. `true` if it was saved.
    fn save(
        self,
        save: fn(&Doc, &Id, &F) -> Result<Command, EditError>,
        keep: fn(F) -> F,
        error: RwSignal<Option<String>>,
    ) -> bool {
        let i18n = use_i18n();
        let app = use_app();
        let f = self.form.get_untracked();
        let id = self.editing.get_untracked().unwrap_or_else(new_id);
        match app.doc.with_untracked(|d| save(d, &id, &f)) {
            Ok(cmd) => {
                if !app.run(&cmd, error, i18n.lang()) {
                    return false;
                }
                self.editing.set(None);
                self.form.set(keep(f));
                true
            }
            Err(e) => {
                error.set(Some(e.message(i18n.lang())));
                false
            }
        }
    }

    /// The form's buttons: add (or save while an entry is open) and, then, cancel.
    fn buttons(self, testid: &'static str) -> impl IntoView {
        let i18n = use_i18n();
        let editing = self.editing;
        view! {
            <button type="submit" data-testid=testid>{move || if editing.get().is_some() { i18n.s().save } else { i18n.s().add }}</button>
            {move || editing.get().is_some().then(|| view! {
                <button type="button" class="secondary" on:click=move |_| self.close()>{i18n.s().cancel}</button>
            })}
        }
    }
}

#[component]
pub(super) fn LogsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    crate::app::pages::page_title(move || i18n.s().logs_title);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let t = move |p: Pick| i18n.trs(p);

    let areas = super::fields::areas();
    let named = |v: Vec<(&Id, Option<&String>)>| {
        let mut out: Vec<(Id, String)> = v
            .into_iter()
            .map(|(i, n)| (i.clone(), n.cloned().unwrap_or_default()))
            .collect();
        vagval_core::order::sort_by(&mut out, |a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
        out
    };
    // The same lines for both collections (their record types differ).
    macro_rules! titled {
        ($records:ident) => {
            Memo::new(move |_| {
                app.doc.with(|d| {
                    named(
                        d.$records
                            .live()
                            .filter(|a| a.removed() != Some(&true))
                            .map(|a| (&a.id, a.title()))
                            .collect(),
                    )
                })
            })
        };
    }
    let activities = titled!(activities);
    let indicators = titled!(indicators);
    let matters = Memo::new(move |_| {
        app.doc.with(|d| {
            logs::sami_matters(d)
                .into_iter()
                .map(|(_, i, n)| (i, n))
                .collect::<Vec<_>>()
        })
    });
    let unconsulted = Memo::new(move |_| app.doc.with(logs::unconsulted));

    // The learning log.
    let learn = LogForm::<LearningForm>::new("learn-date");
    let learning_form = learn.form;
    let (filter_area, filter_from, filter_to) = (
        RwSignal::new(None::<Id>),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let entries = Memo::new(move |_| {
        let lang = i18n.lang();
        let a = filter_area.get();
        let (from, to) = (
            Date::parse(filter_from.get().trim()),
            Date::parse(filter_to.get().trim()),
        );
        app.doc
            .with(|d| logs::learning(d, a.as_ref(), from, to, lang))
    });
    // The outcome of a save, said: added, or changed.
    let said = move |changing: bool, added: &'static str| {
        status.set(Some(
            if changing {
                i18n.s().entry_changed
            } else {
                added
            }
            .to_owned(),
        ));
    };
    let add_entry = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let changing = learn.editing.get_untracked().is_some();
        // The next entry keeps the date and the area.
        let keep = |f: LearningForm| LearningForm {
            date: f.date,
            area: f.area,
            ..LearningForm::default()
        };
        if learn.save(save_learning, keep, error) {
            said(changing, i18n.s().entry_added);
        }
    };
    // The consultation log.
    let cons = LogForm::<ConsultationForm>::new("cons-date");
    let consultation_form = cons.form;
    let add_cons = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let changing = cons.editing.get_untracked().is_some();
        if cons.save(save_consultation, |_| ConsultationForm::default(), error) {
            said(changing, i18n.s().consultation_added);
        }
    };
    let consultations = Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| {
            let mut v: Vec<(Date, String, String, String, String, Id)> = d
                .consultations
                .live()
                .filter(|c| c.removed() != Some(&true))
                .filter_map(|c| {
                    Some((
                        *c.date()?,
                        format!(
                            "{} ({})",
                            c.name().cloned().unwrap_or_default(),
                            c.counterpart().copied().unwrap_or_default().label(lang)
                        ),
                        c.matter().cloned().unwrap_or_default(),
                        match (
                            c.outcome().copied().flatten(),
                            c.exception().filter(|e| !e.trim().is_empty()),
                        ) {
                            (Some(o), _) => o.label(lang).to_owned(),
                            (None, Some(e)) => format!("{}: {e}", texts_of(lang).exception),
                            (None, None) => texts_of(lang).not_yet.to_owned(),
                        },
                        c.reference().cloned().unwrap_or_default(),
                        c.id.clone(),
                    ))
                })
                .collect();
            vagval_core::order::sort_by(&mut v, |a, b| b.0.cmp(&a.0));
            v
        })
    });
    // The peer exchange.
    let meet = LogForm::<MeetingForm>::new("meet-date");
    let meeting_form = meet.form;
    let add_meet = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let changing = meet.editing.get_untracked().is_some();
        if meet.save(save_meeting, |_| MeetingForm::default(), error) {
            said(changing, i18n.s().meeting_added);
        }
    };
    // Opens an entry of the log `kind` in its form.
    let open = move |kind: Kind, id: Id| {
        app.doc.with_untracked(|d| match kind {
            Kind::Learning => {
                if let Some(e) = d.learning.get(&id) {
                    learn.open(id, logs::learning_form(e));
                }
            }
            Kind::Consultation => {
                if let Some(c) = d.consultations.get(&id) {
                    cons.open(id, logs::consultation_form(c));
                }
            }
            _ => {
                if let Some(m) = d.meetings.get(&id) {
                    meet.open(id, logs::meeting_form(m));
                }
            }
        });
    };
    let meetings = Memo::new(move |_| {
        let lang = i18n.lang();
        app.doc.with(|d| {
            let mut v: Vec<(Date, String, String, &'static str, String, String, Id)> = d
                .meetings
                .live()
                .filter(|m| m.removed() != Some(&true))
                .filter_map(|m| {
                    Some((
                        *m.date()?,
                        m.title().cloned().unwrap_or_default(),
                        m.region().cloned().unwrap_or_default(),
                        m.format().copied().unwrap_or_default().label(lang),
                        [
                            m.participants().cloned().unwrap_or_default(),
                            m.politician().cloned().unwrap_or_default(),
                        ]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join("; "),
                        m.notes().cloned().unwrap_or_default(),
                        m.id.clone(),
                    ))
                })
                .collect();
            vagval_core::order::sort_by(&mut v, |a, b| b.0.cmp(&a.0));
            v
        })
    });
    let trash = move |kind: Kind, id: &Id| {
        // The entry open in its form goes with it.
        let open_here = |e: RwSignal<Option<Id>>| e.get_untracked().as_ref() == Some(id);
        if open_here(learn.editing) {
            learn.close();
        }
        if open_here(cons.editing) {
            cons.close();
        }
        if open_here(meet.editing) {
            meet.close();
        }
        if app.run(&logs::remove(kind, id), error, i18n.lang()) {
            status.set(Some(i18n.s().entry_removed.to_owned()));
        }
    };
    let export_peer = move |_| {
        let name = app.doc.with_untracked(|d| crate::file_io::slug(d.name()));
        crate::file_io::offer(
            &format!("{name}-kollegialt-utbyte.json"),
            &app.peer_copy(),
            "application/json",
            error,
            i18n.lang(),
        );
    };

    let entry_list = move || {
        let s = i18n.s();
        let list = entries.get();
        if list.is_empty() {
            return view! { <p class="hint">{s.no_entries}</p> }.into_any();
        }
        view! {
            <ul class="log" data-testid="learning-list">
                {list.into_iter().map(|r| view! {
                    <li data-testid="learning-entry">
                        <p class="meta">{format!("{} · {}", r.date, r.entry)}{(!r.links.is_empty()).then(|| format!(" · {}", r.links.join(", ")))}</p>
                        <p>{r.text.clone()}</p>
                        <div class="row-actions">
                            <button type="button" class="secondary small" aria-label=format!("{} {}", s.change, r.date)
                                on:click={ let id = r.id.clone(); move |_| open(Kind::Learning, id.clone()) }>{s.change}</button>
                            <button type="button" class="secondary small" aria-label=format!("{} {}", s.remove, r.date)
                                on:click={ let id = r.id.clone(); move |_| trash(Kind::Learning, &id) }>{s.remove}</button>
                        </div>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let flagged = move || {
        let s = i18n.s();
        let lang = i18n.lang();
        let list = unconsulted.get();
        if list.is_empty() {
            return view! { <p class="ok" data-testid="all-consulted">{s.all_consulted}</p> }
                .into_any();
        }
        view! {
            <ul class="warnings" data-testid="unconsulted">
                {list.into_iter().map(|(kind, _, title)| {
                    let n = kind.noun();
                    let noun = if lang == vagval_core::Lang::Sv { n.sv.0 } else { n.en.0 };
                    view! { <li>{format!("{}{}: {title}", noun.chars().next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default(), noun.chars().skip(1).collect::<String>())}</li> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let cons_table = move || {
        let s = i18n.s();
        let rows = consultations.get().into_iter().map(|(d, who, matter, outcome, reference, id)| view! {
            <tr data-testid="consultation-row"><td>{d.to_string()}</td><th scope="row">{who.clone()}</th><td>{matter}</td><td>{outcome}</td><td>{reference}</td>
                <td class="no-print row-actions"><button type="button" class="secondary small" aria-label=format!("{} {who}", s.change) on:click={ let id = id.clone(); move |_| open(Kind::Consultation, id.clone()) }>{s.change}</button>
                    <button type="button" class="secondary small" aria-label=format!("{} {who}", s.remove) on:click=move |_| trash(Kind::Consultation, &id)>{s.remove}</button></td></tr>
        }).collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="cons-caption">
                <table class="data-table" data-testid="consultations">
                    <caption id="cons-caption">{s.consultation_log}</caption>
                    <thead><tr><th scope="col">{s.date}</th><th scope="col">{s.counterpart}</th><th scope="col">{s.matter}</th><th scope="col">{s.outcome}</th><th scope="col">{s.reference}</th><th scope="col" class="no-print"><span class="visually-hidden">{s.remove}</span></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    let meet_table = move || {
        let s = i18n.s();
        let rows = meetings.get().into_iter().map(|(d, title, region, format, who, notes, id)| view! {
            <tr data-testid="meeting-row"><td>{d.to_string()}</td><th scope="row">{title.clone()}</th><td>{region}</td><td>{format}</td><td>{who}</td><td>{notes}</td>
                <td class="no-print row-actions"><button type="button" class="secondary small" aria-label=format!("{} {title}", s.change) on:click={ let id = id.clone(); move |_| open(Kind::Meeting, id.clone()) }>{s.change}</button>
                    <button type="button" class="secondary small" aria-label=format!("{} {title}", s.remove) on:click=move |_| trash(Kind::Meeting, &id)>{s.remove}</button></td></tr>
        }).collect_view();
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="meet-caption">
                <table class="data-table" data-testid="meetings">
                    <caption id="meet-caption">{s.meetings}</caption>
                    <thead><tr><th scope="col">{s.date}</th><th scope="col">{s.meeting_title}</th><th scope="col">{s.region}</th><th scope="col">{s.format}</th><th scope="col">{s.participants}</th><th scope="col">{s.notes}</th><th scope="col" class="no-print"><span class="visually-hidden">{s.remove}</span></th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    let area_choices = Signal::derive(move || areas.get());

    view! {
        <article class="page action-areas logs-page">
            <h1>{move || i18n.s().logs_title}</h1>
            <super::Tabs current=2/>
            <p class="lead">{move || i18n.s().logs_help}</p>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status" data-testid="status">{move || status.get()}</p>

            <section aria-labelledby="learning-heading">
                <h2 id="learning-heading">{move || i18n.s().learning_log}</h2>
                <div class="row no-print" role="group" aria-label=move || i18n.s().filter>
                    {records("learn-filter-area", |t| t.filter_area, |t| t.all_areas, area_choices, Signal::derive(move || filter_area.get()), Callback::new(move |a| filter_area.set(a)))}
                    <div class="field">
                        <label for="learn-from">{t(|t| t.from)}</label>
                        <input id="learn-from" type="date" prop:value=move || filter_from.get() on:input=move |ev| filter_from.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="learn-to">{t(|t| t.to)}</label>
                        <input id="learn-to" type="date" prop:value=move || filter_to.get() on:input=move |ev| filter_to.set(event_target_value(&ev))/>
                    </div>
                </div>
                {entry_list}
                <form class="row card no-print" on:submit=add_entry data-testid="learning-form">
                    {text(learning_form, "learn-date", |t| t.date, "date", |f| f.date.clone(), |f, v| f.date = v)}
                    <SelectField id="learn-kind" label=t(|t| t.entry_kind) count=EntryKind::ALL.len() name=entry_name
                        selected=Signal::derive(move || learning_form.with(|f| EntryKind::ALL.iter().position(|e| *e == f.entry)))
                        on_change=Callback::new(move |i: Option<usize>| learning_form.update(|f| f.entry = i.and_then(|i| EntryKind::ALL.get(i).copied()).unwrap_or_default()))/>
                    <div class="field grow">
                        <label for="learn-text">{t(|t| t.what_learnt)}</label>
                        <textarea id="learn-text" rows="2" maxlength="5000" prop:value=move || learning_form.with(|f| f.text.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); learning_form.update(|f| f.text = v); }></textarea>
                    </div>
                    {records("learn-area", |t| t.area, |t| t.none, area_choices, Signal::derive(move || learning_form.with(|f| f.area.clone())), Callback::new(move |a| learning_form.update(|f| f.area = a)))}
                    {records("learn-activity", |t| t.activity, |t| t.none, Signal::derive(move || activities.get()), Signal::derive(move || learning_form.with(|f| f.activity.clone())), Callback::new(move |a| learning_form.update(|f| f.activity = a)))}
                    {records("learn-indicator", |t| t.indicator, |t| t.none, Signal::derive(move || indicators.get()), Signal::derive(move || learning_form.with(|f| f.indicator.clone())), Callback::new(move |a| learning_form.update(|f| f.indicator = a)))}
                    {learn.buttons("add-entry")}
                </form>
            </section>

            <section aria-labelledby="sami-heading">
                <h2 id="sami-heading">{move || i18n.s().consultation_log}</h2>
                <p class="hint">{move || i18n.s().consultation_help}</p>
                <h3>{move || i18n.s().needs_consultation}</h3>
                {flagged}
                {cons_table}
                <form class="row card no-print" on:submit=add_cons data-testid="consultation-form">
                    {text(consultation_form, "cons-date", |t| t.date, "date", |f| f.date.clone(), |f, v| f.date = v)}
                    <SelectField id="cons-counterpart" label=t(|t| t.counterpart) count=Counterpart::ALL.len() name=counterpart_name
                        selected=Signal::derive(move || consultation_form.with(|f| Counterpart::ALL.iter().position(|c| *c == f.counterpart)))
                        on_change=Callback::new(move |i: Option<usize>| consultation_form.update(|f| f.counterpart = i.and_then(|i| Counterpart::ALL.get(i).copied()).unwrap_or_default()))/>
                    {text(consultation_form, "cons-name", |t| t.counterpart_name, "text", |f| f.name.clone(), |f, v| f.name = v)}
                    {text(consultation_form, "cons-matter", |t| t.matter, "text", |f| f.matter.clone(), |f, v| f.matter = v)}
                    {records("cons-about", |t| t.about, |t| t.none, Signal::derive(move || matters.get()), Signal::derive(move || consultation_form.with(|f| f.about.clone())), Callback::new(move |a| consultation_form.update(|f| f.about = a)))}
                    <SelectField id="cons-outcome" label=t(|t| t.outcome) count=Outcome::ALL.len() name=outcome_name empty=t(|t| t.not_yet)
                        selected=Signal::derive(move || consultation_form.with(|f| f.outcome.and_then(|o| Outcome::ALL.iter().position(|x| *x == o))))
                        on_change=Callback::new(move |i: Option<usize>| consultation_form.update(|f| f.outcome = i.and_then(|i| Outcome::ALL.get(i).copied())))/>
                    {text(consultation_form, "cons-ref", |t| t.reference, "text", |f| f.reference.clone(), |f, v| f.reference = v)}
                    {cons.buttons("add-consultation")}
                </form>
            </section>

            <section aria-labelledby="peer-heading">
                <h2 id="peer-heading">{move || i18n.s().peer_exchange}</h2>
                {meet_table}
                <form class="row card no-print" on:submit=add_meet data-testid="meeting-form">
                    {text(meeting_form, "meet-date", |t| t.date, "date", |f| f.date.clone(), |f, v| f.date = v)}
                    {text(meeting_form, "meet-title", |t| t.meeting_title, "text", |f| f.title.clone(), |f, v| f.title = v)}
                    {text(meeting_form, "meet-region", |t| t.region, "text", |f| f.region.clone(), |f, v| f.region = v)}
                    <SelectField id="meet-format" label=t(|t| t.format) count=Format::ALL.len() name=format_name
                        selected=Signal::derive(move || meeting_form.with(|f| Format::ALL.iter().position(|x| *x == f.format)))
                        on_change=Callback::new(move |i: Option<usize>| meeting_form.update(|f| f.format = i.and_then(|i| Format::ALL.get(i).copied()).unwrap_or_default()))/>
                    {text(meeting_form, "meet-participants", |t| t.participants, "text", |f| f.participants.clone(), |f, v| f.participants = v)}
                    {text(meeting_form, "meet-politician", |t| t.politician, "text", |f| f.politician.clone(), |f, v| f.politician = v)}
                    {text(meeting_form, "meet-notes", |t| t.notes, "text", |f| f.notes.clone(), |f, v| f.notes = v)}
                    {meet.buttons("add-meeting")}
                </form>
                <p class="hint">{move || i18n.s().peer_export_help}</p>
                <button type="button" class="secondary" data-testid="export-peer" on:click=export_peer>{t(|t| t.peer_export)}</button>
            </section>
        </article>
    }
}

fn texts_of(lang: vagval_core::Lang) -> &'static Texts {
    super::texts::texts(lang)
}

//! The ballot on a tablet: the participant gives a code, votes by touch (tap to add dots,
//! drag to rank) or by buttons and keyboard, sees what is left, and submits; "hand over"
//! clears the screen for the next person. The same form enters paper ballots.
use std::collections::BTreeMap;

use leptos::prelude::*;
use vagval_core::model::Municipality;
use vagval_core::round::{NewBallot, Origin, Round, ballots_of, heads_of};
use vagval_core::vote::{Answer, Method, Moscow};
use vagval_core::{Id, Localized};

use crate::i18n::{I18n, use_i18n};
use crate::state::{AppState, now_ms, use_app};

/// One item on the ballot: id, title, municipality.
pub type Item = (Id, String, &'static str);

/// What the participant has answered so far (one store per kind of answer).
#[derive(Clone, Copy)]
struct Draft {
    /// Dots, approvals or points: one signal per item, so a tap touches one row.
    /// (Reference-counted signals: they outlive any one row's view.)
    alloc: StoredValue<BTreeMap<Id, ArcRwSignal<u32>>>,
    /// Their sum.
    used: RwSignal<u32>,
    ranking: RwSignal<Vec<Id>>,
    scores: RwSignal<BTreeMap<Id, u8>>,
    moscow: RwSignal<BTreeMap<Id, Moscow>>,
    impact: RwSignal<BTreeMap<Id, [u8; 2]>>,
}

impl Draft {
    fn new() -> Self {
        Self {
            alloc: StoredValue::new(BTreeMap::new()),
            used: RwSignal::new(0),
            ranking: RwSignal::new(Vec::new()),
            scores: RwSignal::new(BTreeMap::new()),
            moscow: RwSignal::new(BTreeMap::new()),
            impact: RwSignal::new(BTreeMap::new()),
        }
    }

    fn clear(self) {
        self.alloc.with_value(|a| a.values().for_each(|v| v.set(0)));
        self.used.set(0);
        self.ranking.set(Vec::new());
        self.scores.set(BTreeMap::new());
        self.moscow.set(BTreeMap::new());
        self.impact.set(BTreeMap::new());
    }

    /// Puts a kept answer back (a ballot half-way through, after a reload).
    fn restore(self, answer: &Answer) {
        match answer {
            Answer::Allocation(a) => {
                let mut used = 0u32;
                for (id, n) in a {
                    let v = self.alloc.try_update_value(|m| {
                        m.entry(id.clone())
                            .or_insert_with(|| ArcRwSignal::new(0))
                            .clone()
                    });
                    if let Some(v) = v {
                        v.set(*n);
                        used = used.saturating_add(*n);
                    }
                }
                self.used.set(used);
            }
            Answer::Ranking(r) => self.ranking.set(r.clone()),
            Answer::Scores(m) => self.scores.set(m.clone()),
            Answer::Moscow(m) => self.moscow.set(m.clone()),
            Answer::ImpactEffort(m) => self.impact.set(m.clone()),
        }
    }

    /// Subscribes the running effect to every change of the answer.
    fn track(self) {
        self.used.track();
        self.ranking.track();
        self.scores.track();
        self.moscow.track();
        self.impact.track();
    }

    fn answer(self, method: &Method) -> Answer {
        match method {
            Method::Dots { .. } | Method::Approval | Method::Points { .. } => {
                Answer::Allocation(self.alloc.with_value(|a| {
                    a.iter()
                        .map(|(id, v)| (id.clone(), v.get_untracked()))
                        .filter(|(_, n)| *n > 0)
                        .collect()
                }))
            }
            Method::Ranking { .. } => Answer::Ranking(self.ranking.get_untracked()),
            Method::Score { .. } => Answer::Scores(self.scores.get_untracked()),
            Method::Moscow => Answer::Moscow(self.moscow.get_untracked()),
            Method::ImpactEffort => Answer::ImpactEffort(
                self.impact
                    .get_untracked()
                    .into_iter()
                    .filter(|(_, p)| p[0] > 0 && p[1] > 0)
                    .collect(),
            ),
        }
    }
}

/// A ballot half-way through, kept in storage so that a reload (or a browser killed mid-vote)
/// comes back to it. Removed on submit and on hand-over.
#[derive(serde::Serialize, serde::Deserialize)]
struct Kept {
    round: Id,
    participant: String,
    municipality: Option<Municipality>,
    answer: Answer,
}

/// The round's items with titles, in the round's order.
pub fn round_items(app: AppState, i18n: I18n, round: Memo<Option<Round>>) -> Memo<Vec<Item>> {
    Memo::new(move |_| {
        let lang = i18n.lang();
        round.with(|r| {
            let Some(r) = r else { return Vec::new() };
            app.doc.with(|d| {
                r.items()
                    .into_iter()
                    .flatten()
                    .map(|id| {
                        let i = d.inspel.0.get(id);
                        let title = i.and_then(|i| i.title().cloned()).unwrap_or_default();
                        let m = i
                            .and_then(|i| i.municipality())
                            .map_or("", |m| m.label(lang));
                        (id.clone(), title, m)
                    })
                    .collect()
            })
        })
    })
}

/// The whole ballot flow for one round. `origin` is `Tablet` or `Paper`.
#[component]
pub fn BallotFlow(round: Memo<Option<Round>>, origin: Origin) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let participant = RwSignal::new(String::new());
    let municipality = RwSignal::new(None::<Municipality>);
    let step = RwSignal::new(0u8); // 0: who, 1: voting, 2: thanks
    let draft = Draft::new();
    // A submitted ballot is being written to the journal.
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let items = round_items(app, i18n, round);
    let method = Memo::new(move |_| {
        round.with(|r| r.as_ref().map(Round::method_or_default).unwrap_or_default())
    });
    let prefix = if origin == Origin::Paper {
        "paper"
    } else {
        "tablet"
    };
    let kept_key = crate::storage::StorageKey::BallotDraft(prefix);
    // A ballot half-way through when the page was left: back to it.
    if let Some(k) = crate::storage::read(kept_key)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<Kept>(&t).ok())
        && round.with_untracked(|r| r.as_ref().is_some_and(|r| r.id == k.round))
    {
        participant.set(k.participant);
        municipality.set(k.municipality);
        draft.restore(&k.answer);
        step.set(1);
    }
    // Keeps the ballot in storage while it is being filled in.
    Effect::new(move |_| {
        draft.track();
        if step.get() != 1 {
            return;
        }
        let Some(r) = round.get_untracked() else {
            return;
        };
        let kept = Kept {
            round: r.id.clone(),
            participant: participant.get_untracked(),
            municipality: municipality.get_untracked(),
            answer: draft.answer(&method.get_untracked()),
        };
        if let Ok(text) = serde_json::to_string(&kept) {
            let _ = crate::storage::write(kept_key, &text);
        }
    });

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if participant.get_untracked().trim().is_empty() {
            error.set(Some(i18n.t().v.participant_missing.to_owned()));
            return;
        }
        error.set(None);
        draft.clear();
        step.set(1);
        refocus(format!("{prefix}-vote-heading"));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(r) = round.get_untracked() else {
            return;
        };
        let device = app.device();
        let who = participant.get_untracked().trim().to_owned();
        // A changed vote on this device replaces this device's earlier ballot; a ballot from
        // another device stays, so a double vote is flagged rather than hidden.
        let supersedes: Vec<Id> = if origin == Origin::Tablet {
            app.doc.with_untracked(|d| {
                heads_of(&ballots_of(d, &r.id), &who)
                    .into_iter()
                    .filter(|b| {
                        b.round
                            .as_ref()
                            .is_some_and(|reg| reg.stamp.2.starts_with(&device))
                    })
                    .map(|b| b.id.clone())
                    .collect()
            })
        } else {
            Vec::new()
        };
        let nb = NewBallot {
            round: &r,
            participant: &who,
            municipality: municipality.get_untracked(),
            answer: draft.answer(&method.get_untracked()),
            origin,
            supersedes,
            cast_at: now_ms(),
            device: &device,
        };
        let lang = i18n.lang();
        let result = nb
            .command()
            .map_err(|e| e.message(lang))
            .and_then(|cmd| app.dispatch(&cmd).map_err(|e| e.message(lang)));
        match result {
            // "Sparat" must be true: the ballot is written to storage before the thanks shows
            // (a browser killed right after it keeps the vote).
            Ok(()) => {
                // The round's ballot file goes into the journal (IndexedDB, on disk when the
                // transaction completes); the thanks waits for it. The autosave the command
                // scheduled stores the workspace as usual; only without a journal is it written
                // now, before the thanks.
                let key = format!("round:{}", r.id);
                let file = app.doc.with_untracked(|d| {
                    vagval_core::Snapshot::compact_of(
                        &vagval_core::round::ballot_file(d, &r.id),
                        &crate::state::iso_now(),
                        &device,
                    )
                });
                busy.set(true);
                leptos::task::spawn_local(async move {
                    let journalled = crate::journal::put(&key, &file).await.is_ok();
                    busy.set(false);
                    let stored = journalled || {
                        app.save_now();
                        app.save.get_untracked() == crate::state::SaveState::Saved
                    };
                    if stored {
                        crate::storage::remove(kept_key);
                        error.set(None);
                        step.set(2);
                        refocus(format!("{prefix}-hand-over"));
                    } else {
                        error.set(Some(i18n.t().v.ballot_not_saved.to_owned()));
                    }
                });
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let hand_over = move |_| {
        crate::storage::remove(kept_key);
        participant.set(String::new());
        municipality.set(None);
        draft.clear();
        error.set(None);
        step.set(0);
        refocus(format!("{prefix}-participant"));
    };
    let who_id = format!("{prefix}-participant");
    let mun_id = format!("{prefix}-municipality");
    view! {
        <div class="ballot" data-testid=format!("{prefix}-ballot")>
            <Show when=move || step.get() == 0>
                <form class="card who" on:submit=start>
                    <h2>{move || if origin == Origin::Paper { i18n.t().v.paper_heading } else { i18n.t().v.who_heading }}</h2>
                    <div class="row">
                        <div class="field grow">
                            <label for=who_id.clone()>{i18n.tr(|t| t.v.participant)}</label>
                            <input id=who_id.clone() type="text" autocomplete="off" required aria-describedby=format!("{prefix}-who-hint")
                                prop:value=move || participant.get() on:input=move |ev| participant.set(event_target_value(&ev))/>
                            <p id=format!("{prefix}-who-hint") class="hint">{i18n.tr(|t| t.v.participant_hint)}</p>
                        </div>
                        <div class="field">
                            <label for=mun_id.clone()>{i18n.tr(|t| t.v.your_municipality)}</label>
                            <select id=mun_id.clone() on:change=move |ev| {
                                let v = event_target_value(&ev);
                                municipality.set(Municipality::ALL.into_iter().find(|m| m.label(vagval_core::Lang::Sv) == v));
                            }>
                                <option value="" selected=move || municipality.get().is_none()>{i18n.tr(|t| t.v.not_given)}</option>
                                {Municipality::ALL.into_iter().map(|m| view! {
                                    <option value=m.label(vagval_core::Lang::Sv) selected=move || municipality.get() == Some(m)>{move || m.label(i18n.lang())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    </div>
                    <button type="submit" data-testid=format!("{prefix}-start")>{i18n.tr(|t| t.v.start_voting)}</button>
                </form>
            </Show>
            // Kept mounted between participants: handing over clears it instead of tearing
            // down and rebuilding one row per inspel.
            // Parked with `content-visibility: hidden` rather than `hidden`: the browser keeps the
            // 200 rows' layout instead of tearing it down on submit and building it on hand-over.
            <div class:parked=move || step.get() != 1>
                <form class="card vote" on:submit=submit>
                    <h2 id=format!("{prefix}-vote-heading") tabindex="-1">{move || format!("{} {}", i18n.t().v.voting_as, participant.get().trim())}</h2>
                    <p class="hint">{move || crate::i18n::method_help(crate::i18n::method_kind(&method.get()), i18n.lang())}</p>
                    <Remaining method=method draft=draft item_count=Signal::derive(move || items.with(Vec::len))/>
                    {move || match method.get() {
                        Method::Ranking { top_k, .. } => {
                            let need = top_k.map_or(usize::MAX, |k| k as usize);
                            view! { <RankBallot items=items ranking=draft.ranking need=need/> }.into_any()
                        }
                        Method::Score { lo, hi } => view! { <ScaleBallot items=items values=draft.scores lo=lo hi=hi/> }.into_any(),
                        Method::Moscow => view! { <MoscowBallot items=items values=draft.moscow/> }.into_any(),
                        Method::ImpactEffort => view! { <ImpactBallot items=items values=draft.impact/> }.into_any(),
                        m => view! { <AllocBallot items=items draft=draft method=m/> }.into_any(),
                    }}
                    <p class="field-error" role="alert">{move || error.get()}</p>
                    <div class="row">
                        <button type="submit" data-testid=format!("{prefix}-submit")>{i18n.tr(|t| t.v.submit)}</button>
                        <button type="button" class="secondary" on:click=hand_over>{i18n.tr(|t| t.v.cancel)}</button>
                    </div>
                </form>
            </div>
            <Show when=move || step.get() == 2>
                <div class="card thanks" role="status">
                    <h2>{i18n.tr(|t| t.v.thanks)}</h2>
                    <p>{i18n.tr(|t| t.v.thanks_body)}</p>
                    <button type="button" id=format!("{prefix}-hand-over") on:click=hand_over data-testid=format!("{prefix}-hand-over")>{i18n.tr(|t| t.v.hand_over)}</button>
                </div>
            </Show>
        </div>
    }
}

/// What is left of the budget, or how many to rank; announced politely.
#[component]
fn Remaining(method: Memo<Method>, draft: Draft, item_count: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let t = &i18n.t().v;
        let used = draft.used.get();
        match method.get() {
            Method::Dots { budget, .. } => Some(format!(
                "{} {} {} {}",
                t.left,
                budget.saturating_sub(used),
                t.of,
                budget
            )),
            Method::Points { total, .. } => Some(format!(
                "{} {} {} {}",
                t.left,
                total.saturating_sub(used),
                t.of,
                total
            )),
            Method::Ranking { top_k, .. } => {
                let need = top_k.map_or(item_count.get(), |k| (k as usize).min(item_count.get()));
                let have = draft.ranking.with(Vec::len);
                Some(format!("{} {have} {} {need}", t.ranked, t.of))
            }
            _ => None,
        }
    };
    view! { <p class="remaining" aria-live="polite" data-testid="remaining">{text}</p> }
}

/// Dots, approval and points.
#[component]
fn AllocBallot(items: Memo<Vec<Item>>, draft: Draft, method: Method) -> impl IntoView {
    let (budget, cap, step) = match method {
        Method::Dots { budget, cap, .. } => (budget, cap, 1),
        Method::Points {
            total,
            max_per_item,
        } => (total, max_per_item.unwrap_or(total), 5),
        _ => (u32::MAX, 1, 1),
    };
    let approval = matches!(method, Method::Approval);
    // One sum for all rows (not one per row): a tap re-runs one memo, then only the rows
    // whose value or "budget used up" state changed touch the DOM.
    let used = draft.used;
    let full = Memo::new(move |_| used.get() >= budget);
    view! {
        <ul class="ballot-items">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                <AllocRow item=item draft=draft full=full budget=budget cap=cap step=step approval=approval/>
            </For>
        </ul>
    }
}

#[component]
#[allow(clippy::too_many_arguments)]
fn AllocRow(
    item: Item,
    draft: Draft,
    full: Memo<bool>,
    budget: u32,
    cap: u32,
    step: u32,
    approval: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (id, title, municipality) = item;
    // This row's own signal (kept across hand-overs; clearing sets it to 0).
    let value = draft
        .alloc
        .try_update_value(|a| {
            a.entry(id.clone())
                .or_insert_with(|| ArcRwSignal::new(0))
                .clone()
        })
        .unwrap_or_else(|| ArcRwSignal::new(0));
    let value = RwSignal::from(value);
    let used = draft.used;
    let change = move |delta: i64| {
        let now = i64::from(value.get_untracked());
        let room = i64::from(budget) - i64::from(used.get_untracked()) + now;
        let next = u32::try_from((now + delta).clamp(0, i64::from(cap).min(room))).unwrap_or(0);
        if i64::from(next) != now {
            value.set(next);
            used.update(|u| *u = (*u + next).saturating_sub(u32::try_from(now).unwrap_or(0)));
        }
    };
    let check_id = format!("approve-{id}");
    let add_label = format!("{} {title}", i18n.t().v.add_to);
    let remove_label = format!("{} {title}", i18n.t().v.remove_from);
    let (add, tap) = (change, change);
    view! {
        <li class="ballot-item" class:chosen=move || { value.get() > 0 }>
            {if approval {
                view! {
                    <label class="choice big">
                        <input id=check_id type="checkbox" prop:checked=move || { value.get() > 0 }
                            on:change=move |ev| { let on = event_target_checked(&ev); change(if on { 1 } else { -1 }) }/>
                        <span>{title}<span class="hint">" · "{municipality}</span></span>
                    </label>
                }.into_any()
            } else {
                view! {
                    // A large touch target for the same action as "+" (which keyboard and
                    // screen-reader users reach); not a second control for them.
                    <div class="item-tap" on:click=move |_| tap(i64::from(step))>
                        <span>{title}<span class="hint">" · "{municipality}</span></span>
                    </div>
                    <div class="stepper">
                        <button type="button" class="secondary" aria-label=remove_label on:click=move |_| change(-i64::from(step))
                            prop:disabled=move || value.get() == 0>"−"</button>
                        <output class="count" aria-live="off">{move || value.get()}</output>
                        <button type="button" class="secondary" aria-label=add_label on:click=move |_| add(i64::from(step))
                            prop:disabled=move || { value.get() >= cap || full.get() }>"+"</button>
                    </div>
                }.into_any()
            }}
            <About id=id/>
        </li>
    }
}

/// The inspel's description, for a participant who wants to read what they vote on (folded;
/// nothing when there is none).
#[component]
fn About(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let text = app
        .doc
        .with_untracked(|d| d.inspel.get(&id).and_then(|i| i.description().cloned()))
        .filter(|t| !t.trim().is_empty());
    text.map(|t| view! { <details class="about"><summary>{i18n.tr(|t| t.v.read_more)}</summary><p>{t}</p></details> })
}

/// Ranking: tap "Rangordna" on an item to append it, drag the handle (touch or mouse) or
/// use the arrow buttons to move it, tap again to take it out. The list of items never
/// changes shape, and a moved row gets its focus back, so keyboard users keep their place.
#[component]
fn RankBallot(items: Memo<Vec<Item>>, ranking: RwSignal<Vec<Id>>, need: usize) -> impl IntoView {
    let i18n = use_i18n();
    let dragging = RwSignal::new(None::<Id>);
    let title_of = move |id: &Id| {
        items.with(|v| {
            v.iter()
                .find(|i| &i.0 == id)
                .map(|i| i.1.clone())
                .unwrap_or_default()
        })
    };
    let full = Memo::new(move |_| ranking.with(Vec::len) >= need.min(items.with(Vec::len)));
    // Drag: the pointer's position picks the row it is over; the dragged item moves there.
    let over = move |ev: leptos::ev::PointerEvent| {
        let Some(id) = dragging.get_untracked() else {
            return;
        };
        ev.prevent_default();
        let target = document()
            .element_from_point(ev.client_x() as f32, ev.client_y() as f32)
            .and_then(|el| el.closest("li[data-rank]").ok().flatten())
            .and_then(|li| li.get_attribute("data-rank"))
            .and_then(|r| r.parse::<usize>().ok());
        if let Some(to) = target {
            ranking.update(|r| {
                if let Some(from) = r.iter().position(|x| *x == id)
                    && from != to
                    && to < r.len()
                {
                    let x = r.remove(from);
                    r.insert(to, x);
                }
            });
        }
    };
    view! {
        <h3 id="ranked-heading">{i18n.tr(|t| t.v.your_ranking)}</h3>
        <ol class="ranked" data-testid="ranked" aria-labelledby="ranked-heading" on:pointermove=over
            on:pointerup=move |_| dragging.set(None) on:pointercancel=move |_| dragging.set(None)>
            <For each=move || ranking.get() key=|id| id.clone() let:id>
                <RankedRow id=id.clone() title=title_of(&id) ranking=ranking dragging=dragging/>
            </For>
        </ol>
        <h3>{i18n.tr(|t| t.v.items)}</h3>
        <ul class="pool" data-testid="pool">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                {
                    let (id, title, municipality) = item;
                    let (a, b, c) = (id.clone(), id.clone(), id.clone());
                    let position = Memo::new(move |_| ranking.with(|r| r.iter().position(|x| *x == a)));
                    let label = Signal::derive(move || {
                        let t = &i18n.t().v;
                        match position.get() {
                            Some(p) => format!("{} {} – {}", t.ranked_as, p + 1, t.unrank_short),
                            None => t.rank_short.to_owned(),
                        }
                    });
                    let toggle = move |_| ranking.update(|r| {
                        if let Some(p) = r.iter().position(|x| *x == b) { r.remove(p); } else if !full.get_untracked() { r.push(b.clone()); }
                    });
                    view! {
                        <li class:chosen=move || position.with(Option::is_some)>
                            <span class="title" id=format!("pool-{c}")>{title}<span class="hint">" · "{municipality}</span></span>
                            <button type="button" class="secondary small" aria-describedby=format!("pool-{id}")
                                aria-pressed=Signal::derive(move || position.with(Option::is_some).to_string())
                                prop:disabled=Signal::derive(move || full.get() && position.with(Option::is_none))
                                on:click=toggle>{label}</button>
                            <About id=id.clone()/>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

/// Moves keyboard focus to the element with `id` once the DOM has caught up — unless focus has
/// moved on meanwhile (it is neither where it was, nor lost with a moved or hidden node): a
/// quick keyboard user's next control keeps it.
fn refocus(id: String) {
    let before = document().active_element();
    request_animation_frame(move || {
        let now = document().active_element();
        let lost = crate::view::focus_lost(now.as_ref());
        if !lost && now != before {
            return;
        }
        if let Some(el) = document().get_element_by_id(&id)
            && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
        {
            let _ = el.focus();
        }
    });
}

#[component]
fn RankedRow(
    id: Id,
    title: String,
    ranking: RwSignal<Vec<Id>>,
    dragging: RwSignal<Option<Id>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pos = {
        let id = id.clone();
        Memo::new(move |_| ranking.with(|r| r.iter().position(|x| *x == id).unwrap_or(0)))
    };
    let len = Memo::new(move |_| ranking.with(Vec::len));
    let (up_id, down_id) = (format!("up-{id}"), format!("down-{id}"));
    let step = {
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        move |delta: isize| {
            let p = pos.get_untracked();
            let Some(q) = p.checked_add_signed(delta) else {
                return;
            };
            ranking.update(|r| {
                if q < r.len() {
                    r.swap(p, q)
                }
            });
            // Keep focus on the arrow just used, or on the other one at the ends.
            let at_edge = (delta < 0 && q == 0) || (delta > 0 && q + 1 >= len.get_untracked());
            let keep = if (delta < 0) != at_edge {
                up_id.clone()
            } else {
                down_id.clone()
            };
            refocus(keep);
        }
    };
    let (up, down) = (step.clone(), step);
    let (a, b) = (id.clone(), id.clone());
    let t = i18n.t();
    view! {
        <li data-rank=move || pos.get().to_string() class:dragging=move || dragging.with(|x| x.as_ref() == Some(&a))>
            <span class="handle" aria-hidden="true" on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                ev.prevent_default();
                // The list, not the handle, holds the pointer: the row (and its handle) moves in
                // the DOM as it is dragged, and a moved element would lose the touch.
                let list = ev.target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|el| el.closest("ol.ranked").ok().flatten());
                if let Some(list) = list {
                    let _ = list.set_pointer_capture(ev.pointer_id());
                }
                dragging.set(Some(b.clone()));
            }>"⠿"</span>
            <span class="pos">{move || pos.get() + 1}"."</span>
            <span class="title">{title.clone()}</span>
            <button type="button" id=up_id class="secondary small" aria-label=format!("{} {title}", t.v.move_up)
                on:click=move |_| up(-1) prop:disabled=move || pos.get() == 0>"↑"</button>
            <button type="button" id=down_id class="secondary small" aria-label=format!("{} {title}", t.v.move_down)
                on:click=move |_| down(1) prop:disabled=move || { pos.get() + 1 >= len.get() }>"↓"</button>
        </li>
    }
}

/// Score 1–5 (items may be skipped).
#[component]
fn ScaleBallot(
    items: Memo<Vec<Item>>,
    values: RwSignal<BTreeMap<Id, u8>>,
    lo: u8,
    hi: u8,
) -> impl IntoView {
    view! {
        <div class="ballot-items">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                {
                    let (id, title, _) = item;
                    let options: Vec<(u8, String)> = (lo..=hi).map(|v| (v, v.to_string())).collect();
                    let get = { let id = id.clone(); move || values.with(|m| m.get(&id).copied()) };
                    let set = move |v: Option<u8>| values.update(|m| { match v { Some(v) => { m.insert(id.clone(), v); } None => { m.remove(&id); } } });
                    view! { <Choices title=title options=options get=Signal::derive(get) set=Callback::new(set)/> }
                }
            </For>
        </div>
    }
}

/// MoSCoW (items may be skipped).
#[component]
fn MoscowBallot(items: Memo<Vec<Item>>, values: RwSignal<BTreeMap<Id, Moscow>>) -> impl IntoView {
    let i18n = use_i18n();
    const ALL: [Moscow; 4] = [Moscow::Must, Moscow::Should, Moscow::Could, Moscow::Wont];
    view! {
        <div class="ballot-items">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                {
                    let (id, title, _) = item;
                    let options: Vec<(u8, String)> = ALL.iter().map(|m| (m.points(), crate::i18n::moscow_label(*m, i18n.lang()).to_owned())).collect();
                    let get = { let id = id.clone(); move || values.with(|m| m.get(&id).map(|x| x.points())) };
                    let set = move |v: Option<u8>| values.update(|m| {
                        match v.and_then(|p| ALL.iter().find(|x| x.points() == p)) {
                            Some(x) => { m.insert(id.clone(), *x); }
                            None => { m.remove(&id); }
                        }
                    });
                    view! { <Choices title=title options=options get=Signal::derive(get) set=Callback::new(set)/> }
                }
            </For>
        </div>
    }
}

/// Impact and effort, 1–5 each.
#[component]
fn ImpactBallot(items: Memo<Vec<Item>>, values: RwSignal<BTreeMap<Id, [u8; 2]>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="ballot-items">
            <For each=move || items.get() key=|i| i.0.clone() let:item>
                {
                    let (id, title, _) = item;
                    let part = |k: usize, label: &'static str| {
                        let options: Vec<(u8, String)> = (1..=5).map(|v| (v, v.to_string())).collect();
                        let (gid, sid) = (id.clone(), id.clone());
                        let get = move || values.with(|m| m.get(&gid).map(|p| p[k]).filter(|v| *v > 0));
                        let set = move |v: Option<u8>| values.update(|m| {
                            let e = m.entry(sid.clone()).or_insert([0, 0]);
                            e[k] = v.unwrap_or(0);
                        });
                        view! { <Choices title=format!("{title}: {label}") options=options get=Signal::derive(get) set=Callback::new(set)/> }
                    };
                    let t = i18n.t();
                    view! { <div class="pair">{part(0, t.v.impact)}{part(1, t.v.effort)}</div> }
                }
            </For>
        </div>
    }
}

/// A radio group with a "skip" choice: large targets, arrow keys move within the group.
#[component]
fn Choices(
    title: String,
    options: Vec<(u8, String)>,
    get: Signal<Option<u8>>,
    set: Callback<Option<u8>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("c{}", js_sys::Math::random().to_bits());
    let skip_name = name.clone();
    view! {
        <fieldset class="choices">
            <legend>{title}</legend>
            {options.into_iter().map(|(v, label)| {
                let name = name.clone();
                view! {
                    <label class="pill">
                        <input type="radio" name=name prop:checked=move || get.get() == Some(v) on:change=move |_| set.run(Some(v))/>
                        <span>{label}</span>
                    </label>
                }
            }).collect_view()}
            <label class="pill skip">
                <input type="radio" name=skip_name prop:checked=move || get.get().is_none() on:change=move |_| set.run(None)/>
                <span>{i18n.tr(|t| t.v.skip)}</span>
            </label>
        </fieldset>
    }
}

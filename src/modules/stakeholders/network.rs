//! The network view: the actors where the force layout or the user put them, the relations
//! as lines (arrow = directed, dashed = conflict, thicker = heavier). Drag with touch, pen or
//! mouse (pointer events), pinch or wheel to zoom, drag the background to pan; Tab through
//! the actors, arrows move the focused one, Enter selects it (its neighbours highlighted),
//! C connects the selected to the focused. Every move is a command (`map::place`); the
//! first saves the whole arrangement. Each actor's place is its own memo, so a drag frame
//! touches one node and its lines.
use leptos::prelude::*;
use vagval_core::crdt::Record;
use vagval_core::stakeholders::actor::{ActorType, Pos, RelationType};
use vagval_core::stakeholders::map::{self, Filter};
use vagval_core::stakeholders::svg::{NODE, colour, edge};
use vagval_core::{Id, Localized};
use wasm_bindgen::JsCast;

use super::metrics::TypeFilter;
use super::texts::StakeholdersI18n;
use super::{ACTOR, Head};
use crate::file_io::offer;
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;

/// What the drawing is built from: everything but the positions, so that a move does not
/// rebuild it.
#[derive(Clone, PartialEq, Default)]
struct Net {
    ids: Vec<Id>,
    names: Vec<String>,
    types: Vec<ActorType>,
    tags: Vec<Vec<String>>,
    /// from, to, type, weight, mutual.
    links: Vec<(usize, usize, RelationType, u8, bool)>,
}

fn net(doc: &vagval_core::Doc) -> Net {
    let actors = map::live_actors(doc);
    let at: std::collections::BTreeMap<&Id, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id(), i))
        .collect();
    let links = map::live_relations(doc)
        .into_iter()
        .filter_map(|(_, _, r)| {
            Some((
                *at.get(r.from()?)?,
                *at.get(r.to()?)?,
                r.relation_type().copied().unwrap_or_default(),
                r.weight().copied().unwrap_or(1),
                r.mutual() == Some(&true),
            ))
        })
        .collect();
    Net {
        ids: actors.iter().map(|a| a.id().clone()).collect(),
        names: actors
            .iter()
            .map(|a| a.name().cloned().unwrap_or_default())
            .collect(),
        types: actors
            .iter()
            .map(|a| a.actor_type().copied().unwrap_or_default())
            .collect(),
        tags: actors
            .iter()
            .map(|a| a.tags().cloned().unwrap_or_default())
            .collect(),
        links,
    }
}

/// What a layout depends on: the drawing's structure and the saved places.
type LayoutKey = (Net, Vec<Option<Pos>>);

thread_local! {
    /// The last layout, so that coming back to the view does not lay the map out again.
    static LAST: std::cell::RefCell<Option<(LayoutKey, Vec<Pos>)>> = const { std::cell::RefCell::new(None) };
}

/// [`map::arrangement`] of `doc`, from [`LAST`] when nothing it depends on changed.
fn arranged(n: &Net, doc: &vagval_core::Doc) -> Vec<Pos> {
    let saved: Vec<Option<Pos>> = map::live_actors(doc)
        .iter()
        .map(|a| a.pos().copied().flatten())
        .collect();
    LAST.with_borrow_mut(|last| {
        if let Some(((net, s), at)) = last.as_ref()
            && net == n
            && *s == saved
        {
            return at.clone();
        }
        let at = map::arrangement(doc);
        *last = Some(((n.clone(), saved), at.clone()));
        at
    })
}

/// Most relations for which the relation table is open by default.
const TABLE_OPEN_MAX: usize = 100;

/// The view box: left, top, width (square).
type ViewBox = (f64, f64, f64);
const HOME: ViewBox = (-560.0, -560.0, 1120.0);

/// Where the drawing is on screen: left, top, width, height (read once per gesture, so
/// that a drag frame forces no layout).
type Frame = (f64, f64, f64, f64);

fn frame_of(el: &web_sys::Element) -> Frame {
    let r = el.get_bounding_client_rect();
    (r.left(), r.top(), r.width(), r.height())
}

/// The point of the drawing under client point (`cx`, `cy`) (meet, centred).
fn to_map(r: Frame, vb: ViewBox, cx: f64, cy: f64) -> (f64, f64) {
    let side = r.2.min(r.3).max(1.0);
    let scale = side / vb.2;
    let ox = r.0 + (r.2 - side) / 2.0;
    let oy = r.1 + (r.3 - side) / 2.0;
    (vb.0 + (cx - ox) / scale, vb.1 + (cy - oy) / scale)
}

/// `vb` zoomed by `f` (> 1: in) around the drawing's point `at`.
fn zoom(vb: ViewBox, f: f64, at: (f64, f64)) -> ViewBox {
    let w = (vb.2 / f).clamp(100.0, 20_000.0);
    let k = w / vb.2;
    (at.0 - (at.0 - vb.0) * k, at.1 - (at.1 - vb.1) * k, w)
}

#[allow(clippy::cast_possible_truncation)]
fn pos(x: f64, y: f64) -> Pos {
    let m = f64::from(vagval_core::stakeholders::actor::POS_MAX);
    Pos {
        x: x.round().clamp(-m, m) as i32,
        y: y.round().clamp(-m, m) as i32,
    }
}

/// What the pointer is doing.
#[derive(Clone, Copy, PartialEq)]
enum Gesture {
    None,
    /// Dragging actor `i` with pointer `id`; moved yet?
    Node {
        i: usize,
        id: i32,
        moved: bool,
    },
    /// Panning from the drawing point under the pointer.
    Pan {
        id: i32,
        from: (f64, f64),
    },
}

fn type_name(i: usize, lang: vagval_core::Lang) -> &'static str {
    ActorType::ALL.get(i).map_or("", |t| t.label(lang))
}

#[component]
pub(super) fn NetworkPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let structure = Memo::new(move |_| app.doc.with(net));
    let places = Memo::new(move |_| structure.with(|n| app.doc.with(|d| arranged(n, d))));
    let drag = RwSignal::new(None::<(usize, f64, f64)>);
    let vb = RwSignal::new(HOME);
    let gesture = StoredValue::new(Gesture::None);
    let frame = StoredValue::new((0.0, 0.0, 1.0, 1.0));
    // Active pointers on the background (for pinch): id → client point.
    let touches = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let selected = RwSignal::new(None::<usize>);
    let type_filter = RwSignal::new(None::<usize>);
    let tag_filter = RwSignal::new(None::<String>);
    let rel_filter = RwSignal::new(Filter::default());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);

    let shown = move |i: usize| {
        structure.with(|n| {
            let t = type_filter
                .get()
                .and_then(|k| ActorType::ALL.get(k).copied());
            t.is_none_or(|t| n.types.get(i) == Some(&t))
                && tag_filter.with(|f| {
                    f.as_ref()
                        .is_none_or(|f| n.tags.get(i).is_some_and(|v| v.contains(f)))
                })
        })
    };
    let neighbours = Memo::new(move |_| {
        let Some(s) = selected.get() else {
            return Vec::new();
        };
        structure.with(|n| {
            let mut v: Vec<usize> = n
                .links
                .iter()
                .filter_map(|&(a, b, ..)| {
                    if a == s {
                        Some(b)
                    } else if b == s {
                        Some(a)
                    } else {
                        None
                    }
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
    });
    let commit = move |i: usize, to: Pos| {
        let cmd = app
            .doc
            .with_untracked(|d| places.with_untracked(|now| map::place(d, now, i, to)));
        if let Err(e) = app.dispatch(&cmd) {
            error.set(Some(e.message(i18n.lang())));
        }
    };
    let connect = move |from: usize, to: usize| {
        let ids = structure.with_untracked(|n| (n.ids.get(from).cloned(), n.ids.get(to).cloned()));
        if let (Some(a), Some(b)) = ids {
            match app.dispatch(&map::connect(
                &new_id(),
                &a,
                &b,
                RelationType::Collaboration,
                1,
                false,
            )) {
                Ok(()) => status.set(Some(i18n.s().connected.to_owned())),
                Err(e) => error.set(Some(e.message(i18n.lang()))),
            }
        }
    };

    let el_of = |ev: &web_sys::PointerEvent| {
        ev.current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    };
    let down_bg = move |ev: web_sys::PointerEvent| {
        let Some(el) = el_of(&ev) else { return };
        let _ = el.set_pointer_capture(ev.pointer_id());
        frame.set_value(frame_of(&el));
        let (cx, cy) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        touches.update_value(|t| {
            t.retain(|p| p.0 != ev.pointer_id());
            t.push((ev.pointer_id(), cx, cy));
        });
        if matches!(gesture.get_value(), Gesture::None) {
            let from = to_map(frame.get_value(), vb.get_untracked(), cx, cy);
            gesture.set_value(Gesture::Pan {
                id: ev.pointer_id(),
                from,
            });
        }
    };
    let move_any = move |ev: web_sys::PointerEvent| {
        let el = frame.get_value();
        let (cx, cy) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let view_box = vb.get_untracked();
        match gesture.get_value() {
            Gesture::Node { i, id, .. } if id == ev.pointer_id() => {
                let (x, y) = to_map(el, view_box, cx, cy);
                gesture.set_value(Gesture::Node { i, id, moved: true });
                drag.set(Some((i, x, y)));
            }
            Gesture::Pan { id, from } if id == ev.pointer_id() => {
                let two = touches.with_value(|t| t.len() >= 2);
                if two {
                    // Pinch: zoom by the change of the two pointers' distance.
                    let before = touches.with_value(|t| (t[0], t[1]));
                    touches.update_value(|t| {
                        for p in t.iter_mut() {
                            if p.0 == ev.pointer_id() {
                                (p.1, p.2) = (cx, cy);
                            }
                        }
                    });
                    let after = touches.with_value(|t| (t[0], t[1]));
                    let d = |a: (i32, f64, f64), b: (i32, f64, f64)| {
                        (a.1 - b.1).hypot(a.2 - b.2).max(1.0)
                    };
                    let f = d(after.0, after.1) / d(before.0, before.1);
                    let mid = to_map(
                        el,
                        view_box,
                        (after.0.1 + after.1.1) / 2.0,
                        (after.0.2 + after.1.2) / 2.0,
                    );
                    vb.set(zoom(view_box, f, mid));
                } else {
                    let (x, y) = to_map(el, view_box, cx, cy);
                    vb.set((
                        view_box.0 - (x - from.0),
                        view_box.1 - (y - from.1),
                        view_box.2,
                    ));
                }
            }
            _ => {
                touches.update_value(|t| {
                    for p in t.iter_mut() {
                        if p.0 == ev.pointer_id() {
                            (p.1, p.2) = (cx, cy);
                        }
                    }
                });
            }
        }
    };
    let up_any = move |ev: web_sys::PointerEvent| {
        touches.update_value(|t| t.retain(|p| p.0 != ev.pointer_id()));
        match gesture.get_value() {
            Gesture::Node { i, id, moved } if id == ev.pointer_id() => {
                gesture.set_value(Gesture::None);
                if let (true, Some((_, x, y))) = (moved, drag.get_untracked()) {
                    commit(i, pos(x, y));
                } else {
                    selected.set(if selected.get_untracked() == Some(i) {
                        None
                    } else {
                        Some(i)
                    });
                }
                drag.set(None);
            }
            Gesture::Pan { id, .. } if id == ev.pointer_id() => gesture.set_value(Gesture::None),
            _ => {}
        }
    };
    let wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let at = to_map(
            frame_of(&el),
            vb.get_untracked(),
            f64::from(ev.client_x()),
            f64::from(ev.client_y()),
        );
        let f = if ev.delta_y() < 0.0 { 1.2 } else { 1.0 / 1.2 };
        vb.set(zoom(vb.get_untracked(), f, at));
    };

    let drawing = move || {
        let n = structure.get();
        let lang = i18n.lang();
        let at: Vec<Memo<(f64, f64)>> = (0..n.ids.len())
            .map(|i| {
                Memo::new(move |_| match drag.get() {
                    Some((j, x, y)) if j == i => (x, y),
                    _ => places.with(|p| {
                        p.get(i)
                            .map_or((0.0, 0.0), |p| (f64::from(p.x), f64::from(p.y)))
                    }),
                })
            })
            .collect();
        let lines = n
            .links
            .iter()
            .map(|&(a, b, t, w, mutual)| {
                let (pa, pb) = (at.get(a).copied(), at.get(b).copied());
                let d = move || {
                    let (Some(pa), Some(pb)) = (pa, pb) else { return String::new() };
                    let r = |p: (f64, f64)| pos(p.0, p.1);
                    let (p, q) = (r(pa.get()), r(pb.get()));
                    edge((p.x, p.y), (q.x, q.y)).map_or(String::new(), |(x1, y1, x2, y2)| format!("M{x1:.0} {y1:.0}L{x2:.0} {y2:.0}"))
                };
                let visible = move || shown(a) && shown(b) && rel_filter.with(|f| f.relation_types.is_empty() || f.relation_types.contains(&t));
                let class = move || {
                    let lit = selected.get().is_some_and(|s| s == a || s == b);
                    format!(
                        "link{}{}{}",
                        if t == RelationType::Conflict { " conflict" } else { "" },
                        if lit { " lit" } else { "" },
                        if visible() { "" } else { " hidden" }
                    )
                };
                view! {
                    <path d=d class=class stroke-width=(1 + 2 * u32::from(w)).to_string() marker-end=(!mutual).then_some("url(#map-arrow)")></path>
                }
            })
            .collect_view();
        let nodes = (0..n.ids.len())
            .map(|i| {
                let p = at.get(i).copied();
                let name = n.names.get(i).cloned().unwrap_or_default();
                let t = n.types.get(i).copied().unwrap_or_default();
                let transform = move || p.map_or(String::new(), |p| { let (x, y) = p.get(); format!("translate({x:.0} {y:.0})") });
                let class = move || {
                    let sel = selected.get();
                    let near = neighbours.with(|v| v.binary_search(&i).is_ok());
                    format!(
                        "actor{}{}{}",
                        if sel == Some(i) { " selected" } else { "" },
                        if near { " near" } else if sel.is_some_and(|s| s != i) { " dim" } else { "" },
                        if shown(i) { "" } else { " hidden" }
                    )
                };
                let down = move |ev: web_sys::PointerEvent| {
                    ev.stop_propagation();
                    if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|e| e.closest("svg").ok().flatten())
                    {
                        let _ = el.set_pointer_capture(ev.pointer_id());
                        frame.set_value(frame_of(&el));
                    }
                    gesture.set_value(Gesture::Node { i, id: ev.pointer_id(), moved: false });
                };
                let key = move |ev: web_sys::KeyboardEvent| {
                    let step = if ev.shift_key() { 50.0 } else { 10.0 };
                    let d = match ev.key().as_str() {
                        "ArrowLeft" => (-step, 0.0),
                        "ArrowRight" => (step, 0.0),
                        "ArrowUp" => (0.0, -step),
                        "ArrowDown" => (0.0, step),
                        "Enter" | " " => {
                            ev.prevent_default();
                            selected.set(if selected.get_untracked() == Some(i) { None } else { Some(i) });
                            return;
                        }
                        "c" | "C" | "k" | "K" => {
                            if let Some(s) = selected.get_untracked().filter(|s| *s != i) {
                                connect(s, i);
                            }
                            return;
                        }
                        "Escape" => {
                            selected.set(None);
                            return;
                        }
                        _ => return,
                    };
                    ev.prevent_default();
                    if let Some(p) = p {
                        let (x, y) = p.get_untracked();
                        commit(i, pos(x + d.0, y + d.1));
                    }
                };
                let label = format!("{name}, {}", t.label(lang));
                let data_name = name.clone();
                view! {
                    <g class=class transform=transform tabindex="0" role="button" aria-label=label data-testid="map-actor" data-name=data_name
                        on:pointerdown=down on:keydown=key>
                        <circle r=NODE.to_string() fill=colour(t)></circle>
                        <text y=(NODE + 18).to_string() text-anchor="middle">{name}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="map" data-testid="map" role="group" aria-label=i18n.s().network_label
                viewBox=move || { let (x, y, w) = vb.get(); format!("{x:.0} {y:.0} {w:.0} {w:.0}") }
                on:pointerdown=down_bg on:pointermove=move_any on:pointerup=up_any on:pointercancel=up_any on:wheel=wheel>
                <defs>
                    <marker id="map-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" orient="auto">
                        <path d="M0,0 L10,5 L0,10 z" class="map-arrow"></path>
                    </marker>
                </defs>
                <g class="links">{lines}</g>
                <g class="actors">{nodes}</g>
            </svg>
        }
    };

    let side = move || {
        let s = i18n.s();
        let lang = i18n.lang();
        structure.with(|n| match selected.get().filter(|i| *i < n.ids.len()) {
            None => view! { <p class="hint">{s.select_hint}</p> }.into_any(),
            Some(i) => {
                let near = neighbours.get();
                view! {
                    <h3>{format!("{}: {}", s.selected, n.names[i])}</h3>
                    <p>{n.types[i].label(lang)}{" · "}<a href=format!("{ACTOR}{}", n.ids[i])>{s.open_actor}</a></p>
                    <h4>{s.neighbours}</h4>
                    <ul class="plain-list" data-testid="neighbours">{near.into_iter().map(|j| view! { <li>{n.names.get(j).cloned()}</li> }).collect_view()}</ul>
                }
                .into_any()
            }
        })
    };
    let table = move || {
        let s = i18n.s();
        let lang = i18n.lang();
        structure.with(|n| {
            let rows = n
                .links
                .iter()
                .map(|&(a, b, t, w, mutual)| view! {
                    <tr><td>{n.names[a].clone()}</td><td>{n.names[b].clone()}</td>
                        <td>{if mutual { s.both_word } else { s.out_word }}</td><td>{t.label(lang)}</td><td>{w.to_string()}</td></tr>
                })
                .collect_view();
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="map-table-caption">
                    <table class="data-table" data-testid="map-table">
                        <caption id="map-table-caption">{s.relations_table}</caption>
                        <thead><tr><th scope="col">{s.from}</th><th scope="col">{s.to}</th><th scope="col">{s.direction}</th><th scope="col">{s.actor_type}</th><th scope="col">{s.weight}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };
    // The relation table is open by default on a small map; on a large one (thousands of
    // cells) it is drawn when asked for, so that the drawing comes first.
    let show_table = RwSignal::new(None::<bool>);
    let table_open = move || {
        show_table
            .get()
            .unwrap_or_else(|| structure.with(|n| n.links.len() <= TABLE_OPEN_MAX))
    };
    let tags = Memo::new(move |_| {
        structure.with(|n| {
            let mut v: Vec<String> = n.tags.iter().flatten().cloned().collect();
            v.sort();
            v.dedup();
            v
        })
    });
    let doc_name = move || app.doc.with_untracked(|d| crate::file_io::slug(d.name()));
    let export_svg = move |_| {
        let text = app
            .doc
            .with_untracked(|d| vagval_core::stakeholders::svg::svg(d, d.name(), i18n.lang()));
        offer(
            &format!("{}-karta.svg", doc_name()),
            &text,
            "image/svg+xml",
            error,
            i18n.lang(),
        );
    };
    let export_png = move |_| {
        let text = app
            .doc
            .with_untracked(|d| vagval_core::stakeholders::svg::svg(d, d.name(), i18n.lang()));
        let name = format!("{}-karta.png", doc_name());
        leptos::task::spawn_local(async move {
            if crate::file_io::download_png(&name, &text).await.is_err() {
                error.set(Some(i18n.t().download_failed.to_owned()));
            }
        });
    };
    let zoom_by = move |f: f64| {
        let v = vb.get_untracked();
        vb.set(zoom(v, f, (v.0 + v.2 / 2.0, v.1 + v.2 / 2.0)));
    };
    view! {
        <article class="page stakeholders network-page">
            <Head current=1 lead=|t| t.network_help/>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status" class="visually-hidden-status" data-testid="status">{move || status.get()}</p>
            <div class="row filters">
                <SelectField id="map-type" label=i18n.trs(|t| t.filter_type) count=ActorType::ALL.len() name=type_name
                    empty=i18n.trs(|t| t.all) on_change=Callback::new(move |i| type_filter.set(i))/>
                <div class="field">
                    <label for="map-tag">{i18n.trs(|t| t.filter_tag)}</label>
                    <select id="map-tag" on:change=move |ev| { let v = event_target_value(&ev); tag_filter.set((!v.is_empty()).then_some(v)); }>
                        <option value="">{i18n.trs(|t| t.all)}</option>
                        {move || tags.get().into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <TypeFilter types=rel_filter/>
            <div class="row zoom">
                <button type="button" class="secondary" on:click=move |_| zoom_by(1.25)>{i18n.trs(|t| t.zoom_in)}</button>
                <button type="button" class="secondary" on:click=move |_| zoom_by(0.8)>{i18n.trs(|t| t.zoom_out)}</button>
                <button type="button" class="secondary" on:click=move |_| vb.set(HOME)>{i18n.trs(|t| t.zoom_reset)}</button>
                <button type="button" class="secondary" data-testid="export-svg" on:click=export_svg>{i18n.trs(|t| t.export_svg)}</button>
                <button type="button" class="secondary" data-testid="export-png" on:click=export_png>{i18n.trs(|t| t.export_png)}</button>
                <crate::ui::ProjectorButton label=i18n.trs(|t| t.projector)/>
            </div>
            <div class="map-wrap">
                {drawing}
                <aside class="map-side card" aria-live="polite">{side}</aside>
            </div>
            <p class="hint">{i18n.trs(|t| t.legend_lines)}</p>
            <button type="button" class="secondary" data-testid="map-table-toggle" aria-expanded=move || table_open().to_string()
                on:click=move |_| show_table.set(Some(!table_open()))>
                {move || format!("{} ({})", i18n.s().relations_table, structure.with(|n| n.links.len()))}
            </button>
            {move || table_open().then(table)}
        </article>
    }
}

//! The effect-chain editor: the levels as columns left to right, the nodes as boxes, the
//! arrows as curves, the chain's problems beside it. Touch, pen or mouse: tap a node to select
//! it, drag it to another column or row, "Dra pil" then tap the node it leads to. Keyboard:
//! Tab to a node, Enter selects it (or, while drawing an arrow, ends the arrow there), the
//! arrow keys move it one column or one row, K starts an arrow from it, Delete puts it in the
//! trash, Escape cancels. A level can be folded to a narrow column so a big chain fits a
//! projector; the page prints on A3. Every change is one core command
//! (`vagval_core::actions::workflow`), so "Ångra" takes it back.
use leptos::prelude::*;
use vagval_core::actions::chain::Level;
use vagval_core::actions::diagram::{self, HEAD_H, NODE_H, NODE_W, ROW_H, columns, drop_at, place};
use vagval_core::actions::records::{ChainNode, Indicator, ResultChain};
use vagval_core::actions::workflow::{self, Owner};
use vagval_core::{Command, Id, Kind, Localized};
use wasm_bindgen::JsCast;

use super::fields::{level_name, result_chain_name, status_name};
use super::texts::ActionsI18n;
use super::{INDICATOR, param};
use crate::i18n::use_i18n;
use crate::state::{new_id, use_app};
use crate::ui::SelectField;
use crate::ui::link_list;

/// What the pointer is doing.
#[derive(Clone, PartialEq)]
enum Gesture {
    None,
    /// Pressed on node `id` at client point `at`, its box then at `origin`; `scale` drawing
    /// units per pixel; moved past the slop yet?
    Node {
        id: Id,
        pointer: i32,
        at: (f64, f64),
        origin: (f64, f64),
        scale: f64,
        moved: bool,
    },
}

/// Most nodes for which the chain's table is open by default.
const TABLE_OPEN_MAX: usize = 60;

/// Pixels a press may move and still be a tap.
const SLOP: f64 = 6.0;

/// A title in at most two lines of about `n` characters, cut after the last word that fits
/// (the full title is the node's tooltip and name; what shows is always its first words, so
/// the visible text is part of the name).
fn lines(title: &str, n: usize) -> (String, String) {
    let mut first = String::new();
    let mut rest = String::new();
    for w in title.split_whitespace() {
        let target = if rest.is_empty() && first.chars().count() + w.chars().count() < n {
            &mut first
        } else {
            &mut rest
        };
        if !target.is_empty() {
            target.push(' ');
        }
        target.push_str(w);
    }
    // The second line keeps whole words while they fit (at least one), so what shows is
    // the title's first words.
    let mut cut = String::new();
    for w in rest.split(' ') {
        if !cut.is_empty() && cut.chars().count() + 1 + w.chars().count() > n {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(w);
    }
    (first, cut)
}

/// Whose chain the page shows, and its heading.
fn owner_of(doc: &vagval_core::Doc, id: &Id) -> Option<(bool, String)> {
    if let Some(a) = doc.areas.get(id).filter(|a| a.removed() != Some(&true)) {
        let t = a.title().cloned().unwrap_or_default();
        return Some((true, a.number().map_or(t.clone(), |n| format!("{n}. {t}"))));
    }
    doc.projects
        .get(id)
        .filter(|p| p.removed() != Some(&true))
        .map(|p| (false, p.title().cloned().unwrap_or_default()))
}

#[component]
pub(super) fn ChainPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let router = crate::app::router::use_route();
    let owner = param(super::CHAIN);
    crate::app::pages::page_title(move || i18n.s().chain_title);
    let Some(owner) = owner else {
        return view! { <article class="page action-areas"><p>{move || i18n.s().no_chain}</p></article> }.into_any();
    };
    let head = {
        let owner = owner.clone();
        Memo::new(move |_| app.doc.with(|d| owner_of(d, &owner)))
    };
    let chain = {
        let owner = owner.clone();
        Memo::new(move |_| {
            let lang = i18n.lang();
            app.doc.with(|d| diagram::chain(d, &owner, lang))
        })
    };
    let folded = RwSignal::new([false; 7]);
    let cols = Memo::new(move |_| columns(&folded.get()));
    let selected = RwSignal::new(None::<Id>);
    let connecting = RwSignal::new(false);
    // The node being dragged (changes when a drag starts or ends) and where its box is (each
    // frame): only that node and its arrows read the second, so a frame redraws just them.
    let dragging = RwSignal::new(None::<Id>);
    let drag_at = RwSignal::new((0.0_f64, 0.0_f64));
    let gesture = StoredValue::new(Gesture::None);
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let new_title = RwSignal::new(String::new());
    let new_level = RwSignal::new(1usize);
    let rename = RwSignal::new(String::new());

    let index_of = move |id: &Id| chain.with_untracked(|c| c.ids.iter().position(|x| x == id));
    let run = move |cmd: &Command, done: &'static str| {
        if app.run(cmd, error, i18n.lang()) {
            status.set(Some(done.to_owned()));
        }
    };
    let connect_to = move |to: &Id| {
        let Some(from) = selected.get_untracked() else {
            return;
        };
        connecting.set(false);
        let cmd = app
            .doc
            .with_untracked(|d| workflow::connect(d, &new_id(), &from, to));
        match cmd {
            Ok(c) => run(&c, i18n.s().connected),
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    let step = move |id: &Id, dc: i8, dr: i8| {
        let Some(i) = index_of(id) else { return };
        let moves = chain.with_untracked(|c| diagram::step(c, i, dc, dr));
        if moves.is_empty() {
            return;
        }
        let commands = moves
            .iter()
            .map(|(id, level, row)| workflow::move_node(id, *level, *row))
            .collect();
        run(&Command::Batch { commands }, i18n.s().moved);
    };
    let remove = move |id: &Id| {
        let cmd = app.doc.with_untracked(|d| workflow::remove_node(d, id));
        match cmd {
            Ok(c) => {
                selected.set(None);
                connecting.set(false);
                run(&c, i18n.s().removed_node);
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    let owner_add = owner.clone();
    let owner_details = owner.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = new_title.get_untracked().trim().to_owned();
        if title.is_empty() {
            error.set(Some(i18n.s().title_needed.to_owned()));
            return;
        }
        let Some(is_area) = head.get_untracked().map(|h| h.0) else {
            return;
        };
        let level = Level::ALL
            .get(new_level.get_untracked())
            .copied()
            .unwrap_or_default();
        let id = new_id();
        let who = if is_area {
            Owner::Area(&owner_add)
        } else {
            Owner::Project(&owner_add)
        };
        let cmd = app
            .doc
            .with_untracked(|d| workflow::add_node(d, &id, who, level, &title));
        if app.run(&cmd, error, i18n.lang()) {
            new_title.set(String::new());
            selected.set(Some(id));
            status.set(Some(format!("{} {title}", i18n.s().added_node)));
        }
    };

    // Pointer: a press on a node starts a gesture; moves on the drawing drag it; the release
    // drops it (a command) or, without a move, is a tap.
    let down_node = move |id: Id, ev: web_sys::PointerEvent| {
        ev.stop_propagation();
        let Some(svg) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("svg").ok().flatten())
        else {
            return;
        };
        let _ = svg.set_pointer_capture(ev.pointer_id());
        let r = svg.get_bounding_client_rect();
        let w = diagram::width(&folded.get_untracked());
        let scale = w / r.width().max(1.0);
        let Some(i) = index_of(&id) else { return };
        let origin =
            chain.with_untracked(|c| place(&cols.get_untracked(), c.columns[i], c.slots[i]));
        gesture.set_value(Gesture::Node {
            id,
            pointer: ev.pointer_id(),
            at: (f64::from(ev.client_x()), f64::from(ev.client_y())),
            origin,
            scale,
            moved: false,
        });
    };
    let move_any = move |ev: web_sys::PointerEvent| {
        let Gesture::Node {
            id,
            pointer,
            at,
            origin,
            scale,
            moved,
        } = gesture.get_value()
        else {
            return;
        };
        if pointer != ev.pointer_id() {
            return;
        }
        let (dx, dy) = (
            f64::from(ev.client_x()) - at.0,
            f64::from(ev.client_y()) - at.1,
        );
        if !moved && dx.hypot(dy) < SLOP {
            return;
        }
        if !moved {
            gesture.set_value(Gesture::Node {
                id: id.clone(),
                pointer,
                at,
                origin,
                scale,
                moved: true,
            });
        }
        if dragging.with_untracked(|d| d.as_ref() != Some(&id)) {
            dragging.set(Some(id));
        }
        drag_at.set((origin.0 + dx * scale, origin.1 + dy * scale));
    };
    let up_any = move |ev: web_sys::PointerEvent| {
        let Gesture::Node {
            id, pointer, moved, ..
        } = gesture.get_value()
        else {
            return;
        };
        if pointer != ev.pointer_id() {
            return;
        }
        gesture.set_value(Gesture::None);
        let dropped = dragging.get_untracked().map(|_| drag_at.get_untracked());
        dragging.set(None);
        if ev.type_() == "pointercancel" {
            // The browser took the gesture (a scroll, a call): the node goes back.
        } else if moved {
            if let Some((x, y)) = dropped {
                let (level, row) = drop_at(&cols.get_untracked(), x, y);
                run(&workflow::move_node(&id, level, row), i18n.s().moved);
            }
        } else if connecting.get_untracked() && selected.get_untracked().is_some_and(|s| s != id) {
            connect_to(&id);
        } else {
            let again = selected.get_untracked().as_ref() == Some(&id);
            selected.set((!again).then_some(id));
        }
    };
    let key_node = move |id: Id, ev: web_sys::KeyboardEvent| {
        match ev.key().as_str() {
            "Enter" | " " => {
                if connecting.get_untracked() && selected.get_untracked().is_some_and(|s| s != id) {
                    connect_to(&id);
                } else {
                    let again = selected.get_untracked().as_ref() == Some(&id);
                    selected.set((!again).then_some(id));
                }
            }
            "ArrowLeft" => step(&id, -1, 0),
            "ArrowRight" => step(&id, 1, 0),
            "ArrowUp" => step(&id, 0, -1),
            "ArrowDown" => step(&id, 0, 1),
            "k" | "K" | "c" | "C" => {
                selected.set(Some(id));
                connecting.set(true);
                status.set(Some(i18n.s().connect_hint.to_owned()));
            }
            "Delete" | "Backspace" => remove(&id),
            "Escape" => {
                connecting.set(false);
                selected.set(None);
            }
            _ => return,
        }
        ev.prevent_default();
    };

    // Where each node's box is (its drag position while dragged), by id.
    let base = Memo::new(move |_| {
        let c = cols.get();
        chain.with(|ch| {
            ch.ids
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    (
                        id.clone(),
                        (place(&c, ch.columns[i], ch.slots[i]), ch.columns[i]),
                    )
                })
                .collect::<std::collections::BTreeMap<Id, ((f64, f64), usize)>>()
        })
    });
    let at_of = move |id: &Id| -> Option<((f64, f64), usize)> {
        let here = base.with(|b| b.get(id).copied())?;
        Some(if dragging.with(|d| d.as_ref() == Some(id)) {
            (drag_at.get(), here.1)
        } else {
            here
        })
    };
    let height = Memo::new(move |_| {
        chain.with(|c| {
            HEAD_H + f64::from(c.slots.iter().copied().max().map_or(1, |m| m + 1)) * ROW_H + 24.0
        })
    });
    let node_ids = Memo::new(move |_| chain.with(|c| c.ids.clone()));
    let edge_list = Memo::new(move |_| {
        chain.with(|c| {
            c.edges
                .iter()
                .map(|(a, b, id)| {
                    (
                        id.clone(),
                        c.ids[*a].clone(),
                        c.ids[*b].clone(),
                        c.columns[*b] <= c.columns[*a],
                    )
                })
                .collect::<Vec<_>>()
        })
    });

    let drawing = move || {
        let w = diagram::width(&folded.get());
        let heads = (0..7)
            .map(|k| {
                let x = move || cols.with(|c| c[k].0 + c[k].1 / 2.0);
                let n = move || chain.with(|c| c.columns.iter().filter(|x| **x == k).count());
                let label = move || {
                    let name = level_name(k, i18n.lang());
                    if folded.with(|f| f[k]) {
                        format!("{}…", name.chars().take(3).collect::<String>())
                    } else {
                        name.to_owned()
                    }
                };
                view! {
                    <g class="chain-head">
                        <rect x=move || cols.with(|c| c[k].0 + 2.0) y="0" width=move || cols.with(|c| c[k].1 - 4.0) height=move || height.get() class=move || if k % 2 == 0 { "band even" } else { "band" }></rect>
                        <text x=x y="24" text-anchor="middle">{label}</text>
                        <text x=x y="44" text-anchor="middle" class="count">{move || format!("{}", n())}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="chain-svg" data-testid="chain-diagram" role="group"
                aria-label=move || i18n.s().diagram_label
                viewBox=move || format!("0 0 {w:.0} {:.0}", height.get())
                width=format!("{w:.0}") height=move || format!("{:.0}", height.get())
                on:pointermove=move_any on:pointerup=up_any on:pointercancel=up_any>
                <defs>
                    <marker id="chain-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
                        <path d="M0,0 L10,5 L0,10 z" class="chain-arrowhead"></path>
                    </marker>
                </defs>
                {heads}
                <g class="chain-edges">
                    <For each=move || edge_list.get() key=|e| e.0.clone() let((_, a, b, back))>
                        {
                            let d = Memo::new(move |_| {
                                let (Some((pa, ca)), Some((pb, cb))) = (at_of(&a), at_of(&b)) else { return String::new() };
                                let f = folded.get();
                                let c = cols.get();
                                diagram::arrow(
                                    diagram::out_point(&c, ca, pa, f[ca]),
                                    diagram::in_point(&c, cb, pb, f[cb]),
                                )
                            });
                            view! { <path d=move || d.get() class=if back { "chain-edge back" } else { "chain-edge" } marker-end="url(#chain-arrow)"></path> }
                        }
                    </For>
                </g>
                <g class="chain-nodes">
                    <For each=move || node_ids.get() key=|id| id.clone() let(id)>
                        {
                            let i_of = { let id = id.clone(); move || chain.with(|c| c.ids.iter().position(|x| *x == id)) };
                            let info = {
                                let i_of = i_of.clone();
                                Memo::new(move |_| {
                                    let lang = i18n.lang();
                                    i_of().and_then(|i| chain.with(|c| {
                                        let col = c.columns[i];
                                        Some((c.titles.get(i)?.clone(), col, c.flagged[i], c.indicators[i], level_name(col, lang)))
                                    }))
                                })
                            };
                            let at = { let id = id.clone(); Memo::new(move |_| at_of(&id)) };
                            let shown = move || at.get().is_some_and(|(_, c)| !folded.with(|f| f[c]));
                            let transform = move || at.get().map_or(String::new(), |((x, y), _)| format!("translate({x:.0} {y:.0})"));
                            let sel = { let id = id.clone(); move || selected.with(|s| s.as_ref() == Some(&id)) };
                            let class = {
                                let sel = sel.clone();
                                let id = id.clone();
                                move || {
                                    let flagged = info.with(|i| i.as_ref().is_some_and(|i| i.2));
                                    let dragged = dragging.with(|d| d.as_ref() == Some(&id));
                                    format!(
                                        "chain-node{}{}{}",
                                        if sel() { " selected" } else { "" },
                                        if flagged { " flagged" } else { "" },
                                        if dragged { " dragging" } else { "" },
                                    )
                                }
                            };
                            // The name (the whole title, its level, its indicators and whether
                            // it has a problem) and the two lines drawn, in one memo.
                            let words = Memo::new(move |_| {
                                let s = i18n.s();
                                info.with(|i| i.as_ref().map_or_else(Default::default, |(t, _, flagged, n, level)| {
                                    let label = format!("{t}, {level}{}{}", if *n > 0 { format!(", {n} {}", s.indicators_word) } else { String::new() }, if *flagged { format!(", {}", s.has_problem) } else { String::new() });
                                    let (a, b) = lines(t, 20);
                                    (t.clone(), label, if b.is_empty() { a } else { format!("{a} ") }, b)
                                }))
                            });
                            let label = move || words.with(|w| w.1.clone());
                            let title = move || words.with(|w| w.0.clone());
                            let (id_down, id_key) = (id.clone(), id.clone());
                            view! {
                                <g class=class transform=transform>
                                    <g tabindex=move || if shown() { "0" } else { "-1" } role="button" class="hit"
                                        aria-pressed=move || sel().to_string() aria-label=label data-testid="chain-node" data-title=title
                                        visibility=move || if shown() { "visible" } else { "hidden" }
                                        on:pointerdown=move |ev| down_node(id_down.clone(), ev) on:keydown=move |ev| key_node(id_key.clone(), ev)>
                                        <title>{title}</title>
                                        <rect width=NODE_W.to_string() height=NODE_H.to_string() rx="8"></rect>
                                    </g>
                                    // The visible words are drawn over the box but are not part of the button (its
                                    // name is the whole title with its level), and let the pointer through to it.
                                    <text aria-hidden="true" pointer-events="none"><tspan x="10" y="28">{move || words.with(|w| w.2.clone())}</tspan><tspan x="10" y="50">{move || words.with(|w| w.3.clone())}</tspan></text>
                                    {move || info.with(|i| i.as_ref().is_some_and(|i| i.2)).then(|| view! { <text x=(NODE_W - 22.0).to_string() y="22" class="mark" aria-hidden="true" pointer-events="none">"!"</text> })}
                                </g>
                            }
                        }
                    </For>
                </g>
            </svg>
        }
    };

    let fold_buttons = move || {
        (0..7)
            .map(|k| {
                let pressed = move || folded.with(|f| f[k]);
                view! {
                    <button type="button" class="secondary small" aria-pressed=move || pressed().to_string() data-testid="fold"
                        on:click=move |_| folded.update(|f| f[k] = !f[k])>
                        {move || format!("{} {}", if pressed() { i18n.s().unfold } else { i18n.s().fold }, level_name(k, i18n.lang()).to_lowercase())}
                    </button>
                }
            })
            .collect_view()
    };

    let tools = move || {
        let s = i18n.s();
        let Some(id) = selected.get() else {
            return view! { <p class="hint">{s.select_node_hint}</p> }.into_any();
        };
        let Some((title, col, _, n, level)) = index_of(&id).and_then(|i| {
            chain.with(|c| {
                Some((
                    c.titles.get(i)?.clone(),
                    c.columns[i],
                    c.flagged[i],
                    c.indicators[i],
                    level_name(c.columns[i], i18n.lang()),
                ))
            })
        }) else {
            return view! { <p class="hint">{s.select_node_hint}</p> }.into_any();
        };
        rename.set(title.clone());
        let (a, b, c, d, e, f, g) = (
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
            id.clone(),
        );
        let save_name = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let t = rename.get_untracked().trim().to_owned();
            if t.is_empty() {
                error.set(Some(i18n.s().title_needed.to_owned()));
                return;
            }
            run(&ChainNode::TITLE.edit(&f, &t), i18n.s().renamed);
        };
        let measured = Level::ALL.get(col).is_some_and(|l| l.measured());
        let (tag_chain, tag_sami) = (id.clone(), id.clone());
        let (chain_now, sami_now) = app.doc.with_untracked(|d| {
            d.chain_nodes.get(&id).map_or((None, false), |n| {
                (n.chain().copied().flatten(), n.sami() == Some(&true))
            })
        });
        let add_indicator = move |_| {
            let id = new_id();
            let title = chain
                .with_untracked(|c| index_of(&g).and_then(|i| c.titles.get(i).cloned()))
                .unwrap_or_default();
            let cmd = Command::Create {
                kind: Kind::Indicator,
                id: id.clone(),
                fields: [
                    (Indicator::NODE.name().to_owned(), serde_json::json!(g)),
                    (Indicator::TITLE.name().to_owned(), serde_json::json!(title)),
                ]
                .into(),
            };
            if app.run(&cmd, error, i18n.lang()) {
                crate::app::router::navigate(router, &format!("{INDICATOR}{id}"));
            }
        };
        view! {
            <h3 data-testid="selected-node">{format!("{}: {title}", s.selected)}</h3>
            <p class="meta">{format!("{level} · {n} {}", s.indicators_word)}</p>
            <div class="row chain-tools">
                <button type="button" data-testid="connect" aria-pressed=move || connecting.get().to_string()
                    on:click=move |_| { connecting.update(|c| *c = !*c); if connecting.get_untracked() { status.set(Some(i18n.s().connect_hint.to_owned())); } }>
                    {move || if connecting.get() { i18n.s().cancel_arrow } else { i18n.s().draw_arrow }}
                </button>
                <button type="button" class="secondary small" aria-label=s.move_left on:click=move |_| step(&a, -1, 0)>"←"</button>
                <button type="button" class="secondary small" aria-label=s.move_right on:click=move |_| step(&b, 1, 0)>"→"</button>
                <button type="button" class="secondary small" aria-label=s.move_up on:click=move |_| step(&c, 0, -1)>"↑"</button>
                <button type="button" class="secondary small" aria-label=s.move_down on:click=move |_| step(&d, 0, 1)>"↓"</button>
                <button type="button" class="danger small" data-testid="remove-node" on:click=move |_| remove(&e)>{s.remove_node}</button>
            </div>
            <form class="row" on:submit=save_name>
                <div class="field">
                    <label for="node-name">{s.node_name}</label>
                    <input id="node-name" type="text" maxlength="200" prop:value=move || rename.get() on:input=move |ev| rename.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="secondary">{s.rename}</button>
            </form>
            <div class="row">
                <SelectField id="node-chain" label=i18n.trs(|t| t.result_chain) count=ResultChain::ALL.len() name=result_chain_name empty=i18n.trs(|t| t.none)
                    selected=Signal::derive(move || chain_now.and_then(|c| ResultChain::ALL.iter().position(|x| *x == c)))
                    on_change=Callback::new(move |i: Option<usize>| run(&ChainNode::CHAIN.edit(&tag_chain, &i.and_then(|i| ResultChain::ALL.get(i).copied())), i18n.s().tagged))/>
                <div class="field check">
                    <input id="node-sami" type="checkbox" prop:checked=sami_now on:change=move |ev| run(&ChainNode::SAMI.edit(&tag_sami, &event_target_checked(&ev)), i18n.s().tagged)/>
                    <label for="node-sami">{s.sami_matter}</label>
                </div>
            </div>
            {measured.then(|| view! { <button type="button" class="secondary" data-testid="add-indicator" on:click=add_indicator>{s.add_indicator}</button> })}
        }
        .into_any()
    };

    let problems = move || {
        let ok = i18n.s().no_problems;
        chain.with(|c| super::fields::findings(&c.problems, ok, ("chain-problems", "chain-ok")))
    };

    let table = move || {
        let s = i18n.s();
        let lang = i18n.lang();
        chain.with(|c| {
            let mut order: Vec<usize> = (0..c.ids.len()).collect();
            vagval_core::order::sort_by_key(&mut order, |&i| (c.columns[i], c.slots[i]));
            let rows = order
                .into_iter()
                .map(|i| {
                    let to: Vec<String> = c.edges.iter().filter(|e| e.0 == i).map(|e| c.titles[e.1].clone()).collect();
                    view! {
                        <tr data-testid="chain-row">
                            <td>{level_name(c.columns[i], lang)}</td>
                            <th scope="row">{c.titles[i].clone()}</th>
                            <td>{to.join("; ")}</td>
                            <td class="num">{c.indicators[i]}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="chain-table-caption">
                    <table class="data-table" data-testid="chain-table">
                        <caption id="chain-table-caption">{s.chain_table}</caption>
                        <thead><tr><th scope="col">{s.level}</th><th scope="col">{s.node}</th><th scope="col">{s.leads_to}</th><th scope="col">{s.indicators}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };

    // The table is open by default for a chain a screen shows; a big one draws it on request,
    // so that the diagram comes first (as the stakeholder map's relation table).
    let show_table = RwSignal::new(None::<bool>);
    let table_open = move || {
        show_table
            .get()
            .unwrap_or_else(|| chain.with(|c| c.ids.len() <= TABLE_OPEN_MAX))
    };
    view! {
        <article class="page action-areas chain-page">
            <p class="no-print"><a href=super::AREAS>{move || i18n.s().back}</a></p>
            <h1>{move || format!("{}: {}", i18n.s().chain_title, head.get().map(|h| h.1).unwrap_or_default())}</h1>
            <p class="lead">{move || i18n.s().chain_help}</p>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status" class="visually-hidden-status" data-testid="status">{move || status.get()}</p>
            <form class="row add-node no-print" on:submit=add>
                <div class="field">
                    <label for="new-node">{i18n.trs(|t| t.new_node)}</label>
                    <input id="new-node" type="text" maxlength="200" data-testid="new-node" prop:value=move || new_title.get() on:input=move |ev| new_title.set(event_target_value(&ev))/>
                </div>
                <SelectField id="new-node-level" label=i18n.trs(|t| t.level) count=7 name=level_name
                    selected=Signal::derive(move || Some(new_level.get())) on_change=Callback::new(move |i: Option<usize>| new_level.set(i.unwrap_or(1)))/>
                <button type="submit" data-testid="add-node">{i18n.trs(|t| t.add_node)}</button>
            </form>
            <div class="row folds no-print" role="group" aria-label=move || i18n.s().fold_levels>{fold_buttons}</div>
            <div class="row no-print">
                <crate::ui::ProjectorButton label=i18n.trs(|t| t.projector)/>
                <button type="button" class="secondary" data-testid="print" on:click=move |_| { let _ = window().print(); }>{i18n.trs(|t| t.print_a3)}</button>
            </div>
            <div class="chain-wrap">
                <div class="chain-scroll">{drawing}</div>
                <aside class="chain-side card" aria-live="polite">
                    <div class="no-print">{tools}</div>
                    <h2>{move || i18n.s().checks}</h2>
                    {problems}
                </aside>
            </div>
            <button type="button" class="secondary no-print" data-testid="chain-table-toggle" aria-expanded=move || table_open().to_string()
                on:click=move |_| show_table.set(Some(!table_open()))>
                {move || format!("{} ({})", i18n.s().chain_table, chain.with(|c| c.ids.len()))}
            </button>
            {move || table_open().then(table)}
            {move || head.get().is_some_and(|h| h.0).then(|| view! { <AreaDetails id=owner_details.clone()/> })}
        </article>
    }
    .into_any()
}

/// The area's own fields: name, challenge, aim, description, responsible, status.
#[component]
fn AreaDetails(id: Id) -> impl IntoView {
    use vagval_core::actions::plan::Status;
    use vagval_core::actions::workflow::{AreaForm, save_area};
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let links_id = id.clone();
    let form = RwSignal::new(app.doc.with_untracked(|d| {
        d.areas
            .get(&id)
            .map_or_else(AreaForm::default, |a| AreaForm {
                title: a.title().cloned().unwrap_or_default(),
                challenge: a.challenge().cloned().unwrap_or_default(),
                aim: a.aim().cloned().unwrap_or_default(),
                description: a.description().cloned().unwrap_or_default(),
                responsible: a.responsible().cloned().unwrap_or_default(),
                status: a.status().copied().unwrap_or_default(),
            })
    }));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match save_area(&id, &form.get_untracked()) {
            Ok(cmd) => {
                if app.run(&cmd, error, i18n.lang()) {
                    status.set(Some(i18n.s().saved_area.to_owned()));
                }
            }
            Err(e) => error.set(Some(e.message(i18n.lang()))),
        }
    };
    use super::fields::text;
    view! {
        <section class="card no-print" aria-labelledby="area-heading">
            <h2 id="area-heading">{move || i18n.s().area_details}</h2>
            <form class="row" on:submit=save data-testid="area-form">
                {text(form, "area-title", |t| t.name, "text", |f| f.title.clone(), |f, v| f.title = v)}
                {text(form, "area-challenge", |t| t.challenge, "text", |f| f.challenge.clone(), |f, v| f.challenge = v)}
                {text(form, "area-aim", |t| t.aim, "text", |f| f.aim.clone(), |f, v| f.aim = v)}
                {text(form, "area-description", |t| t.description, "text", |f| f.description.clone(), |f, v| f.description = v)}
                {text(form, "area-responsible", |t| t.responsible, "text", |f| f.responsible.clone(), |f, v| f.responsible = v)}
                <SelectField id="area-status" label=i18n.trs(|t| t.status) count=Status::ALL.len() name=status_name
                    selected=Signal::derive(move || form.with(|f| Status::ALL.iter().position(|s| *s == f.status)))
                    on_change=Callback::new(move |i: Option<usize>| form.update(|f| f.status = i.and_then(|i| Status::ALL.get(i).copied()).unwrap_or_default()))/>
                <button type="submit" data-testid="save-area">{move || i18n.s().save}</button>
            </form>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status">{move || status.get()}</p>
            <AreaLinks id=links_id/>
        </section>
    }
}

/// The area's links to goals, inspel, agenda points and actors: each listed with a button
/// taking it away, and a choice of the records it could link to besides.
#[component]
fn AreaLinks(id: Id) -> impl IntoView {
    use vagval_core::actions::workflow::{AreaLink, area_links, link_area};
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let id = StoredValue::new(id);
    let set = move |which: AreaLink, other: &Id, on: bool| {
        let cmd = app
            .doc
            .with_untracked(|d| id.with_value(|a| link_area(d, a, which, other, on)));
        app.run(&cmd, error, i18n.lang());
    };
    let lists = AreaLink::ALL
        .into_iter()
        .enumerate()
        .map(|(k, which)| {
            let links =
                Memo::new(move |_| app.doc.with(|d| id.with_value(|a| area_links(d, a, which))));
            link_list(
                format!("area-link-{k}"),
                Signal::derive(move || which.label(i18n.lang())),
                links,
                Callback::new(move |(other, on): (Id, bool)| set(which, &other, on)),
            )
        })
        .collect_view();
    view! {
        <h3>{move || i18n.s().links}</h3>
        <p class="field-error" role="alert">{move || error.get()}</p>
        <div class="links-grid">{lists}</div>
    }
}

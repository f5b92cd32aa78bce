//! The inspel list's cache: the prepared rows, what the last change to them was, and the last
//! query with its hits. A change of the document patches only the rows of the inspel it
//! touched ([`patch_rows`]); the hits of the same query are reused when that patch leaves them
//! as they were ([`hits_hold`]), else the query runs again. The list page keeps one between
//! visits; whatever the sequence of changes and queries, the hits are those of a full
//! recomputation (`run(&rows(doc), q)`), which the tests check.
use std::sync::Arc;

use crate::Doc;
use crate::kernel::id::Id;
use crate::prioritisation::query::{Patch, Query, Row, hits_hold, patch_rows, rows, run};

/// The last query run and its hits.
#[derive(Debug, Clone)]
struct Ran {
    /// The rows' generation it ran on (or was found to hold for).
    generation: u64,
    query: Query,
    /// Indices into the rows, in the query's order.
    hits: Vec<usize>,
}

/// The list's prepared rows and the last query's hits, kept up to date incrementally.
#[derive(Debug, Clone)]
pub struct ListCache {
    /// `None` until first prepared.
    rows: Option<Arc<Vec<Row>>>,
    /// Counts the changes of the rows.
    generation: u64,
    /// What the last change was (never [`Patch::Nothing`]: that changes nothing).
    patch: Patch,
    last: Option<Ran>,
}

impl Default for ListCache {
    fn default() -> Self {
        Self {
            rows: None,
            generation: 0,
            patch: Patch::Shape,
            last: None,
        }
    }
}

impl ListCache {
    /// Brings the rows up to date with `doc`. `touched`: the inspel that commands, merges and
    /// restores addressed since the last update (repeats allowed), or `None` when that is not
    /// known (another workspace): then all rows are prepared again, as on the first update.
    /// Returns whether the rows changed.
    pub fn update(&mut self, doc: &Doc, touched: Option<&[Id]>) -> bool {
        let patch = match (&mut self.rows, touched) {
            (Some(rows), Some(ids)) => patch_rows(doc, Arc::make_mut(rows), ids),
            _ => {
                self.rows = Some(Arc::new(rows(doc)));
                Patch::Shape
            }
        };
        if patch == Patch::Nothing {
            return false;
        }
        self.generation = self.generation.wrapping_add(1);
        self.patch = patch;
        true
    }

    /// The prepared rows (shared, not copied; empty before the first update). A holder of
    /// this `Arc` should let go of it before the next update, or the patch copies the rows.
    #[must_use]
    pub fn rows(&self) -> Arc<Vec<Row>> {
        self.rows.clone().unwrap_or_default()
    }

    /// The hits of `q` over the rows as of the last update: the last query's hits when `q` is
    /// the same and the rows did not change since, or changed once in place in a way that
    /// moves no row in, out, up or down; else `q` runs again. Returns the hits and whether
    /// `q` ran (`false`: the hits are as last returned).
    pub fn hits(&mut self, q: &Query) -> (&[usize], bool) {
        let rows: &[Row] = self.rows.as_deref().map_or(&[], Vec::as_slice);
        let (generation, patch) = (self.generation, &self.patch);
        let holds = self.last.as_ref().is_some_and(|last| {
            last.query == *q
                && (last.generation == generation
                    || (last.generation.wrapping_add(1) == generation
                        && match patch {
                            Patch::InPlace(changes) => hits_hold(rows, q, changes),
                            Patch::Nothing => true,
                            Patch::Shape => false,
                        }))
        });
        let last = match (holds, &mut self.last) {
            (true, Some(last)) => {
                last.generation = generation;
                last
            }
            (_, last) => last.insert(Ran {
                generation,
                query: q.clone(),
                hits: run(rows, q),
            }),
        };
        (&last.hits, !holds)
    }

    /// [`update`](Self::update), then [`hits`](Self::hits).
    pub fn refresh(&mut self, doc: &Doc, touched: Option<&[Id]>, q: &Query) -> &[usize] {
        self.update(doc, touched);
        self.hits(q).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dimension, Inspel, Municipality, Status};
    use crate::prioritisation::query::Sort;
    use crate::{Command, History, Hlc, Kind, Stamper};
    use proptest::prelude::*;

    const TITLES: [&str; 6] = [
        "Mittbanan",
        "Ny väg",
        "Östersund bredband",
        "ny skola",
        "Åre tåg",
        "Bredband i Berg",
    ];
    const THEMES: [&str; 4] = ["", "Infrastruktur", "Skola", "Äldreomsorg"];
    const WORDS: [&str; 6] = ["", "ny", "BREDBAND", "tåg", "ö", "infra"];
    const STATUSES: [Status; 4] = [
        Status::Received,
        Status::Compiled,
        Status::InAgenda,
        Status::Adopted,
    ];
    const MUNICIPALITIES: [Municipality; 3] = [
        Municipality::Berg,
        Municipality::Ostersund,
        Municipality::Are,
    ];
    const DIMENSIONS: [Dimension; 3] = [
        Dimension::Ecological,
        Dimension::Social,
        Dimension::Economic,
    ];

    /// One step: a command, an update of the cache, a query, or "another workspace".
    #[derive(Debug, Clone)]
    enum Step {
        /// An edit of the n-th inspel (field, value index).
        Edit(usize, u8, usize),
        /// Two edits in one batch.
        Batch(usize, u8, usize, usize, u8, usize),
        /// A new inspel.
        Create(usize),
        Undo,
        Update,
        Forget,
        Query(usize, Option<usize>, Option<usize>, Option<usize>, u8),
        /// The last query again (the case the cache is for).
        Again,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => (0..40usize, 0..6u8, 0..8usize).prop_map(|(i, f, v)| Step::Edit(i, f, v)),
            1 => (0..40usize, 0..6u8, 0..8usize, 0..40usize, 0..6u8, 0..8usize)
                .prop_map(|(a, b, c, d, e, f)| Step::Batch(a, b, c, d, e, f)),
            1 => (0..6usize).prop_map(Step::Create),
            1 => Just(Step::Undo),
            2 => Just(Step::Update),
            1 => Just(Step::Forget),
            4 => Just(Step::Again),
            2 => (
                0..6usize,
                proptest::option::of(0..3usize),
                proptest::option::of(0..4usize),
                proptest::option::of(0..3usize),
                0..4u8,
            )
                .prop_map(|(t, m, s, d, o)| Step::Query(t, m, s, d, o)),
        ]
    }

    fn edit(doc: &Doc, i: usize, field: u8, v: usize) -> Command {
        let ids: Vec<Id> = doc.inspel.live().map(|r| r.id.clone()).collect();
        let id = &ids[i % ids.len()];
        match field {
            0 => Inspel::TITLE.edit(id, &TITLES[v % TITLES.len()].to_owned()),
            1 => Inspel::STATUS.edit(id, &STATUSES[v % STATUSES.len()]),
            2 => Inspel::MUNICIPALITY.edit(id, &MUNICIPALITIES[v % MUNICIPALITIES.len()]),
            3 => Inspel::THEME.edit(id, &THEMES[v % THEMES.len()].to_owned()),
            4 => Inspel::DIMENSIONS.edit(id, &DIMENSIONS[..v % 4].to_vec()),
            _ => Inspel::REMOVED.edit(id, &v.is_multiple_of(2)),
        }
    }

    fn query(t: usize, m: Option<usize>, s: Option<usize>, d: Option<usize>, o: u8) -> Query {
        Query {
            text: WORDS[t].to_owned(),
            municipality: m.map(|m| MUNICIPALITIES[m]),
            status: s.map(|s| STATUSES[s]),
            dimension: d.map(|d| DIMENSIONS[d]),
            sort: [Sort::Title, Sort::Municipality, Sort::Status, Sort::Theme][usize::from(o)],
        }
    }

    fn touched_by(cmd: &Command, into: &mut Vec<Id>) {
        cmd.for_each_record(&mut |kind, id| {
            if kind == Kind::Inspel {
                into.push(id.clone());
            }
        });
    }

    /// Plays `steps` on the demo workspace, checking after every update and query that the
    /// cache's rows and hits are those of a full recomputation.
    fn play(steps: &[Step]) {
        let mut doc = crate::demo::demo_doc();
        let mut clock = Hlc::new("dev.a");
        clock.observe(doc.max_stamp().unwrap(), 1);
        let mut history = History::default();
        let mut applied: Vec<Command> = Vec::new();
        let mut cache = ListCache::default();
        // The inspel touched since the cache's last update; `None`: not known.
        let mut touched: Option<Vec<Id>> = None;
        let mut n = 0u8;
        let mut last = Query::default();
        for (t, s) in steps.iter().enumerate() {
            let mut stamper = Stamper {
                clock: &mut clock,
                now_ms: 10 + t as u64,
            };
            let cmd = match s {
                Step::Edit(i, f, v) => Some(edit(&doc, *i, *f, *v)),
                Step::Batch(a, b, c, d, e, f) => Some(Command::Batch {
                    commands: vec![edit(&doc, *a, *b, *c), edit(&doc, *d, *e, *f)],
                }),
                Step::Create(t) => {
                    n = n.wrapping_add(1);
                    let fields = [(
                        Inspel::TITLE.name().to_owned(),
                        crate::crdt::to_json(&TITLES[*t]),
                    )]
                    .into();
                    Some(Command::Create {
                        kind: Kind::Inspel,
                        id: Id::from_random_bytes([n; 16]),
                        fields,
                    })
                }
                Step::Undo => {
                    if history.undo(&mut doc, &mut stamper)
                        && let Some(c) = applied.pop()
                        && let Some(ids) = &mut touched
                    {
                        touched_by(&c, ids);
                    }
                    None
                }
                Step::Update => {
                    cache.update(&doc, touched.as_deref());
                    touched = Some(Vec::new());
                    assert_eq!(*cache.rows(), rows(&doc));
                    None
                }
                Step::Forget => {
                    touched = None;
                    None
                }
                Step::Query(..) | Step::Again => {
                    if let Step::Query(t, m, s, d, o) = s {
                        last = query(*t, *m, *s, *d, *o);
                    }
                    let q = last.clone();
                    let hits = cache.refresh(&doc, touched.as_deref(), &q).to_vec();
                    touched = Some(Vec::new());
                    let full = rows(&doc);
                    assert_eq!(*cache.rows(), full);
                    assert_eq!(hits, run(&full, &q), "{q:?}");
                    None
                }
            };
            if let Some(cmd) = cmd
                && history.apply(&mut doc, &cmd, &mut stamper).is_ok()
            {
                if let Some(ids) = &mut touched {
                    touched_by(&cmd, ids);
                }
                applied.push(cmd);
            }
        }
    }

    #[test]
    fn a_stage_change_keeps_the_hits_and_a_title_change_runs_again() {
        let mut doc = crate::demo::demo_doc();
        let mut cache = ListCache::default();
        let q = Query::default();
        assert!(cache.update(&doc, None));
        let (hits, ran) = cache.hits(&q);
        assert!(ran);
        let first = hits.to_vec();
        assert!(!cache.hits(&q).1, "the same query over the same rows");
        let id = doc.inspel.live().next().unwrap().id.clone();
        let mut clock = Hlc::new("dev.a");
        clock.observe(doc.max_stamp().unwrap(), 1);
        let mut st = Stamper {
            clock: &mut clock,
            now_ms: 2,
        };
        let mut h = History::default();
        h.apply(
            &mut doc,
            &Inspel::STATUS.edit(&id, &Status::Adopted),
            &mut st,
        )
        .unwrap();
        assert!(cache.update(&doc, Some(std::slice::from_ref(&id))));
        let (hits, ran) = cache.hits(&q);
        assert!(
            !ran && hits == first,
            "title order: the stage moves nothing"
        );
        h.apply(
            &mut doc,
            &Inspel::STATUS.edit(&id, &Status::Compiled),
            &mut st,
        )
        .unwrap();
        assert!(cache.update(&doc, Some(std::slice::from_ref(&id))));
        assert!(!cache.hits(&q).1, "nor does the next one");
        let by_stage = Query {
            sort: Sort::Status,
            ..Query::default()
        };
        assert!(cache.hits(&by_stage).1);
        h.apply(
            &mut doc,
            &Inspel::TITLE.edit(&id, &"Ö sist".to_owned()),
            &mut st,
        )
        .unwrap();
        assert!(cache.update(&doc, Some(std::slice::from_ref(&id))));
        assert!(
            !cache.update(&doc, Some(std::slice::from_ref(&id))),
            "nothing new"
        );
        assert_eq!(cache.refresh(&doc, Some(&[]), &q), run(&rows(&doc), &q));
    }

    #[test]
    fn two_changes_between_queries_run_again() {
        use Step::{Edit, Query as Q, Update};
        // A stage change then a title change, each patched, then the same query.
        play(&[
            Q(0, None, None, None, 0),
            Edit(0, 1, 2),
            Update,
            Edit(0, 0, 5),
            Update,
            Q(0, None, None, None, 0),
            Edit(3, 5, 0),
            Q(0, None, None, None, 0),
            Edit(3, 5, 1),
            Q(0, None, None, None, 0),
        ]);
    }

    proptest! {
        // PROPTEST_CASES overrides the number of cases.
        #[test]
        fn the_cache_always_equals_full_recomputation(steps in proptest::collection::vec(step(), 1..40)) {
            play(&steps);
        }
    }
}

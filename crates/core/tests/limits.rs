//! Bounded work: the largest valid rounds, with many ballots, are counted within 2 s natively.
//!
//! Run in release: `cargo test -p vagval-core --release --test limits -- --ignored --nocapture`
//! (the numbers are printed). In a debug build only the small smoke test runs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use vagval_core::Id;
use vagval_core::certificate::certificate;
use vagval_core::clock::Stamp;
use vagval_core::crdt::{MAX_RECORDS, Record, Reg};
use vagval_core::round::{Ballot, Origin, Round, ballot_id};
use vagval_core::select::{Capacity, MAX_CAPACITY, MAX_COST};
use vagval_core::vote::{Answer, MAX_ITEMS, MAX_POINTS, MAX_RANKING_ITEMS, Method, RankScoring};

fn id(kind: u8, n: usize) -> Id {
    let mut b = [0u8; 16];
    b[0] = kind;
    b[8..16].copy_from_slice(&(n as u64).to_be_bytes());
    Id::from_random_bytes(b)
}

fn reg<T>(value: T) -> Option<Reg<T>> {
    Some(Reg {
        value,
        stamp: Stamp(1_700_000_000_000, 0, "dev-limits.0001".into()),
    })
}

/// A doc with one round of `items` inspel and the ballots `answer(v)` for v in 0..voters.
fn doc(
    items: usize,
    method: Method,
    capacity: Option<Capacity>,
    voters: usize,
    answer: impl Fn(usize, &[Id]) -> Answer,
) -> (vagval_core::Doc, Id) {
    let ws = id(9, 0);
    let mut doc = vagval_core::Doc::new(
        ws,
        "Gränsprov",
        Stamp(1_700_000_000_000, 0, "dev-limits.0001".into()),
    );
    let ids: Vec<Id> = (0..items).map(|i| id(1, i)).collect();
    for i in &ids {
        let mut r = vagval_core::model::Inspel::empty(i.clone());
        r.title = reg(format!("Inspel {i}"));
        doc.inspel.0.insert(i.clone(), r);
    }
    let rid = id(2, 0);
    let mut round = Round::empty(rid.clone());
    round.title = reg("Gränsprov".to_owned());
    round.items = reg(ids.clone());
    round.method = reg(method);
    round.seed = reg("frö".to_owned());
    round.capacity = reg(capacity);
    // Costs 1..=MAX_COST, spread so that the knapsack has real choices.
    round.costs = reg(ids
        .iter()
        .enumerate()
        .map(|(k, i)| (i.clone(), 1 + (k as u32 * 7_919) % MAX_COST))
        .collect::<BTreeMap<_, _>>());
    let hash = round.rules_hash();
    for v in 0..voters {
        let a = answer(v, &ids);
        let who = format!("Deltagare {v}");
        let bid = ballot_id(&rid, &who, &a, &hash, Origin::Tablet, &[], 0, "dev-limits");
        let mut b = Ballot::empty(bid.clone());
        b.round = reg(rid.clone());
        b.participant = reg(who);
        b.answer = reg(a);
        b.rules_hash = reg(hash.clone());
        b.origin = reg(Origin::Tablet);
        b.supersedes = reg(Vec::new());
        b.cast_at = reg(0);
        doc.ballots.0.insert(bid, b);
    }
    doc.rounds.0.insert(rid.clone(), round);
    (doc, rid)
}

/// Validates and certifies; returns (validation, certificate) times and the counted ballots.
fn measure(name: &str, doc: &vagval_core::Doc, round: &Id) -> (Duration, Duration) {
    let t = Instant::now();
    let problems = doc.validate(10);
    let validate = t.elapsed();
    assert!(problems.is_empty(), "{name}: {problems:?}");
    let t = Instant::now();
    let cert = certificate(doc, round).unwrap();
    let count = t.elapsed();
    assert_eq!(cert.ballots_counted, doc.ballots.0.len(), "{name}");
    println!(
        "{name}: {} ballots, {} items: validate {validate:?}, results {count:?}",
        cert.ballots_counted,
        cert.results.len()
    );
    (validate, count)
}

fn under_2s(name: &str, (validate, count): (Duration, Duration)) {
    assert!(
        count < Duration::from_secs(2),
        "{name}: results took {count:?}"
    );
    assert!(
        validate < Duration::from_secs(2),
        "{name}: validation took {validate:?}"
    );
}

#[test]
fn a_small_round_at_each_limit_counts() {
    // Smoke test in any build: the limits themselves are accepted.
    let rank = Method::Ranking {
        top_k: Some(MAX_RANKING_ITEMS as u32),
        scoring: RankScoring::Schulze,
        at_most: true,
    };
    let (d, r) = doc(MAX_RANKING_ITEMS, rank, None, 5, |v, ids| {
        Answer::Ranking(
            ids.iter()
                .cycle()
                .skip(v)
                .take(1 + v * 40)
                .cloned()
                .collect(),
        )
    });
    measure("ranking smoke", &d, &r);
    let (d, r) = doc(
        50,
        Method::Points {
            total: MAX_POINTS,
            max_per_item: None,
        },
        Some(Capacity::Optimal {
            capacity: MAX_CAPACITY,
        }),
        5,
        |v, ids| Answer::Allocation([(ids[v].clone(), MAX_POINTS)].into()),
    );
    measure("points smoke", &d, &r);
}

#[test]
#[ignore = "timing: run in release with --ignored"]
fn largest_valid_rounds_finish_quickly() {
    let n = MAX_RECORDS;
    // Schulze over 200 items, 50 000 ballots ranking 10 each ("up to 200").
    let m = Method::Ranking {
        top_k: None,
        scoring: RankScoring::Schulze,
        at_most: true,
    };
    let (d, r) = doc(
        MAX_RANKING_ITEMS,
        m,
        Some(Capacity::Optimal {
            capacity: MAX_CAPACITY,
        }),
        n,
        |v, ids| {
            Answer::Ranking(
                (0..10)
                    .map(|k| ids[(v * 7 + k * 13) % ids.len()].clone())
                    .collect(),
            )
        },
    );
    under_2s(
        "schulze 200 items × 50 000 ballots of 10",
        measure("schulze 200 items × 50 000 ballots of 10", &d, &r),
    );
    // Full rankings of 200 items: 10 MiB holds about 1 300; 5 000 here.
    let m = Method::Ranking {
        top_k: None,
        scoring: RankScoring::Copeland,
        at_most: false,
    };
    let (d, r) = doc(MAX_RANKING_ITEMS, m, None, 5_000, |v, ids| {
        Answer::Ranking(
            ids.iter()
                .cycle()
                .skip(v % 200)
                .take(200)
                .cloned()
                .collect(),
        )
    });
    under_2s(
        "copeland 200 items × 5 000 full rankings",
        measure("copeland 200 items × 5 000 full rankings", &d, &r),
    );
    // Dots over 5 000 items, 50 000 ballots, the optimal capacity rule at its limit.
    let m = Method::Dots {
        budget: 5,
        cap: 3,
        all_required: false,
    };
    let (d, r) = doc(
        MAX_ITEMS,
        m,
        Some(Capacity::Optimal {
            capacity: MAX_CAPACITY,
        }),
        n,
        |v, ids| {
            Answer::Allocation(
                (0..5)
                    .map(|k| (ids[(v * 7 + k * 13) % ids.len()].clone(), 1))
                    .collect(),
            )
        },
    );
    under_2s(
        "dots 5 000 items × 50 000 ballots, optimal 10 000",
        measure("dots 5 000 items × 50 000 ballots, optimal 10 000", &d, &r),
    );
    // Scores over 5 000 items with skips: means with many denominators (the exact-ratio knapsack).
    let m = Method::Score { lo: 1, hi: 5 };
    let (d, r) = doc(
        MAX_ITEMS,
        m,
        Some(Capacity::Optimal {
            capacity: MAX_CAPACITY,
        }),
        n,
        |v, ids| {
            Answer::Scores(
                (0..(1 + v % 9))
                    .map(|k| {
                        (
                            ids[(v * 31 + k * 17) % ids.len()].clone(),
                            1 + ((v + k) % 5) as u8,
                        )
                    })
                    .collect(),
            )
        },
    );
    under_2s(
        "score 5 000 items × 50 000 ballots, optimal 10 000",
        measure("score 5 000 items × 50 000 ballots, optimal 10 000", &d, &r),
    );
    // Points over 5 000 items, total at its limit.
    let m = Method::Points {
        total: MAX_POINTS,
        max_per_item: None,
    };
    let (d, r) = doc(
        MAX_ITEMS,
        m,
        Some(Capacity::Greedy {
            capacity: MAX_CAPACITY,
        }),
        n,
        |v, ids| {
            Answer::Allocation(
                [
                    (ids[v % ids.len()].clone(), MAX_POINTS - 1),
                    (ids[(v * 13 + 1) % ids.len()].clone(), 1),
                ]
                .into(),
            )
        },
    );
    under_2s(
        "points 5 000 items × 50 000 ballots",
        measure("points 5 000 items × 50 000 ballots", &d, &r),
    );
}

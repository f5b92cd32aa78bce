//! A criteria template edited as a form: its requirements and gates one per line, the weighted
//! criteria as rows of a name and a weight, the count rule's points one per line. Saving a
//! changed criteria is the template's next version; stored assessments keep the copy they were
//! begun with.
use super::records::Template;
use super::rules::{Criteria, Criterion, LIST_MAX, Level, SCALE_MAX, Scoring, WEIGHT_MAX};
use super::workflow::{ProofError, change_template};
use crate::Doc;
use crate::Kind;
use crate::actions::workflow::{EditError, percent_field};
use crate::kernel::command::Command;
use crate::kernel::id::Id;

/// What the template form holds, as typed. Both ways of scoring are kept, so switching between
/// them loses nothing typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateForm {
    /// Its name.
    pub name: String,
    /// Where its rules come from.
    pub source: String,
    /// The formal requirements, one per line.
    pub formal: String,
    /// The regional gates, one per line.
    pub regional: String,
    /// How many horizontal criteria must reach at least *delvis*.
    pub min_partly: u8,
    /// What one condition of three counts as.
    pub one_of_three: Level,
    /// Scored by the count rule (else weighted).
    pub count: bool,
    /// The weighted criteria: name and weight as typed.
    pub criteria: Vec<(String, String)>,
    /// The highest score of a criterion, as typed.
    pub max: String,
    /// The pass mark in percent, as typed (empty: the score is only shown).
    pub pass_at: String,
    /// The count rule's priority points, one per line.
    pub points: String,
    /// How many points must be met, as typed.
    pub at_least: String,
}

/// The form showing template `t`.
#[must_use]
pub fn template_form(t: &Template) -> TemplateForm {
    let c = t.criteria().cloned().unwrap_or_default();
    let mut form = TemplateForm {
        name: t.name().cloned().unwrap_or_default(),
        source: t.source().cloned().unwrap_or_default(),
        formal: c.formal.join("\n"),
        regional: c.regional.join("\n"),
        min_partly: c.min_partly,
        one_of_three: c.one_of_three,
        count: false,
        criteria: Vec::new(),
        max: "5".into(),
        pass_at: String::new(),
        points: String::new(),
        at_least: "1".into(),
    };
    match c.scoring {
        Scoring::Weighted {
            criteria,
            max,
            pass_at,
        } => {
            form.criteria = criteria
                .into_iter()
                .map(|k| (k.name, k.weight.to_string()))
                .collect();
            form.max = max.to_string();
            form.pass_at = pass_at.map(|p| p.to_string()).unwrap_or_default();
        }
        Scoring::Count { points, at_least } => {
            form.count = true;
            form.points = points.join("\n");
            form.at_least = at_least.to_string();
        }
    }
    form
}

/// The lines of `text` that say something, trimmed; at most [`LIST_MAX`].
fn lines(text: &str) -> Result<Vec<String>, ProofError> {
    let v: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if v.len() > LIST_MAX {
        return Err(ProofError::TooManyLines(LIST_MAX));
    }
    Ok(v)
}

/// A whole number in `lo..=hi` as typed, or `None`.
fn whole(text: &str, lo: u8, hi: u8) -> Option<u8> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|v| (lo..=hi).contains(v))
}

/// The criteria `form` describes.
///
/// # Errors
/// A weighted criterion without a name or with a weight that is no whole number 0–100, a
/// highest score that is none of 1–10, a pass mark that is no percentage, a count rule asking
/// for more points than there are, more than [`LIST_MAX`] lines in a list, or a line longer
/// than a name may be.
pub fn criteria_of(form: &TemplateForm) -> Result<Criteria, ProofError> {
    let scoring = if form.count {
        let points = lines(&form.points)?;
        let of = u8::try_from(points.len()).unwrap_or(u8::MAX);
        let at_least = whole(&form.at_least, 0, of).ok_or_else(|| ProofError::AtLeast {
            text: form.at_least.trim().to_owned(),
            of,
        })?;
        Scoring::Count { points, at_least }
    } else {
        let mut criteria = Vec::new();
        for (name, weight) in &form.criteria {
            let name = name.trim();
            if name.is_empty() && weight.trim().is_empty() {
                continue;
            }
            if name.is_empty() {
                return Err(ProofError::Unnamed);
            }
            let weight = whole(weight, 0, WEIGHT_MAX).ok_or_else(|| ProofError::Weight {
                criterion: name.to_owned(),
                text: weight.trim().to_owned(),
            })?;
            criteria.push(Criterion {
                name: name.to_owned(),
                weight,
            });
        }
        if criteria.len() > LIST_MAX {
            return Err(ProofError::TooManyLines(LIST_MAX));
        }
        let max = whole(&form.max, 1, SCALE_MAX)
            .ok_or_else(|| ProofError::Scale(form.max.trim().to_owned()))?;
        let pass_at = percent_field(&form.pass_at)?;
        Scoring::Weighted {
            criteria,
            max,
            pass_at,
        }
    };
    let c = Criteria {
        formal: lines(&form.formal)?,
        min_partly: form.min_partly.min(3),
        one_of_three: if form.one_of_three == Level::Partly {
            Level::Partly
        } else {
            Level::Not
        },
        regional: lines(&form.regional)?,
        scoring,
    };
    match super::records::check_criteria(&c) {
        Some(problem) => Err(ProofError::Criteria(problem)),
        None => Ok(c),
    }
}

/// The command saving `form` into template `id`: a changed criteria is the next version (its
/// name and source are changed in place); `None` when nothing changed.
///
/// # Errors
/// The template is not there, it has no name, or [`criteria_of`] refuses the form.
pub fn save_template(
    doc: &Doc,
    id: &Id,
    form: &TemplateForm,
) -> Result<Option<Command<Kind>>, ProofError> {
    let t = doc
        .templates
        .get(id)
        .filter(|t| t.removed() != Some(&true))
        .ok_or(ProofError::NoTemplate)?;
    let name = form.name.trim();
    if name.is_empty() {
        return Err(EditError::NoTitle.into());
    }
    let criteria = criteria_of(form)?;
    let mut commands = Vec::new();
    if t.name().map(String::as_str) != Some(name) {
        commands.push(Template::NAME.edit(id, &name.to_owned()));
    }
    let source = form.source.trim();
    if t.source().map_or("", String::as_str) != source {
        commands.push(Template::SOURCE.edit(id, &source.to_owned()));
    }
    if t.criteria() != Some(&criteria) {
        commands.push(change_template(doc, id, &criteria)?);
    }
    Ok((!commands.is_empty()).then_some(Command::Batch { commands }))
}

#[cfg(test)]
mod tests {
    use super::super::demo::demo_id;
    use super::super::workflow::begin;
    use super::*;
    use crate::demo::run;

    fn form() -> TemplateForm {
        TemplateForm {
            name: "Projektmedel".into(),
            source: String::new(),
            formal: "  Sökt i tid \n\n Fullständig ansökan".into(),
            regional: "Bidrar till RUS".into(),
            min_partly: 2,
            one_of_three: Level::Partly,
            count: false,
            criteria: vec![
                ("Klimat".into(), "70".into()),
                (" ".into(), String::new()),
                ("Samverkan".into(), " 30 ".into()),
            ],
            max: "5".into(),
            pass_at: "60 %".into(),
            points: "A\nB\nC".into(),
            at_least: "2".into(),
        }
    }

    #[test]
    fn a_form_becomes_criteria_line_by_line() {
        // Worked by hand: the formal lines trimmed, the empty one dropped → ["Sökt i tid",
        // "Fullständig ansökan"]; the blank criterion row is skipped; weights 70 and 30 on a
        // scale 0–5 passing at 60 %.
        let c = criteria_of(&form()).unwrap();
        assert_eq!(c.formal, ["Sökt i tid", "Fullständig ansökan"]);
        assert_eq!(c.regional, ["Bidrar till RUS"]);
        assert_eq!(c.one_of_three, Level::Partly);
        assert_eq!(
            c.scoring,
            Scoring::Weighted {
                criteria: vec![
                    Criterion {
                        name: "Klimat".into(),
                        weight: 70
                    },
                    Criterion {
                        name: "Samverkan".into(),
                        weight: 30
                    },
                ],
                max: 5,
                pass_at: Some(60),
            }
        );
        // The count rule instead: 2 of the 3 points; the weighted rows are kept in the form.
        let mut f = form();
        f.count = true;
        assert_eq!(
            criteria_of(&f).unwrap().scoring,
            Scoring::Count {
                points: vec!["A".into(), "B".into(), "C".into()],
                at_least: 2
            }
        );
        f.at_least = "4".into();
        assert_eq!(
            criteria_of(&f),
            Err(ProofError::AtLeast {
                text: "4".into(),
                of: 3
            })
        );
    }

    #[test]
    fn what_the_form_cannot_hold_is_named() {
        let mut f = form();
        f.criteria[0].1 = "hög".into();
        assert_eq!(
            criteria_of(&f),
            Err(ProofError::Weight {
                criterion: "Klimat".into(),
                text: "hög".into()
            })
        );
        let mut f = form();
        f.criteria[1].1 = "10".into();
        assert_eq!(criteria_of(&f), Err(ProofError::Unnamed));
        let mut f = form();
        f.max = "11".into();
        assert_eq!(criteria_of(&f), Err(ProofError::Scale("11".into())));
        let mut f = form();
        f.pass_at = "120".into();
        assert!(matches!(criteria_of(&f), Err(ProofError::Field(_))));
        let mut f = form();
        f.formal = "x\n".repeat(LIST_MAX + 1);
        assert_eq!(criteria_of(&f), Err(ProofError::TooManyLines(LIST_MAX)));
        let mut f = form();
        f.regional = "å".repeat(crate::kernel::check::NAME_MAX + 1);
        assert!(matches!(criteria_of(&f), Err(ProofError::Criteria(_))));
    }

    #[test]
    fn saving_the_form_is_the_next_version_and_leaves_stored_assessments() {
        let mut d = crate::demo::demo_doc();
        let template = demo_id(0x100);
        let a = Id::from_random_bytes([7; 16]);
        let begun = begin(&d, &a, &demo_id(0x12), &template, "Handläggare C").unwrap();
        run(&mut d, &begun);
        let before = d.assessments.0[&a].criteria().cloned().unwrap();
        let t = &d.templates.0[&template];
        let shown = template_form(t);
        // The form of the template, saved unchanged: nothing to do.
        assert_eq!(save_template(&d, &template, &shown), Ok(None));
        // Read back: the form gives the template's own criteria.
        assert_eq!(criteria_of(&shown).as_ref(), Ok(&before));
        // A regional gate more: version 1 → 2; the assessment keeps its copy.
        let mut f = shown.clone();
        f.regional.push_str("\nKommunen medfinansierar");
        let cmd = save_template(&d, &template, &f).unwrap().unwrap();
        run(&mut d, &cmd);
        let t = &d.templates.0[&template];
        assert_eq!(t.version(), Some(&2));
        assert_eq!(
            t.criteria().unwrap().regional.last().map(String::as_str),
            Some("Kommunen medfinansierar")
        );
        assert_eq!(d.assessments.0[&a].criteria(), Some(&before));
        // Only the name: changed in place, the version stays.
        let mut f = template_form(t);
        f.name = "Projektmedel 2026".into();
        let renamed = save_template(&d, &template, &f).unwrap().unwrap();
        run(&mut d, &renamed);
        assert_eq!(d.templates.0[&template].version(), Some(&2));
        f.name = " ".into();
        assert_eq!(
            save_template(&d, &template, &f),
            Err(ProofError::Field(EditError::NoTitle))
        );
    }
}

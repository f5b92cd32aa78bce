//! The copy of a workspace for another region (kollegialt utbyte): the whole workspace without
//! personal data. Contact persons go (the tombstones of erased ones stay, so the receiver's
//! copies are erased too: [`crate::stakeholders::map::peer_copy`]); the Sami consultation log
//! goes the same way (its participants and what came up are the region's own record of a
//! consultation); peer meetings keep their date, title, region, format and notes but not who
//! took part nor the politicians' representative. A field left out is no register in the copy,
//! so merging the copy back changes nothing.
use crate::Doc;
use crate::kernel::record::Record;

/// The copy for a peer exchange.
#[must_use]
pub fn copy(doc: &Doc) -> Doc {
    let mut out = crate::stakeholders::map::peer_copy(doc);
    out.consultations.0.retain(|_, c| c.deleted().is_some());
    // The assessments name their assessors and are the region's own record; the templates
    // and the applications go along.
    out.assessments.0.retain(|_, a| a.deleted().is_some());
    for m in out.meetings.0.values_mut() {
        m.participants = None;
        m.politician = None;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_person_leaves_with_the_copy() {
        let d = crate::demo::demo_doc();
        assert!(d.meetings.live().any(|m| m.politician().is_some()));
        let c = copy(&d);
        assert!(
            c.meetings
                .live()
                .all(|m| m.participants.is_none() && m.politician.is_none())
        );
        assert_eq!(c.meetings.0.len(), d.meetings.0.len());
        assert!(c.consultations.0.is_empty() && c.contacts.live().next().is_none());
        assert!(c.assessments.0.is_empty() && !c.templates.0.is_empty());
        let text = serde_json::to_string(&c).unwrap();
        for person in [
            "Politikerrepresentant (RUN)",
            "Handläggare A",
            "Kim Exempelsson",
        ] {
            assert!(!text.contains(person), "{person}");
        }
        // Merging the copy back changes nothing of the original.
        assert_eq!(crate::merge(&d, &c).0, d);
        assert!(c.validate(10).is_empty(), "{:?}", c.validate(10));
    }
}

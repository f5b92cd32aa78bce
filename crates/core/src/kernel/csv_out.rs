//! CSV as Swedish Excel opens it: UTF-8 with BOM, `;` between fields, CRLF line ends; every
//! text cell safe from formula injection.

/// A text as one CSV cell: a leading `=`, `+`, `-` or `@` is quoted with `'` (so a
/// spreadsheet never runs it as a formula), and a text holding `;`, `"` or a line break is
/// put in double quotes with inner quotes doubled.
#[must_use]
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A CSV text being written: starts with the BOM; [`Self::line`] adds one row.
#[derive(Debug, Clone, Default)]
pub struct CsvOut(String);

impl CsvOut {
    /// An empty file (just the BOM).
    #[must_use]
    pub fn new() -> Self {
        Self(String::from("\u{feff}"))
    }

    /// One row of already escaped fields.
    pub fn line(&mut self, fields: &[String]) {
        self.0.push_str(&fields.join(";"));
        self.0.push_str("\r\n");
    }

    /// The text.
    #[must_use]
    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_safe_and_quoted() {
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-3"), "'-3");
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        let mut out = CsvOut::new();
        out.line(&["a".into(), "b".into()]);
        assert_eq!(out.finish(), "\u{feff}a;b\r\n");
    }
}

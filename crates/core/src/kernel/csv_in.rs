//! Reading CSV as spreadsheets save it (Swedish Excel: `;` between fields, UTF-8 with or
//! without BOM, or Windows-1252 from older Excel versions) — the part every import shares.
//!
//! [`table`] checks the size, decodes the bytes ([`decode`]), finds the delimiter
//! ([`delimiter`]), parses the records with `csv-core` ([`records`]: quoted fields, doubled
//! quotes, line breaks inside quotes) and splits off the header row; the modules guess their
//! columns from the header (with [`plain`]) and check the rows themselves. The writing side
//! is [`csv_out`](super::csv_out).
use crate::kernel::lang::{Lang, Localized};

/// Largest file read (bytes).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Most data rows read at once.
pub const MAX_ROWS: usize = 20_000;

/// How the bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a BOM, if any, removed).
    Utf8,
    /// Not valid UTF-8: read as Windows-1252 (older Excel "CSV (semikolonavgränsad)").
    Windows1252,
}

/// Why the file cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    /// Empty or only a header.
    #[error("no rows")]
    Empty,
    /// Larger than [`MAX_BYTES`].
    #[error("too large")]
    TooLarge,
    /// More than [`MAX_ROWS`] rows.
    #[error("too many rows")]
    TooManyRows,
}

impl Localized for CsvError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Empty, Lang::Sv) => {
                "Filen har inga rader under rubrikraden. Inget har ändrats.".into()
            }
            (Self::Empty, Lang::En) => {
                "The file has no rows below the header. Nothing has changed.".into()
            }
            (Self::TooLarge, Lang::Sv) => {
                "Filen är större än 10 MB. Dela upp den. Inget har ändrats.".into()
            }
            (Self::TooLarge, Lang::En) => {
                "The file is larger than 10 MB. Split it. Nothing has changed.".into()
            }
            (Self::TooManyRows, Lang::Sv) => {
                format!("Filen har fler än {MAX_ROWS} rader. Dela upp den. Inget har ändrats.")
            }
            (Self::TooManyRows, Lang::En) => {
                format!("The file has more than {MAX_ROWS} rows. Split it. Nothing has changed.")
            }
        }
    }
}

/// Why an import did not read a file at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The reader refused the file.
    Csv(CsvError),
    /// No column's header names what every row needs; the headers it looks for, as a user
    /// reads them ("Namn, Aktör eller Organisation" / "Name, Actor or Organisation").
    NoColumn {
        /// In Swedish.
        sv: &'static str,
        /// In English.
        en: &'static str,
    },
}

impl Localized for ReadError {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Csv(e), _) => e.message(lang),
            (Self::NoColumn { sv, .. }, Lang::Sv) => {
                format!("Ingen kolumn heter {sv}. Inget har ändrats.")
            }
            (Self::NoColumn { en, .. }, Lang::En) => {
                format!("No column is called {en}. Nothing has changed.")
            }
        }
    }
}

/// Windows-1252's 0x80–0x9F; the rest of the byte range is Latin-1.
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The bytes as text: UTF-8 (a leading BOM removed) when they are valid UTF-8, else
/// Windows-1252.
#[must_use]
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => {
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => CP1252[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect();
            (text, Encoding::Windows1252)
        }
    }
}

/// The delimiter (`;`, `,` or tab) that occurs most often (outside quotes) in the first line;
/// ties, e.g. a one-column file, go to `;`, Swedish Excel's choice.
#[must_use]
pub fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in first.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                if c == *d {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b';'))
        .map_or(b';', |(d, _)| *d)
}

/// Every record of `text` (RFC 4180 quoting: quoted fields, doubled quotes, line breaks
/// inside quotes), parsed with `csv-core`; blank lines are not records.
#[must_use]
pub fn records(text: &str, delim: u8) -> Vec<Vec<String>> {
    let mut rdr = csv_core::ReaderBuilder::new().delimiter(delim).build();
    let mut input = text.as_bytes();
    let mut out = vec![0u8; 4096];
    let mut ends = vec![0usize; 64];
    let (mut o, mut e) = (0usize, 0usize);
    let mut all = Vec::new();
    loop {
        let (res, nin, nout, nend) = rdr.read_record(input, &mut out[o..], &mut ends[e..]);
        input = &input[nin..];
        o += nout;
        e += nend;
        match res {
            csv_core::ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            csv_core::ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::Record => {
                let mut start = 0;
                let fields = ends[..e]
                    .iter()
                    .map(|&end| {
                        let f = String::from_utf8_lossy(&out[start..end]).into_owned();
                        start = end;
                        f
                    })
                    .collect();
                all.push(fields);
                o = 0;
                e = 0;
            }
            csv_core::ReadRecordResult::End => break,
        }
    }
    all
}

/// A file read into a header and rows, before any module looks at the columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// The delimiter found (`;`, `,` or tab).
    pub delimiter: u8,
    /// The header row, each cell trimmed.
    pub headers: Vec<String>,
    /// The data rows that hold some text: (Excel row number, cells). The header is row 1; a
    /// line break inside a cell does not start a new row.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// A row an import left out: where, and what is wrong (each import's own `P`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem<P> {
    /// Excel's row number (the header is row 1).
    pub row: usize,
    /// The column's header as in the file ("" when no column is to blame).
    pub column: String,
    /// What is wrong.
    pub problem: P,
}

impl Table {
    /// The problem `problem` of Excel row `row`, in column `column` (an index into the headers).
    #[must_use]
    pub fn problem<P>(&self, row: usize, column: Option<usize>, problem: P) -> RowProblem<P> {
        RowProblem {
            row,
            column: column
                .and_then(|c| self.headers.get(c))
                .cloned()
                .unwrap_or_default(),
            problem,
        }
    }
}

/// Reads a CSV file's bytes into a [`Table`].
///
/// # Errors
/// [`CsvError::TooLarge`] over [`MAX_BYTES`], [`CsvError::Empty`] without a data row,
/// [`CsvError::TooManyRows`] over [`MAX_ROWS`] data rows.
pub fn table(bytes: &[u8]) -> Result<Table, CsvError> {
    if bytes.len() > MAX_BYTES {
        return Err(CsvError::TooLarge);
    }
    let (text, encoding) = decode(bytes);
    let delim = delimiter(&text);
    let mut recs = records(&text, delim).into_iter();
    let headers: Vec<String> = recs
        .next()
        .unwrap_or_default()
        .into_iter()
        .map(|h| h.trim().to_owned())
        .collect();
    // Excel's row numbers: the header is row 1; blank rows are skipped.
    let rows: Vec<(usize, Vec<String>)> = recs
        .enumerate()
        .map(|(i, r)| (i + 2, r))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.is_empty() {
        return Err(CsvError::Empty);
    }
    if rows.len() > MAX_ROWS {
        return Err(CsvError::TooManyRows);
    }
    Ok(Table {
        encoding,
        delimiter: delim,
        headers,
        rows,
    })
}

/// Lower case without accents, words one space apart: "Miljö" and "MILJO" both give "miljo",
/// "Mål " gives "mal". Lower case is taken for ASCII and the Latin-1 letters (Å Ä Ö É Ü …);
/// other characters stay as they are.
#[must_use]
pub fn plain(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => {
                char::from_u32(c as u32 + 32).unwrap_or(c)
            }
            _ => c,
        })
        .map(|c| match c {
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ò'..='ö' | 'ø' => 'o',
            'ù'..='ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_delimiters_and_quotes() {
        assert_eq!(
            decode(b"\xef\xbb\xbfK\xc3\xa5l"),
            ("Kål".into(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"K\xe5l \x80"),
            ("Kål €".into(), Encoding::Windows1252)
        );
        assert_eq!(delimiter("a;b,c;d"), b';');
        assert_eq!(
            delimiter("\"a;b\",c"),
            b',',
            "quoted delimiters do not count"
        );
        assert_eq!(delimiter("a\tb"), b'\t');
        assert_eq!(delimiter("a"), b';');
        assert_eq!(
            records("a;\"b;\"\"c\"\"\nd\"\r\n\r\ne;f", b';'),
            vec![
                vec!["a".to_owned(), "b;\"c\"\nd".to_owned()],
                vec!["e".to_owned(), "f".to_owned()]
            ]
        );
    }

    #[test]
    fn tables_number_rows_as_excel_does() {
        let t = table(b" Kod ;Namn\r\n1;\"Ett\nrad\"\r\n;\r\n3;Tre\r\n").unwrap();
        assert_eq!(t.headers, vec!["Kod", "Namn"]);
        assert_eq!(t.rows.len(), 2, "a row of empty cells is skipped");
        assert_eq!(t.rows[0].0, 2);
        assert_eq!(t.rows[1].0, 4);
        assert_eq!(table(b"Kod;Namn\r\n"), Err(CsvError::Empty));
        assert_eq!(table(&vec![b'a'; MAX_BYTES + 1]), Err(CsvError::TooLarge));
        let many = "x\n".repeat(MAX_ROWS + 2);
        assert_eq!(table(many.as_bytes()), Err(CsvError::TooManyRows));
        for e in [CsvError::Empty, CsvError::TooLarge, CsvError::TooManyRows] {
            assert_ne!(e.message(Lang::Sv), e.message(Lang::En));
        }
    }

    #[test]
    fn plain_folds_case_accents_and_spaces() {
        assert_eq!(plain("  Miljö  HÅLLBARHET "), "miljo hallbarhet");
        assert_eq!(plain("MILJO"), "miljo");
        assert_eq!(plain("Mål"), "mal");
        assert_eq!(plain("ÉKONOMISK"), "ekonomisk");
    }
}

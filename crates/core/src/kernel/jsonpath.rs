//! The JSON path (`workspace.inspel[3].title.value`) at a line and column of a JSON text,
//! for error messages. A small scanner instead of a path-tracking deserialiser keeps the
//! decoder single and the wasm bundle small.

enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The path of the value being read at 1-based `line` and `column` (as serde_json reports
/// errors). Inputs that are not JSON give the path as far as it can be followed.
#[must_use]
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object {
                    key,
                    expecting_key: expecting @ true,
                }) = stack.last_mut()
                {
                    *key = Some(
                        text.get(start..i.min(bytes.len()))
                            .unwrap_or_default()
                            .to_owned(),
                    );
                    *expecting = false;
                }
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut out = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => out.push_str(&format!("[{index}]")),
        }
    }
    if out.is_empty() { ".".to_owned() } else { out }
}

/// Byte offset of the character before 1-based `column` on 1-based `line`.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(n) => start += n + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::path_at;

    #[test]
    fn paths_follow_keys_and_indices() {
        let t = r#"{"a": {"b": [1, {"c": "x"}, 3]}, "d": 2}"#;
        let col = t.find("\"x\"").unwrap() + 3;
        assert_eq!(path_at(t, 1, col), "a.b[1].c");
        let col = t.find('3').unwrap() + 1;
        assert_eq!(path_at(t, 1, col), "a.b[2]");
        let col = t.rfind('2').unwrap() + 1;
        assert_eq!(path_at(t, 1, col), "d");
        assert_eq!(path_at("{\n \"k\": [\n  \"a,b\",\n  7", 4, 3), "k[1]");
        assert_eq!(path_at("", 1, 1), ".");
    }
}

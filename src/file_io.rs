//! The only code that moves files in and out: downloads, the Web Share API and reading
//! picked or dropped files. No request ever leaves the page: files become Blob URLs.
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A file a user picked or dropped, read as text.
pub struct PickedFile {
    /// The file's name.
    pub name: String,
    /// Its text, or why it could not be read.
    pub text: Result<String, FileReadError>,
}

/// Why a picked file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileReadError {
    /// Larger than the import limit; not read at all.
    TooLarge(usize),
    /// Not UTF-8 text, or the browser failed to read it.
    NotText,
}

/// A safe file name: letters, digits, `-` and `_` only (Swedish letters folded).
#[must_use]
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    // ASCII folding by hand: char::to_lowercase would pull Unicode tables into the bundle.
    for c in text.chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'Å' | 'Ä' | 'À' | 'Á' => 'a',
            'ö' | 'ø' | 'ó' | 'Ö' | 'Ø' | 'Ó' => 'o',
            'é' | 'è' | 'É' | 'È' => 'e',
            'ü' | 'Ü' => 'u',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let mut s: String = out.chars().take(60).collect();
    if s.is_empty() {
        s.push_str("vagval");
    }
    s
}

fn blob(text: &str, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Offers `text` as a download called `file_name`.
///
/// # Errors
/// The browser's error if the Blob or the link could not be made.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(&blob(text, mime)?)?;
    download_url(file_name, url)
}

/// Offers `text` as a download called `file_name`; if the browser refuses, says so in `error`
/// (in `lang`). One copy for every module's exports.
pub fn offer(
    file_name: &str,
    text: &str,
    mime: &str,
    error: leptos::prelude::RwSignal<Option<String>>,
    lang: vagval_core::Lang,
) {
    use leptos::prelude::Set;
    if download(file_name, text, mime).is_err() {
        error.set(Some(crate::i18n::texts(lang).download_failed.to_owned()));
    }
}

/// Offers the object URL `url` as a download called `file_name`, revoking it afterwards.
fn download_url(file_name: &str, url: String) -> Result<(), JsValue> {
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    document.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: revoking right after click() can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}

/// Draws the SVG document `svg` (with its own width and height) on a canvas and offers the
/// picture as a PNG download called `file_name`. Everything stays in the page: the SVG is a
/// blob URL and the PNG a blob (CSP `img-src blob:`).
///
/// # Errors
/// The browser's error if the picture could not be drawn or encoded.
pub async fn download_png(file_name: &str, svg: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(&blob(svg, "image/svg+xml")?)?;
    let img = web_sys::HtmlImageElement::new()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    img.set_src(&url);
    let drawn = JsFuture::from(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    drawn?;
    let document = leptos::prelude::document();
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    canvas.set_width(img.natural_width().max(1));
    canvas.set_height(img.natural_height().max(1));
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .unchecked_into();
    ctx.draw_image_with_html_image_element(&img, 0.0, 0.0)?;
    let encoded = js_sys::Promise::new(&mut |resolve, _| {
        let _ = canvas.to_blob(&resolve);
    });
    let png: web_sys::Blob = JsFuture::from(encoded).await?.dyn_into()?;
    download_url(file_name, web_sys::Url::create_object_url_with_blob(&png)?)
}

fn share_data(file_name: &str, text: &str) -> Result<web_sys::ShareData, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/json");
    let file = web_sys::File::new_with_str_sequence_and_options(&parts, file_name, &options)?;
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&file));
    data.set_title(file_name);
    Ok(data)
}

/// Whether this browser can share a file (tablets: AirDrop, mail, Files …).
#[must_use]
pub fn can_share_files() -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let has = js_sys::Reflect::has(&nav, &"canShare".into()).unwrap_or(false);
    has && share_data("x.json", "{}").is_ok_and(|d| nav.can_share_with_data(&d))
}

/// Shares `text` as a file through the Web Share API. `Ok(false)` when the user cancelled.
///
/// # Errors
/// The browser's error when sharing is not possible.
pub async fn share(file_name: &str, text: &str) -> Result<bool, JsValue> {
    let nav = web_sys::window().ok_or("no window")?.navigator();
    let data = share_data(file_name, text)?;
    match JsFuture::from(nav.share_with_data(&data)).await {
        Ok(_) => Ok(true),
        Err(e)
            if e.dyn_ref::<web_sys::DomException>()
                .is_some_and(|x| x.name() == "AbortError") =>
        {
            Ok(false)
        }
        Err(e) => Err(e),
    }
}

/// Reads files as text, refusing any larger than `max_bytes` before reading it.
pub async fn read_files(files: Vec<web_sys::File>, max_bytes: usize) -> Vec<PickedFile> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let size = file.size() as usize;
        let text = if size > max_bytes {
            Err(FileReadError::TooLarge(size))
        } else {
            // Bytes, not File.text(): that would silently replace invalid UTF-8.
            match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => String::from_utf8(js_sys::Uint8Array::new(&buf).to_vec())
                    .map_err(|_| FileReadError::NotText),
                Err(_) => Err(FileReadError::NotText),
            }
        };
        out.push(PickedFile { name, text });
    }
    out
}

/// Reads one file's bytes (for formats with their own encoding detection, e.g. CSV),
/// refusing it before reading when it is larger than `max_bytes`.
///
/// # Errors
/// Too large, or the browser could not read it.
pub async fn read_bytes(file: &web_sys::File, max_bytes: usize) -> Result<Vec<u8>, FileReadError> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let size = file.size() as usize;
    if size > max_bytes {
        return Err(FileReadError::TooLarge(size));
    }
    match JsFuture::from(file.array_buffer()).await {
        Ok(buf) => Ok(js_sys::Uint8Array::new(&buf).to_vec()),
        Err(_) => Err(FileReadError::NotText),
    }
}

/// The first file picked in a file input's `change` event: the input is cleared (so the same
/// file can be picked again), then `then` runs with the file's name and its bytes (refused
/// unread above `max_bytes`). Nothing runs when no file was picked.
pub fn pick_bytes(
    ev: &web_sys::Event,
    max_bytes: usize,
    then: impl FnOnce(String, Result<Vec<u8>, FileReadError>) + 'static,
) {
    // One copy of the reading for every caller (a generic future would be one per module).
    pick(ev, max_bytes, Box::new(then));
}

type Picked = Box<dyn FnOnce(String, Result<Vec<u8>, FileReadError>)>;

fn pick(ev: &web_sys::Event, max_bytes: usize, then: Picked) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = files_of(input.files()).into_iter().next() else {
        return;
    };
    input.set_value("");
    leptos::task::spawn_local(async move {
        let bytes = read_bytes(&file, max_bytes).await;
        then(file.name(), bytes);
    });
}

/// The files of a `FileList` (from an `<input type=file>` or a drop).
#[must_use]
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

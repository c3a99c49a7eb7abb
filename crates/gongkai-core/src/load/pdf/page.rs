//! One page's content stream, interpreted far enough to know where each character is drawn and
//! where ruling lines are: the text state (`Tf Tc Tw Tz TL Ts Tm Td TD T* Tj TJ ' "`), the
//! transformation matrix (`cm q Q`), form XObjects (`Do`, bounded depth), and paths (`m l h re`)
//! that are stroked, or filled when thin, as horizontal and vertical rules.

use super::font::{Font, Glyph, deref, number};
use super::{Budget, PdfError};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

/// A character placed on the page, in top-down page coordinates (points).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Char {
    pub(crate) text: String,
    pub(crate) x0: f64,
    pub(crate) x1: f64,
    /// The baseline, measured from the top of the page.
    pub(crate) y: f64,
    /// The font size on the page.
    pub(crate) size: f64,
}

/// A horizontal or vertical ruling line, in top-down page coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rule {
    pub(crate) x0: f64,
    pub(crate) y0: f64,
    pub(crate) x1: f64,
    pub(crate) y1: f64,
}

impl Rule {
    pub(crate) fn horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() <= (self.x1 - self.x0).abs()
    }
}

/// What a page holds.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub(crate) height: f64,
    pub(crate) chars: Vec<Char>,
    pub(crate) rules: Vec<Rule>,
    /// Codes no font could map to Unicode.
    pub(crate) unmapped: usize,
    /// Whether the page draws an image (a scan, when it has no text).
    pub(crate) images: usize,
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

#[derive(Debug, Clone)]
struct GState {
    ctm: Matrix,
    font: Option<String>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for GState {
    fn default() -> Self {
        Self {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Deepest nesting of form XObjects followed.
const MAX_FORM_DEPTH: usize = 8;
/// Most `q` saves kept.
const MAX_STACK: usize = 256;

struct Interp<'a> {
    doc: &'a Document,
    budget: &'a mut Budget,
    page: Page,
    /// Fonts resolved so far, by object id or (for direct dictionaries) by resource name.
    fonts: HashMap<FontKey, Font>,
    glyphs: Vec<Glyph>,
    /// Subpaths of the current path, in page space (y up).
    path: Vec<Vec<(f64, f64)>>,
    forms: Vec<ObjectId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectId),
    Direct(usize, Vec<u8>),
}

/// Reads one page.
pub(super) fn read(doc: &Document, page_id: ObjectId, budget: &mut Budget) -> Result<Page, PdfError> {
    let page_dict = doc.get_dictionary(page_id).map_err(|e| PdfError::Corrupt(e.to_string()))?;
    let media = inherited(doc, page_id, b"MediaBox")
        .and_then(|o| o.as_array().ok().cloned())
        .map(|a| a.iter().filter_map(|o| deref(doc, Some(o)).and_then(number)).collect::<Vec<_>>())
        .filter(|v| v.len() == 4)
        .unwrap_or_else(|| vec![0.0, 0.0, 595.0, 842.0]);
    let (x_min, y_min) = (media[0].min(media[2]), media[1].min(media[3]));
    let (width, height) = ((media[2] - media[0]).abs(), (media[3] - media[1]).abs());
    let rotate = inherited(doc, page_id, b"Rotate").and_then(number).unwrap_or(0.0).rem_euclid(360.0);
    // Page space → a y-up space with the origin at the visible page's lower left, rotation undone.
    let base: Matrix = match rotate as i64 {
        90 => [0.0, -1.0, 1.0, 0.0, -y_min, x_min + width],
        180 => [-1.0, 0.0, 0.0, -1.0, x_min + width, y_min + height],
        270 => [0.0, 1.0, -1.0, 0.0, y_min + height, -x_min],
        _ => [1.0, 0.0, 0.0, 1.0, -x_min, -y_min],
    };
    let height = if matches!(rotate as i64, 90 | 270) { width } else { height };
    let content = doc
        .get_page_content_with_limit(page_id, budget.stream_limit)
        .map_err(|_| PdfError::TooLarge("a page's content expands past the size limit".into()))?;
    budget.spend_bytes(content.len())?;
    let resources = resources_of(doc, page_id, page_dict);
    let mut interp = Interp {
        doc,
        budget,
        page: Page { height, ..Page::default() },
        fonts: HashMap::new(),
        glyphs: Vec::new(),
        path: Vec::new(),
        forms: Vec::new(),
    };
    let gs = GState { ctm: base, ..GState::default() };
    interp.run(&content, resources.as_ref(), gs)?;
    Ok(interp.page)
}

/// An attribute of the page or inherited from its parents.
fn inherited<'a>(doc: &'a Document, page_id: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut id = Some(page_id);
    for _ in 0..32 {
        let dict = doc.get_dictionary(id?).ok()?;
        if let Some(o) = deref(doc, dict.get(key).ok()) {
            return Some(o);
        }
        id = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok());
    }
    None
}

fn resources_of(doc: &Document, page_id: ObjectId, _page: &Dictionary) -> Option<Dictionary> {
    inherited(doc, page_id, b"Resources").and_then(|o| o.as_dict().ok()).cloned()
}

impl Interp<'_> {
    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>, start: GState) -> Result<(), PdfError> {
        let mut gs = start;
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let scope = self.forms.len();
        if scope > 0 {
            self.fonts.retain(|k, _| !matches!(k, FontKey::Direct(s, _) if *s >= scope));
        }
        for op in Content::decode_iter(content) {
            let Ok(op) = op else { break };
            self.budget.spend_op()?;
            let nums: Vec<f64> = op.operands.iter().filter_map(number).collect();
            let n = |i: usize| nums.get(i).copied().unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < MAX_STACK => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" if nums.len() == 6 => gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm),
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    gs.font = op.operands.first().and_then(|o| o.as_name().ok()).map(|b| {
                        let key = String::from_utf8_lossy(b).into_owned();
                        self.load_font(resources, &key, scope);
                        key
                    });
                    gs.size = nums.first().copied().unwrap_or(0.0);
                }
                "Tc" => gs.char_spacing = n(0),
                "Tw" => gs.word_spacing = n(0),
                "Tz" => gs.scale = n(0) / 100.0,
                "TL" => gs.leading = n(0),
                "Ts" => gs.rise = n(0),
                "Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.leading = -n(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" if nums.len() == 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            gs.word_spacing = n(0);
                            gs.char_spacing = n(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Object::String(bytes, _)) = op.operands.last() {
                        self.show(bytes, &gs, &mut tm, scope);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = op.operands.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => self.show(bytes, &gs, &mut tm, scope),
                                other => {
                                    let adj = number(other).unwrap_or(0.0);
                                    let tx = -adj / 1000.0 * gs.size * gs.scale;
                                    let vertical = self.font(&gs, scope).is_some_and(|f| f.vertical);
                                    let step = if vertical {
                                        [1.0, 0.0, 0.0, 1.0, 0.0, -adj / 1000.0 * gs.size]
                                    } else {
                                        [1.0, 0.0, 0.0, 1.0, tx, 0.0]
                                    };
                                    tm = mul(&step, &tm);
                                }
                            }
                        }
                    }
                }
                "m" => self.path.push(vec![apply(&gs.ctm, n(0), n(1))]),
                "l" => {
                    let p = apply(&gs.ctm, n(0), n(1));
                    match self.path.last_mut() {
                        Some(sub) => sub.push(p),
                        None => self.path.push(vec![p]),
                    }
                }
                "c" | "v" | "y" => {
                    // Curves are not rules; keep the end point so a following `l` starts right.
                    let (x, y) = (nums[nums.len().saturating_sub(2)..].first().copied(), nums.last().copied());
                    if let (Some(x), Some(y)) = (x, y) {
                        let p = apply(&gs.ctm, x, y);
                        self.path.push(vec![p]);
                    }
                }
                "h" => {
                    if let Some(sub) = self.path.last_mut()
                        && let Some(first) = sub.first().copied()
                    {
                        sub.push(first);
                    }
                }
                "re" if nums.len() == 4 => {
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    let pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                    self.path.push(pts.iter().map(|(a, b)| apply(&gs.ctm, *a, *b)).collect());
                }
                "S" | "s" | "B" | "B*" | "b" | "b*" => self.flush_path(true),
                "f" | "F" | "f*" => self.flush_path(false),
                "n" => self.path.clear(),
                "Do" => {
                    if let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) {
                        self.draw_xobject(resources, name, &gs)?;
                    }
                }
                "BI" | "EI" => self.page.images += 1,
                _ => {}
            }
        }
        self.forms.truncate(scope);
        Ok(())
    }

    fn font(&self, gs: &GState, scope: usize) -> Option<&Font> {
        let name = gs.font.as_ref()?;
        self.fonts.get(&FontKey::Direct(scope, name.as_bytes().to_vec()))
    }

    fn load_font(&mut self, resources: Option<&Dictionary>, name: &str, scope: usize) {
        let key = FontKey::Direct(scope, name.as_bytes().to_vec());
        if self.fonts.contains_key(&key) {
            return;
        }
        let doc = self.doc;
        let entry = resources
            .and_then(|r| deref(doc, r.get(b"Font").ok()))
            .and_then(|f| f.as_dict().ok())
            .and_then(|f| f.get(name.as_bytes()).ok());
        let id = match entry {
            Some(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let font = match id.and_then(|id| self.fonts.get(&FontKey::Object(id))) {
            Some(f) => f.clone(),
            None => {
                let font = deref(doc, entry)
                    .and_then(|o| o.as_dict().ok())
                    .map_or_else(Font::missing, |d| Font::from_dict(doc, d, self.budget.stream_limit));
                if let Some(id) = id {
                    self.fonts.insert(FontKey::Object(id), font.clone());
                }
                font
            }
        };
        self.fonts.insert(key, font);
    }

    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Matrix, scope: usize) {
        let mut glyphs = std::mem::take(&mut self.glyphs);
        glyphs.clear();
        let Some(font) = self.font(gs, scope) else { return };
        let vertical = font.vertical;
        font.glyphs(bytes, &mut glyphs);
        for g in &glyphs {
            let trm = mul(&mul(&[gs.size * gs.scale, 0.0, 0.0, gs.size, 0.0, gs.rise], tm), &gs.ctm);
            let w = g.width / 1000.0;
            let (x, y) = (trm[4], trm[5]);
            let x_scale = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
            let y_scale = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let upright = trm[1].abs() < 1e-6 * x_scale.max(1.0) && trm[0] > 0.0 && trm[3] > 0.0;
            if g.unmapped {
                self.page.unmapped += 1;
            }
            let text: String = g.text.chars().filter(|c| !c.is_control()).collect();
            if upright && !text.trim().is_empty() && y_scale > 0.0 {
                let advance = if vertical { y_scale } else { w * x_scale };
                let top_down = self.page.height - y;
                self.page.chars.push(Char { text, x0: x, x1: x + advance.max(0.0), y: top_down, size: y_scale });
            }
            let spacing = gs.char_spacing + if g.is_space { gs.word_spacing } else { 0.0 };
            let step = if vertical {
                [1.0, 0.0, 0.0, 1.0, 0.0, -(w * gs.size + spacing)]
            } else {
                [1.0, 0.0, 0.0, 1.0, (w * gs.size + spacing) * gs.scale, 0.0]
            };
            *tm = mul(&step, tm);
        }
        self.glyphs = glyphs;
    }

    /// Turns the current path's axis-parallel segments into rules: every segment when stroked, the
    /// edges of thin shapes (a drawn border as a filled rectangle) when filled.
    fn flush_path(&mut self, stroked: bool) {
        let h = self.page.height;
        for sub in std::mem::take(&mut self.path) {
            if !stroked {
                let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
                for (x, y) in &sub {
                    (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
                }
                if sub.len() < 2 || (x1 - x0).min(y1 - y0) > 2.5 {
                    continue; // a shaded area, not a line
                }
                let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                let rule = if x1 - x0 >= y1 - y0 {
                    Rule { x0, y0: h - cy, x1, y1: h - cy }
                } else {
                    Rule { x0: cx, y0: h - y1, x1: cx, y1: h - y0 }
                };
                self.page.rules.push(rule);
                continue;
            }
            for pair in sub.windows(2) {
                let ((ax, ay), (bx, by)) = (pair[0], pair[1]);
                if (ay - by).abs() < 0.5 && (ax - bx).abs() > 0.5 {
                    self.page.rules.push(Rule { x0: ax.min(bx), y0: h - ay, x1: ax.max(bx), y1: h - ay });
                } else if (ax - bx).abs() < 0.5 && (ay - by).abs() > 0.5 {
                    self.page.rules.push(Rule { x0: ax, y0: h - ay.max(by), x1: ax, y1: h - ay.min(by) });
                }
            }
        }
    }

    fn draw_xobject(&mut self, resources: Option<&Dictionary>, name: &[u8], gs: &GState) -> Result<(), PdfError> {
        let doc = self.doc;
        let entry = resources
            .and_then(|r| deref(doc, r.get(b"XObject").ok()))
            .and_then(|x| x.as_dict().ok())
            .and_then(|x| x.get(name).ok());
        let Some(Object::Reference(id)) = entry else { return Ok(()) };
        let Some(stream) = doc.get_object(*id).ok().and_then(|o| o.as_stream().ok()) else { return Ok(()) };
        let subtype = stream.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok());
        if subtype == Some(b"Image") {
            self.page.images += 1;
            return Ok(());
        }
        if subtype != Some(b"Form") || self.forms.len() >= MAX_FORM_DEPTH || self.forms.contains(id) {
            return Ok(());
        }
        let content = stream
            .decompressed_content_with_limit(self.budget.stream_limit)
            .map_err(|_| PdfError::TooLarge("a form's content expands past the size limit".into()))?;
        self.budget.spend_bytes(content.len())?;
        let matrix = deref(doc, stream.dict.get(b"Matrix").ok())
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().filter_map(|o| deref(doc, Some(o)).and_then(number)).collect::<Vec<_>>())
            .filter(|m| m.len() == 6)
            .map_or(IDENTITY, |m| [m[0], m[1], m[2], m[3], m[4], m[5]]);
        let own = deref(doc, stream.dict.get(b"Resources").ok()).and_then(|o| o.as_dict().ok());
        // A form's own resources, with names it lacks taken from the page's (as viewers do).
        let own = own.map(|own| merge_resources(doc, resources, own));
        let inner = GState { ctm: mul(&matrix, &gs.ctm), ..gs.clone() };
        self.forms.push(*id);
        let path = std::mem::take(&mut self.path);
        let result = self.run(&content, own.as_ref().or(resources), inner);
        self.path = path;
        result
    }
}

/// The form's resources over the enclosing ones, category by category (`Font`, `XObject` …).
fn merge_resources(doc: &Document, outer: Option<&Dictionary>, own: &Dictionary) -> Dictionary {
    let mut merged = outer.cloned().unwrap_or_default();
    for (key, value) in own.iter() {
        let inner = deref(doc, Some(value)).and_then(|o| o.as_dict().ok());
        let outer_cat = merged.get(key).ok().and_then(|o| deref(doc, Some(o))).and_then(|o| o.as_dict().ok()).cloned();
        match (inner, outer_cat) {
            (Some(inner), Some(mut cat)) => {
                for (k, v) in inner.iter() {
                    cat.set(k.clone(), v.clone());
                }
                merged.set(key.clone(), Object::Dictionary(cat));
            }
            _ => merged.set(key.clone(), value.clone()),
        }
    }
    merged
}

//! The text of a PDF's pages, right-to-left lines (Arabic, Hebrew) in reading
//! order.
//!
//! A PDF draws glyphs, not text. The official Arabic versions of treaty body
//! documents (written in Word) draw each run of Arabic left to right as it is
//! seen, the runs in the order they are read, so the glyphs in the order they
//! are drawn read neither way. [`PageText`] lays out text as
//! `pdf_extract::PlainTextOutput` does (the same line breaks and spaces, from
//! the same positions; a line with no right-to-left letter comes out exactly as
//! it does there), and puts a line that has right-to-left letters in reading
//! order from where its glyphs stand: seen left to right, then read right to
//! left, runs of Latin letters and digits (a symbol, a number) kept left to
//! right, brackets in right-to-left text facing the other way. A glyph that
//! stands for several letters (the ligature "في") keeps their order.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Whether a character is a letter of a right-to-left script (Hebrew, Arabic,
/// Syriac, Thaana and their presentation forms).
pub(crate) fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
        // Letters only: the scripts' punctuation ("،", the ornate brackets
        // "﴾﴿") takes the direction of the text around it, and their digits
        // are read left to right, like ours.
        && c.is_alphabetic()
}

/// Whether a character is read left to right whatever surrounds it (a letter
/// of another script, a digit).
fn is_left_to_right(c: char) -> bool {
    c.is_alphanumeric() && !is_right_to_left(c)
}

/// One glyph drawn: its text (where it was written in the line's text), where
/// it starts and ends on the line, the font size it is drawn at, and what
/// `PlainTextOutput` would have written before it.
struct Glyph {
    text: std::ops::Range<usize>,
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    before: &'static str,
}

/// A `pdf_extract` output that writes each page's text into a `String`.
pub struct PageText<'a> {
    out: &'a mut String,
    /// The glyphs of the line being drawn, its text written from `line_start`
    /// of `out` as `PlainTextOutput` writes it.
    line: Vec<Glyph>,
    line_start: usize,
    right_to_left: bool,
    last_end: f64,
    last_y: f64,
    first_char: bool,
    /// The page height, to turn positions the right way up.
    height: f64,
}

impl<'a> PageText<'a> {
    /// Starts as `PlainTextOutput::new` does.
    pub fn new(out: &'a mut String) -> Self {
        Self {
            out,
            line: Vec::new(),
            line_start: 0,
            right_to_left: false,
            last_end: 100000.,
            last_y: 0.,
            first_char: false,
            height: 0.,
        }
    }

    /// Ends the line drawn so far: written as it was drawn unless it has
    /// right-to-left letters, written again in reading order if it has.
    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        let right_to_left = std::mem::take(&mut self.right_to_left);
        if right_to_left {
            let drawn = self.out.split_off(self.line_start);
            // What comes before the line's first glyph (line breaks) stays first.
            if let Some(g) = line.first() {
                self.out.push_str(&g.before.replace(' ', ""));
            }
            // A right-to-left line goes on at the right, further down: where
            // `PlainTextOutput` sees no new line (it looks for one to the left),
            // the glyphs are the next line's when they stand half a size lower or
            // higher. Superscripts (a footnote marker) stand less than half a
            // size higher, and stay on their line.
            let mut start = 0;
            for i in 0..line.len() {
                let last = i + 1 == line.len();
                let next_line = !last && {
                    let (g, n) = (&line[i], &line[i + 1]);
                    (n.y - g.y).abs() > n.size.max(g.size) * 0.5
                };
                if last || next_line {
                    if start > 0 {
                        self.out.push('\n');
                    }
                    self.out.push_str(&reading_order(&line[start..=i], &drawn));
                    start = i + 1;
                }
            }
        }
        self.line_start = self.out.len();
    }
}

/// The glyphs of a line with right-to-left letters, in reading order.
fn reading_order(line: &[Glyph], drawn: &str) -> String {
    let mut line: Vec<&Glyph> = line.iter().collect();
    line.sort_by(|a, b| a.x.total_cmp(&b.x));
    // Seen left to right, a space where glyphs stand apart.
    let mut seen: Vec<&str> = Vec::with_capacity(line.len() * 2);
    let mut last_end: Option<f64> = None;
    for g in &line {
        if last_end.is_some_and(|end| g.x > end + g.size * 0.1) {
            seen.push(" ");
        }
        last_end = Some(last_end.map_or(g.end, |e: f64| e.max(g.end)));
        seen.push(drawn.get(g.text.clone()).unwrap_or_default());
    }
    // Read right to left; runs of left-to-right text (with what stands between
    // their letters) turned back.
    seen.reverse();
    let strong_ltr: Vec<bool> = seen
        .iter()
        .map(|t| t.chars().any(is_left_to_right) && !t.chars().any(is_right_to_left))
        .collect();
    let strong_rtl: Vec<bool> = seen
        .iter()
        .map(|t| t.chars().any(is_right_to_left))
        .collect();
    let mut text = String::new();
    let mut i = 0;
    while i < seen.len() {
        if !strong_ltr[i] {
            // Brackets come as they are read: the PDFs give the bracket a
            // right-to-left line means, not the one it shows.
            text.push_str(seen[i]);
            i += 1;
            continue;
        }
        // The run: to the last left-to-right glyph before a right-to-left one.
        let mut last = i;
        let mut j = i + 1;
        while j < seen.len() && !strong_rtl[j] {
            if strong_ltr[j] {
                last = j;
            }
            j += 1;
        }
        for t in seen[i..=last].iter().rev() {
            text.push_str(t);
        }
        i = last + 1;
    }
    text
}

impl OutputDev for PageText<'_> {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.flush();
        Ok(())
    }

    /// As `PlainTextOutput::output_character`, the glyph kept for its line.
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // The position with the page turned the right way up, as
        // `trm.post_transform(flip)` with flip = (1, 0, 0, -1, 0, height).
        let (x, y) = (trm.m31, self.height - trm.m32);
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).sqrt();
        let mut before = "";
        if self.first_char {
            let far_down = (y - self.last_y).abs() > size * 1.5;
            let back_and_down = x < self.last_end && (y - self.last_y).abs() > size * 0.5;
            let apart = x > self.last_end + size * 0.1;
            before = match (far_down, back_and_down, apart) {
                (true, true, true) => "\n\n ",
                (true, true, false) => "\n\n",
                (true, false, true) | (false, true, true) => "\n ",
                (true, false, false) | (false, true, false) => "\n",
                (false, false, true) => " ",
                (false, false, false) => "",
            };
        }
        if before.contains('\n') {
            self.flush();
        }
        let end = x + width * size;
        self.out.push_str(before);
        let start = self.out.len() - self.line_start;
        self.out.push_str(char);
        self.right_to_left |= char.chars().any(is_right_to_left);
        self.line.push(Glyph {
            text: start..start + char.len(),
            x,
            y,
            end,
            size,
            before,
        });
        self.first_char = false;
        self.last_y = y;
        self.last_end = end;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.first_char = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of glyphs as a PDF draws them: (text, x), each 1 unit wide at
    /// size 10, in the order drawn; read in reading order.
    fn read(glyphs: &[(&str, f64)]) -> String {
        let mut drawn = String::new();
        let line: Vec<Glyph> = glyphs
            .iter()
            .map(|&(text, x)| {
                let start = drawn.len();
                drawn.push_str(text);
                Glyph {
                    text: start..drawn.len(),
                    x,
                    y: 0.0,
                    end: x + 1.0,
                    size: 10.0,
                    before: "",
                }
            })
            .collect();
        reading_order(&line, &drawn)
    }

    /// Words drawn as they are seen: each letter 1 unit right of the last.
    fn read_words(words: &[(&str, f64)]) -> String {
        let glyphs: Vec<(String, f64)> = words
            .iter()
            .flat_map(|&(w, x)| {
                w.chars()
                    .enumerate()
                    .map(move |(i, c)| (c.to_string(), x + i as f64))
            })
            .collect();
        let refs: Vec<(&str, f64)> = glyphs.iter().map(|(t, x)| (t.as_str(), *x)).collect();
        read(&refs)
    }

    #[test]
    fn an_arabic_line_reads_right_to_left_whatever_order_its_runs_were_drawn_in() {
        // "1- نظرت اللجنة" seen as "اللجنة نظرت -1" from the left: the words
        // drawn as they are seen (letters left to right, so backwards), the
        // first word read drawn first.
        let seen_words = [("ترظن", 10.5), ("ةنجللا", 3.0), ("-", 16.0), ("1", 17.0)];
        assert_eq!(read_words(&seen_words), "1- نظرت اللجنة");
        // The same line drawn in another order reads the same.
        let other_order = [("1", 17.0), ("ةنجللا", 3.0), ("-", 16.0), ("ترظن", 10.5)];
        assert_eq!(read_words(&other_order), "1- نظرت اللجنة");
    }

    #[test]
    fn latin_text_and_numbers_inside_arabic_stay_left_to_right() {
        // Seen from the left: "يف (CRPD/C/ALB/1) ترظن" — read: نظرت (CRPD/C/ALB/1) في.
        let seen = [("يف", 0.0), (")CRPD/C/ALB/1(", 3.5), ("ترظن", 19.0)];
        assert_eq!(read_words(&seen), "نظرت (CRPD/C/ALB/1) في");
        let number = [("2019", 0.0), ("بآ", 5.5)];
        assert_eq!(read_words(&number), "آب 2019");
    }

    #[test]
    fn a_glyph_for_several_letters_keeps_their_order() {
        // The ligature glyph "في" is one glyph whose text is already in order.
        let seen = [("في", 0.0), (" ", 1.0), ("ن", 2.0), ("م", 3.0)];
        assert_eq!(read(&seen), "من في");
    }

    /// A page drawn glyph by glyph through the output, as pdf_extract does:
    /// (text, x, y), one word each, size 10, 1 unit wide.
    fn page(glyphs: &[(&str, f64, f64)]) -> String {
        let mut text = String::new();
        {
            let mut page = PageText::new(&mut text);
            let media = MediaBox {
                llx: 0.0,
                lly: 0.0,
                urx: 600.0,
                ury: 800.0,
            };
            page.begin_page(1, &media, None).expect("page");
            for &(t, x, y) in glyphs {
                page.begin_word().expect("word");
                let at = Transform::row_major(1.0, 0.0, 0.0, 1.0, x, 800.0 - y);
                page.output_character(&at, 0.1, 0.0, 10.0, t)
                    .expect("glyph");
            }
            page.end_page().expect("end");
        }
        text
    }

    #[test]
    fn lines_without_right_to_left_letters_come_out_as_plain_text_output_writes_them() {
        let glyphs = [
            ("The", 0.0, 10.0),
            ("Committee", 5.0, 10.0),
            ("next", 0.0, 30.0),
        ];
        let mut plain = String::new();
        {
            let mut out = pdf_extract::PlainTextOutput::new(&mut plain);
            let media = MediaBox {
                llx: 0.0,
                lly: 0.0,
                urx: 600.0,
                ury: 800.0,
            };
            out.begin_page(1, &media, None).expect("page");
            for &(t, x, y) in &glyphs {
                out.begin_word().expect("word");
                let at = Transform::row_major(1.0, 0.0, 0.0, 1.0, x, 800.0 - y);
                out.output_character(&at, 0.1, 0.0, 10.0, t).expect("glyph");
            }
            out.end_page().expect("end");
        }
        assert_eq!(page(&glyphs), plain);
    }

    #[test]
    fn two_right_to_left_lines_drawn_as_one_are_read_one_after_the_other() {
        // The second line starts at the right, lower down: `PlainTextOutput`
        // sees no new line there.
        let text = page(&[
            ("ب", 20.0, 10.0),
            ("أ", 10.0, 10.0),
            ("د", 20.0, 22.0),
            ("ج", 10.0, 22.0),
        ]);
        assert_eq!(text.trim(), "ب أ\nد ج");
    }
}

//! The numbering of the official Arabic versions, read as the English versions
//! number the same paragraphs, so that they are cited alike: paragraph "6-" is
//! paragraph 6., sub-paragraph "(أ)" is (a), section "ثالثاً-" is III. and
//! "ألف-" is A.
//!
//! The sub-paragraph letters follow the abjad order the United Nations' Arabic
//! documents use (أ ب ج د هـ و ز ح ط ي …), which is the order of the English
//! (a) (b) (c) … of the same document.

use once_cell::sync::Lazy;
use regex::Regex;
use std::borrow::Cow;

use crate::import::right_to_left::is_right_to_left;

/// "6-  توصي اللجنة …": the number, then a hyphen, then Arabic (in a Word
/// file's text a heading may open with the "**" of bold).
static PARAGRAPH_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\s*(?:\*\*)?\s*)(\d{1,3})\s*-\s*(\p{Arabic})").expect("paragraph number")
});
/// "(أ)  عدم …" (the closing bracket is sometimes lost in a PDF).
static SUBPARAGRAPH_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\s*)\(\s*(هـ|\p{Arabic})\s*\)?\s+(\p{Arabic})").expect("sub-paragraph letter")
});
/// "(   عدم …": a sub-paragraph whose letter a PDF lost (its glyph has no text).
static UNLETTERED_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\s*)\(\s+(\p{Arabic})").expect("sub-paragraph without letter"));
/// "ثالثاً-  دواعي القلق …": an ordinal, its ending, a hyphen.
static SECTION_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\s*(?:\*\*)?\s*)(أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)[اًى\s]*-\s*(\p{Arabic})")
        .expect("section ordinal")
});
/// "ألف-  المبادئ …": a letter's name, a hyphen.
static LETTER_SECTION_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\s*(?:\*\*)?\s*)(ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء|كاف|لام|ميم|نون)\s*-\s*(\p{Arabic})")
        .expect("section letter")
});

/// The Arabic sub-paragraph letters, in the order of a b c ….
const ABJAD: [&str; 28] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
];
const ORDINALS: [&str; 10] = [
    "أول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر",
];
const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const LETTER_NAMES: [&str; 14] = [
    "ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم", "نون",
];

/// The text with each line's Arabic numbering written as the English versions
/// write it; text with no right-to-left letter comes back as it is.
pub(super) fn conventional_numbering(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_right_to_left) {
        return Cow::Borrowed(text);
    }
    // Arabic-Indic digits are ours ("٧-" is paragraph 7.; the PDFs give some
    // of the digits of a year or a law's number so).
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            other => other,
        })
        .collect();
    // The last sub-paragraph letter (its place in ABJAD) of the paragraph.
    let mut last_label: Option<usize> = None;
    let lines: Vec<Cow<str>> = text.split('\n').map(|l| line(l, &mut last_label)).collect();
    Cow::Owned(lines.join("\n"))
}

fn line<'a>(l: &'a str, last_label: &mut Option<usize>) -> Cow<'a, str> {
    if let Some(c) = PARAGRAPH_RE.captures(l) {
        *last_label = None;
        let rest = c.get(3).map_or(l.len(), |m| m.start());
        return Cow::Owned(format!("{}{}. {}", &c[1], &c[2], &l[rest..]));
    }
    let labelled = SUBPARAGRAPH_RE.captures(l).and_then(|c| {
        let i = ABJAD.iter().position(|a| *a == &c[2])?;
        Some((c.get(1)?.as_str(), i, c.get(3)?.start()))
    });
    // A lost letter is the one after the paragraph's last.
    let unlettered = || {
        let c = UNLETTERED_RE.captures(l)?;
        let i = last_label.map_or(0, |i| i + 1);
        Some((c.get(1)?.as_str(), i, c.get(2)?.start()))
    };
    if let Some((indent, i, rest)) = labelled.or_else(unlettered) {
        if i < 26 {
            *last_label = Some(i);
            let label = char::from(b'a' + i as u8);
            return Cow::Owned(format!("{indent}({label}) {}", &l[rest..]));
        }
    }
    if let Some(c) = SECTION_RE.captures(l) {
        if let Some(i) = ORDINALS.iter().position(|o| *o == &c[2]) {
            let rest = c.get(3).map_or(l.len(), |m| m.start());
            return Cow::Owned(format!("{}{}. {}", &c[1], ROMAN[i], &l[rest..]));
        }
    }
    if let Some(c) = LETTER_SECTION_RE.captures(l) {
        if let Some(i) = LETTER_NAMES.iter().position(|o| *o == &c[2]) {
            let letter = char::from(b'A' + i as u8);
            let rest = c.get(3).map_or(l.len(), |m| m.start());
            return Cow::Owned(format!("{}{letter}. {}", &c[1], &l[rest..]));
        }
    }
    Cow::Borrowed(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_numbering_reads_as_the_english_versions_number() {
        let text = " أول ا-  مقدمة\n1-  نظرت اللجنة في التقرير\n ثالثاً-  دواعي القلق الرئيسية والتوصيات\n ألف-  المبادئ والالتزامات العامة\n6-  توصي اللجنة الدولة الطرف بما يلي:\n )أ   عدم وجود\n (هـ) اعتماد\n (ب)  القانون";
        let read = conventional_numbering(text);
        let lines: Vec<&str> = read.lines().collect();
        assert_eq!(lines[0], " I. مقدمة");
        assert_eq!(lines[1], "1. نظرت اللجنة في التقرير");
        assert_eq!(lines[2], " III. دواعي القلق الرئيسية والتوصيات");
        assert_eq!(lines[3], " A. المبادئ والالتزامات العامة");
        assert_eq!(lines[4], "6. توصي اللجنة الدولة الطرف بما يلي:");
        // A lone closing bracket before the letter is not a label.
        assert_eq!(lines[5], " )أ   عدم وجود");
        assert_eq!(lines[6], " (e) اعتماد");
        assert_eq!(lines[7], " (b) القانون");
    }

    #[test]
    fn a_sub_paragraph_whose_letter_was_lost_takes_the_next_letter() {
        let text = "5. تعرب اللجنة عن القلق:\n (أ)  عدم\n (ب)  الافتقار\n (    عدم تقديم\n6-  توصي اللجنة\n (    وضع";
        let read = conventional_numbering(text);
        let lines: Vec<&str> = read.lines().collect();
        assert_eq!(lines[3], " (c) عدم تقديم");
        assert_eq!(lines[5], " (a) وضع");
    }

    #[test]
    fn arabic_indic_digits_are_read_as_ours() {
        let read = conventional_numbering("٧-  توصي اللجنة بالقانون ٢٠٠٧/٠١");
        assert_eq!(read, "7. توصي اللجنة بالقانون 2007/01");
    }

    #[test]
    fn text_without_arabic_is_untouched() {
        let t = "1- The list\n(a) Adopt\nFirst- rate";
        assert!(matches!(conventional_numbering(t), Cow::Borrowed(_)));
    }

    #[test]
    fn numbers_before_latin_text_or_dates_stay_as_they_are() {
        let t = "اللجنة\n2016-2020 .\n12-15 March";
        assert_eq!(conventional_numbering(t), t);
    }
}

//! `loi eval` on a committee other than CMW and CRPD: a CERD list of themes,
//! written for this test in CERD's layout (numbered themes that are noun
//! phrases, each citing the previous concluding observations inline at its
//! end), against the CERD concluding observations it cites. The themes were
//! worded as a rapporteur would, not from the generator's output.

use loi_core::evaluation::evaluate_list;
use loi_core::library::Library;

fn document(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(name)
}

#[test]
fn a_cerd_list_of_themes_is_scored_against_the_observations_it_cites() {
    let mut lib = Library::open_in_memory().expect("library");
    for name in ["cerd_co.txt", "cerd_themes.txt"] {
        lib.import_file(&document(name), &Default::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let e = evaluate_list(&lib, "CERD/C/URY/Q/27-29", None).expect("evaluation");
    for p in &e.report.pairs {
        println!(
            "theme {} ({}) {:.2} (raw {:.2})\n  generated: {}\n  actual:    {}",
            p.question,
            p.cited.join(", "),
            p.similarity,
            p.raw_similarity,
            p.generated,
            p.actual
        );
    }
    println!(
        "CERD themes: {} pairs, mean {:.3}, min {:.3}, raw mean {:.3}",
        e.report.pairs.len(),
        e.report.mean,
        e.report.min,
        e.report.raw_mean
    );
    assert_eq!(e.from, "CERD/C/URY/CO/24-26");
    assert_eq!(e.committee, "CERD");
    // Themes 2 to 7 cite the observations; the note by the Country Rapporteur does not.
    let numbers: Vec<&str> = e.report.pairs.iter().map(|p| p.question.as_str()).collect();
    assert_eq!(numbers, ["2", "3", "4", "5", "6", "7"]);
    // Generated as themes, cited as the list cites (inline, at the end).
    for p in &e.report.pairs {
        assert!(!p.generated.contains("please"), "{}", p.generated);
        assert!(
            p.generated.contains("(CERD/C/URY/CO/24-26, para"),
            "{}",
            p.generated
        );
    }
    assert!(e.report.mean > e.report.raw_mean, "{:?}", e.report);
    assert!(e.report.mean >= 0.6, "mean {}", e.report.mean);
}

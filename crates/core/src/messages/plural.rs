//! Plural rules (CLDR) for the catalogues' languages, for whole numbers: which form of a text a
//! count takes. English "1 question" / "2 questions"; Arabic has six forms.

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    /// The suffix of a plural text's key: `search_status.one`.
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }
}

/// The category of the whole number `n` in the language `lang` (a catalogue's primary tag);
/// English's rule for a language without one here.
pub fn category(lang: &str, n: u64) -> Category {
    let millions = n != 0 && n.is_multiple_of(1_000_000);
    match lang {
        // Arabic: 0, 1, 2, 3–10, 11–99 (by the last two digits) and the rest.
        "ar" => match (n, n % 100) {
            (0, _) => Category::Zero,
            (1, _) => Category::One,
            (2, _) => Category::Two,
            (_, 3..=10) => Category::Few,
            (_, 11..=99) => Category::Many,
            _ => Category::Other,
        },
        // French: 0 and 1 are singular; round millions take "de" ("1 million de questions").
        "fr" if n <= 1 => Category::One,
        "fr" | "es" if millions => Category::Many,
        // (French past 1 is "other", as below: 1 itself took the first arm.)
        _ if n == 1 => Category::One,
        _ => Category::Other,
    }
}

/// The categories a language uses, for the tests that check its catalogue has every form.
pub fn categories(lang: &str) -> &'static [Category] {
    match lang {
        "ar" => &[
            Category::Zero,
            Category::One,
            Category::Two,
            Category::Few,
            Category::Many,
            Category::Other,
        ],
        "fr" | "es" => &[Category::One, Category::Many, Category::Other],
        _ => &[Category::One, Category::Other],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category::*;

    #[test]
    fn rules_by_language() {
        let cases: &[(&str, &[(u64, Category)])] = &[
            ("en", &[(0, Other), (1, One), (2, Other), (21, Other)]),
            ("de", &[(1, One), (5, Other)]),
            ("es", &[(0, Other), (1, One), (2, Other), (1_000_000, Many)]),
            ("fr", &[(0, One), (1, One), (2, Other), (2_000_000, Many)]),
            (
                "ar",
                &[
                    (0, Zero),
                    (1, One),
                    (2, Two),
                    (3, Few),
                    (10, Few),
                    (11, Many),
                    (99, Many),
                    (100, Other),
                    (102, Other),
                    (103, Few),
                    (111, Many),
                    (1000, Other),
                ],
            ),
            ("ja", &[(1, One), (2, Other)]),
        ];
        for (lang, numbers) in cases {
            for &(n, expected) in *numbers {
                assert_eq!(category(lang, n), expected, "{lang} {n}");
                assert!(categories(lang).contains(&expected), "{lang} {n}");
            }
        }
    }
}

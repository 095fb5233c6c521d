//! Brings what is shown towards what should be shown a few entries at a time, so that a change
//! touching hundreds of answers (a search's highlights) costs one frame for the first entries and
//! the rest follow frame by frame. Pure and generic: the viewer uses it for per-question
//! highlights.

use std::rc::Rc;

/// Moves `shown` towards `target`: at most `budget` entries whose values really differ are
/// replaced, `first` before any other, then in order; entry `always` is brought up to date
/// whatever the budget. Entries equal in value just adopt the target's pointer, for free.
/// Returns whether differences remain. A length mismatch replaces everything at once.
pub fn converge<T: PartialEq>(
    shown: &mut Vec<Rc<T>>,
    target: &[Rc<T>],
    first: Option<usize>,
    always: Option<usize>,
    budget: usize,
) -> bool {
    if shown.len() != target.len() {
        *shown = target.to_vec();
        return false;
    }
    let mut budget = budget;
    let mut pending = false;
    let order = first.into_iter().chain(always).chain(0..target.len());
    for i in order {
        let (Some(now), Some(wanted)) = (shown.get(i), target.get(i)) else {
            continue;
        };
        if Rc::ptr_eq(now, wanted) {
            continue;
        }
        let equal = **now == **wanted;
        if equal || Some(i) == always {
            shown[i] = wanted.clone();
        } else if budget > 0 {
            budget -= 1;
            shown[i] = wanted.clone();
        } else {
            pending = true;
        }
    }
    pending
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `converge` repeatedly and renders each step as the shown values, e.g. "ab.d|abcd".
    fn check(
        shown: &str,
        target: &str,
        first: Option<usize>,
        always: Option<usize>,
        budget: usize,
        expected: &str,
    ) {
        let mut now: Vec<Rc<char>> = shown.chars().map(Rc::new).collect();
        let wanted: Vec<Rc<char>> = target.chars().map(Rc::new).collect();
        let mut steps = Vec::new();
        for _ in 0..10 {
            let pending = converge(&mut now, &wanted, first, always, budget);
            steps.push(now.iter().map(|c| **c).collect::<String>());
            if !pending {
                break;
            }
        }
        assert_eq!(steps.join("|"), expected);
    }

    #[test]
    fn within_budget_in_one_step() {
        check("....", "abcd", None, None, 4, "abcd");
    }

    #[test]
    fn over_budget_in_order_over_several_steps() {
        check("....", "abcd", None, None, 2, "ab..|abcd");
        check(
            "......",
            "abcdef",
            None,
            None,
            1,
            "a.....|ab....|abc...|abcd..|abcde.|abcdef",
        );
    }

    #[test]
    fn first_goes_first() {
        check("....", "abcd", Some(3), None, 2, "a..d|abcd");
    }

    #[test]
    fn always_ignores_the_budget() {
        check("....", "abcd", None, Some(3), 1, "a..d|ab.d|abcd");
    }

    #[test]
    fn equal_values_are_free() {
        // Same characters in new allocations: nothing to do, whatever the budget.
        check("abcd", "abcd", None, None, 0, "abcd");
        check("ab..", "abcd", None, None, 1, "abc.|abcd");
    }

    #[test]
    fn length_change_replaces_everything() {
        check("..", "abc", None, None, 0, "abc");
        check("", "", None, None, 0, "");
    }

    #[test]
    fn out_of_range_indices_are_ignored() {
        check("..", "ab", Some(9), Some(7), 1, "a.|ab");
    }
}

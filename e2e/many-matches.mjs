// The interview of e2e/search-pages.test.mjs and of the engines' search test: sixty questions that
// all match "orbit" (twice each: the question and its answer), more than a page of a search.

/** How many questions, and how many a search shows at a time (core::state::RESULTS_PAGE). */
export const COUNT = 60;
export const PAGE = 20;

/** The interview's JSON: each answer is long enough that a page of them fills the screen. */
export function manyMatches() {
  const questions = Array.from({ length: COUNT }, (_, i) => ({
    id: `q${i + 1}`,
    text: `What happens at orbit number ${i + 1}?`,
    answer: [
      {
        kind: "paragraph",
        text: `At orbit ${i + 1} the crew checks the radios, the heaters and the star trackers, then writes down what each one read. ` +
          "The next crew reads that log before it starts, so nothing is checked twice and nothing is missed.",
      },
    ],
  }));
  return JSON.stringify({ format_version: 1, title: "Sixty passes over the station", source: "", intro: [], questions });
}

/** A route of `serve` that answers with the interview. */
export const manyMatchesRoute = (req, res) =>
  res.writeHead(200, { "content-type": "application/json" }).end(manyMatches());

// The baseline for paint timings: the same interview as plain semantic HTML, no JavaScript, with
// the viewer's own stylesheet from dist/ and the viewer's class names (so the typography and
// layout match). Every answer is shown, as a plain page would show it.

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Runs of bullets become one list, as in src/ui/answer.rs. */
function answerHtml(blocks) {
  const out = [];
  let bullets = [];
  const flush = () => {
    if (bullets.length) out.push(`<ul class="iv-bullets">\n${bullets.join("\n")}\n</ul>`);
    bullets = [];
  };
  for (const block of blocks) {
    if (block.kind === "bullet") {
      const label = block.label ? `<strong class="iv-label">${esc(block.label)}</strong> ` : "";
      bullets.push(`<li>${label}<span class="iv-text">${esc(block.text)}</span></li>`);
    } else if (block.kind === "subheading") {
      flush();
      out.push(`<h3 class="iv-subheading">${esc(block.text)}</h3>`);
    } else {
      flush();
      out.push(`<p class="iv-paragraph">${esc(block.text)}</p>`);
    }
  }
  flush();
  return out.join("\n");
}

/**
 * The page for `interview` (our JSON format, parsed). `headLinks` are the `<link>` tags to copy
 * from dist/index.html (the stylesheet, and the icon for parity); `pageTitle` its `<title>`
 * (already HTML, copied as is).
 */
export function staticPage(interview, { headLinks, pageTitle }) {
  const questions = interview.questions
    .map(
      (q, i) => `<section class="iv-qa iv-open" id="${esc(q.id)}">
<h2 class="iv-q-heading"><span class="iv-q-number">${i + 1}</span> <span class="iv-q-text">${esc(q.text)}</span></h2>
<div class="iv-answer">
${answerHtml(q.answer)}
</div>
</section>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light dark" />
<title>${pageTitle}</title>
${headLinks.join("\n")}
</head>
<body>
<main class="iv-page">
<article class="iv">
<header class="iv-header">
${interview.source ? `<p class="iv-kicker">${esc(interview.source)} · Interview</p>` : ""}
<h1 class="iv-title">${esc(interview.title)}</h1>
</header>
<div class="iv-intro">
${interview.intro.map((p) => `<p>${esc(p)}</p>`).join("\n")}
</div>
<div class="iv-questions">
${questions}
</div>
</article>
</main>
</body>
</html>
`;
}

/** The `<link rel="stylesheet">` and `<link rel="icon">` tags and the title of dist/index.html. */
export function headOf(indexHtml) {
  const links = indexHtml.match(/<link\b[^>]*>/g) ?? [];
  const headLinks = links.filter((l) => /rel="(stylesheet|icon)"/.test(l));
  const pageTitle = (indexHtml.match(/<title>([^<]*)<\/title>/) ?? [, "Interview"])[1];
  return { headLinks, pageTitle, stylesheet: (headLinks.join(" ").match(/rel="stylesheet"[^>]*href="([^"]+)"/) ?? [])[1] };
}

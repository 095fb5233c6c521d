// Small statistics and formatting helpers shared by the benchmark scripts.

/** The value at `fraction` (0.5 = median, 0.9 = p90) of `values`, nearest-rank on sorted data. */
export function percentile(values, fraction) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  // Same rule as benches/search.rs: rounded index into the sorted samples.
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * fraction))];
}

export const median = (values) => percentile(values, 0.5);

/** "12.3 ms" (one decimal), or "n/a". */
export const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "n/a");

/** Bytes as "12,345 B". */
export const bytes = (n) => `${Math.round(n).toLocaleString("en-US")} B`;

/** Bytes as "12.3 KB" (1 KB = 1,000 bytes throughout the benchmark). */
export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** Bytes as "12.3 MB" (1 MB = 1,000,000 bytes). */
export const mb = (n) => (Number.isFinite(n) ? `${(n / 1e6).toFixed(2)} MB` : "n/a");

/** "PASS" or "MISS" with the margin, e.g. "PASS: 12.3 KB under budget". */
export function verdict(ok, margin) {
  return ok ? `PASS: ${margin} under budget` : `MISS: ${margin} over budget`;
}

/** A plain-text table: rows of cells, the first row the header; numbers right-aligned. */
export function textTable(rows, rightAligned = []) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (rightAligned.includes(c) ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c]))).join("  ").trimEnd(),
    )
    .join("\n");
}

/** A Markdown table with the same arguments as `textTable`. */
export function mdTable(rows, rightAligned = []) {
  const line = (r) => `| ${r.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  const rule = `|${rows[0].map((_, c) => (rightAligned.includes(c) ? "---:" : "---")).join("|")}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}

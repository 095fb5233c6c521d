// docs/interview.schema.json against real data: the seed converted by iv-convert, the demo's
// second interview and the test fixtures validate; broken documents fail with the right error.
// The validator is a small hand-written subset of JSON Schema 2020-12: exactly the keywords the
// schema uses, and it refuses any other keyword so the schema cannot outgrow it unnoticed.
// Also checks iv-convert's documented command line (docs/format.md): options, -o, exit codes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./harness.mjs";

const SCHEMA = JSON.parse(await readFile(path.join(ROOT, "docs", "interview.schema.json"), "utf8"));
const FIXTURES = path.join(ROOT, "e2e", "fixtures");

// ---------------------------------------------------------------------------------------------
// The validator

/** Keywords that only annotate. */
const ANNOTATIONS = new Set(["$schema", "$id", "title", "description", "$defs"]);
const ASSERTIONS = new Set([
  "type", "const", "enum", "minimum", "properties", "required", "additionalProperties", "items", "$ref", "oneOf", "pattern",
]);

const typeOf = (value) => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value; // string, boolean, object
};
const hasType = (value, type) => typeOf(value) === type || (type === "number" && typeOf(value) === "integer");

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeOf(a) !== typeOf(b) || typeof a !== "object" || a === null) return false;
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/** Resolves a local reference such as "#/$defs/question". */
function resolve(root, ref) {
  assert.ok(ref.startsWith("#/"), `only local $ref is supported: ${ref}`);
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((node, key) => {
      assert.ok(node && Object.hasOwn(node, key), `unresolved $ref ${ref}`);
      return node[key];
    }, root);
}

/** Returns a list of errors ("/questions/0/answer/1: …"); empty when `value` is valid. */
function validate(value, schema = SCHEMA, root = SCHEMA, at = "") {
  if (schema === true) return [];
  if (schema === false) return [`${at || "/"}: not allowed`];
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) throw new Error(`unsupported keyword ${keyword} at ${at || "/"}`);
  }
  const where = at || "/";
  const errors = [];
  if ("$ref" in schema) errors.push(...validate(value, resolve(root, schema.$ref), root, at));
  if ("type" in schema) {
    const types = [schema.type].flat();
    if (!types.some((t) => hasType(value, t))) return [...errors, `${where}: expected ${types.join(" or ")}, got ${typeOf(value)}`];
  }
  if ("const" in schema && !deepEqual(value, schema.const)) {
    errors.push(`${where}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  }
  if ("enum" in schema && !schema.enum.some((option) => deepEqual(value, option))) {
    errors.push(`${where}: expected one of ${JSON.stringify(schema.enum)}, got ${JSON.stringify(value)}`);
  }
  if ("minimum" in schema && typeof value === "number" && value < schema.minimum) {
    errors.push(`${where}: ${value} is below ${schema.minimum}`);
  }
  if ("pattern" in schema && typeof value === "string" && !new RegExp(schema.pattern, "u").test(value)) {
    errors.push(`${where}: ${JSON.stringify(value)} does not match /${schema.pattern}/`);
  }
  if (typeOf(value) === "object") {
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(value, name)) errors.push(`${where}: missing "${name}"`);
    }
    const properties = schema.properties ?? {};
    for (const [name, item] of Object.entries(value)) {
      if (Object.hasOwn(properties, name)) errors.push(...validate(item, properties[name], root, `${at}/${name}`));
      else if ("additionalProperties" in schema) {
        const extra = validate(item, schema.additionalProperties, root, `${at}/${name}`);
        if (extra.length) errors.push(schema.additionalProperties === false ? `${at}/${name}: unknown property` : extra[0]);
      }
    }
  }
  if (typeOf(value) === "array" && "items" in schema) {
    value.forEach((item, i) => errors.push(...validate(item, schema.items, root, `${at}/${i}`)));
  }
  if ("oneOf" in schema) {
    const results = schema.oneOf.map((branch) => validate(value, branch, root, at));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing !== 1) {
      const detail = passing === 0 ? results.map((r) => r[0]).join("; ") : `${passing} match`;
      errors.push(`${where}: must match exactly one of ${schema.oneOf.length} (${detail})`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// iv-convert

/** Runs `cargo run --quiet --features ssr --bin iv-convert -- …args`; returns { status, stdout, stderr }. */
function convert(...args) {
  const run = spawnSync("cargo", ["run", "--quiet", "--features", "ssr", "--bin", "iv-convert", "--", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return run;
}

// ---------------------------------------------------------------------------------------------
// Tests

test("the schema is draft 2020-12 and uses only keywords this validator implements", () => {
  assert.equal(SCHEMA.$schema, "https://json-schema.org/draft/2020-12/schema");
  // Validating anything walks every reachable sub-schema; an unsupported keyword would throw.
  const walk = (node) => {
    if (typeof node !== "object" || node === null) return;
    if (!Array.isArray(node)) {
      for (const key of Object.keys(node)) {
        if (key === "properties" || key === "$defs") Object.values(node[key]).forEach(walk);
        else if (key === "oneOf") node[key].forEach(walk);
        else if (key === "items" || key === "additionalProperties") walk(node[key]);
        else if (key !== "const" && key !== "type" && key !== "required") {
          assert.ok(ANNOTATIONS.has(key) || ASSERTIONS.has(key), `unsupported keyword ${key}`);
        }
      }
    }
  };
  walk(SCHEMA);
});

test("the seed converted by iv-convert validates against the schema", () => {
  const run = convert("data/mastalir-interview.txt");
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /9 questions, 0 problem\(s\)/);
  const seed = JSON.parse(run.stdout);
  assert.equal(seed.format_version, 2);
  assert.equal(seed.questions.length, 9);
  assert.deepEqual(validate(seed), []);
  // All three kinds of block occur in real data, and labelled and unlabelled bullets.
  const kinds = new Set(seed.questions.flatMap((q) => q.answer.map((b) => b.kind)));
  assert.ok(kinds.has("bullet") && kinds.has("subheading"), [...kinds].join(","));
});

test("the demo's plain-text interview and the JSON fixtures validate", async () => {
  const demo = convert("static/demo/another-interview.txt", "--source", "Demo");
  assert.equal(demo.status, 0, demo.stderr);
  assert.deepEqual(validate(JSON.parse(demo.stdout)), []);
  for (const name of ["small.json", "hostile.json"]) {
    const doc = JSON.parse(await readFile(path.join(FIXTURES, name), "utf8"));
    assert.deepEqual(validate(doc), [], name);
  }
  // A Markdown interview, with styles (emphasis, strong, a link).
  const markdown = convert("e2e/fixtures/formats/interview.md");
  assert.equal(markdown.status, 0, markdown.stderr);
  const styled = JSON.parse(markdown.stdout);
  assert.ok(styled.questions.some((q) => q.answer.some((b) => b.styles?.some((s) => s.style === "link"))));
  assert.deepEqual(validate(styled), []);
  assert.ok(validate({ ...styled, questions: [{ ...styled.questions[0], answer: [{ kind: "paragraph", text: "x", styles: [{ start: 0, end: 1, style: "link" }] }] }] }).length > 0, "a link without href fails");
  // The plain-text hostile fixture converts (with one problem: a paragraph inside an answer).
  const hostile = convert("e2e/fixtures/hostile.txt");
  assert.equal(hostile.status, 1, hostile.stderr);
  assert.deepEqual(validate(JSON.parse(hostile.stdout)), []);
});

test("the JSON example in docs/format.md validates", async () => {
  const docs = await readFile(path.join(ROOT, "docs", "format.md"), "utf8");
  const example = docs.match(/```json\n([\s\S]*?)```/)?.[1];
  assert.ok(example, "docs/format.md has a ```json example");
  assert.deepEqual(validate(JSON.parse(example)), []);
});

test("documents the viewer refuses are invalid, each for the right reason", async () => {
  const base = () => ({
    format_version: 1,
    title: "T",
    questions: [{ id: "q", text: "Q?", answer: [{ kind: "bullet", label: "L", text: "t" }] }],
  });
  const cases = [
    [(d) => (d.format_version = 3), /^\/format_version: expected one of \[1,2\], got 3$/],
    [(d) => (d.questions[0].start_ms = -1), /^\/questions\/0\/start_ms: -1 is below 0$/],
    [(d) => (d.questions[0].answer[0].speaker = "Ana"), /^\/questions\/0\/answer\/0: must match exactly one of 3/],
    [(d) => delete d.format_version, /^\/: missing "format_version"$/],
    [(d) => delete d.questions, /^\/: missing "questions"$/],
    [(d) => (d.intro = "not a list"), /^\/intro: expected array, got string$/],
    [(d) => (d.titel = "typo"), /^\/titel: unknown property$/],
    [(d) => (d.questions[0].id = "  "), /^\/questions\/0\/id: "  " does not match/],
    [(d) => delete d.questions[0].answer, /^\/questions\/0: missing "answer"$/],
    [(d) => (d.questions[0].answer[0].kind = "table"), /^\/questions\/0\/answer\/0: must match exactly one of 3/],
    [(d) => (d.questions[0].answer[0].label = 5), /^\/questions\/0\/answer\/0: must match exactly one of 3 \(\/questions\/0\/answer\/0\/label: expected string or null/],
    [(d) => (d.questions[0].answer[0] = { kind: "paragraph" }), /must match exactly one of 3/],
    [(d) => (d.questions[0].answer[0] = { kind: "subheading", text: "S", label: "L" }), /must match exactly one of 3/],
  ];
  for (const [change, expected] of cases) {
    const doc = base();
    change(doc);
    const errors = validate(doc);
    assert.equal(errors.length, 1, `${change}: ${errors.join(" | ")}`);
    assert.match(errors[0], expected, String(change));
  }
  // A label may be left out or be null; source and intro are optional.
  const ok = base();
  ok.questions[0].answer.push({ kind: "bullet", text: "no label" }, { kind: "bullet", label: null, text: "null label" });
  assert.deepEqual(validate(ok), []);
  // The failure fixtures of the embedding tests.
  for (const name of ["format-version-99.json", "wrong-block.json"]) {
    const doc = JSON.parse(await readFile(path.join(FIXTURES, name), "utf8"));
    assert.notDeepEqual(validate(doc), [], name);
  }
});

test("iv-convert: --title, --source, -o and its exit codes 0, 1 and 2", async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "iv-convert-"));
  try {
    const out = path.join(tmp, "out.json");
    const ok = convert("data/mastalir-interview.txt", "--title", "T", "--source", "S", "-o", out);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, "");
    const written = JSON.parse(await readFile(out, "utf8"));
    assert.equal(written.title, "T");
    assert.equal(written.source, "S");
    assert.deepEqual(validate(written), []);
    // 1: converted, but some lines were kept as paragraphs; reported with their line numbers.
    const some = convert("e2e/fixtures/hostile.txt");
    assert.equal(some.status, 1);
    assert.match(some.stderr, /hostile\.txt:line 9: a plain paragraph inside an answer/);
    // --title over a text's own "# Title" line is reported too.
    const retitled = convert("static/demo/another-interview.txt", "--title", "T");
    assert.equal(retitled.status, 1);
    assert.match(retitled.stderr, /line 1: the title line was replaced by the given title/);
    assert.equal(JSON.parse(retitled.stdout).title, "T");
    // 2: nothing to convert, an unreadable input, or a bad command line.
    assert.equal(convert("e2e/fixtures/no-questions.txt").status, 2);
    assert.equal(convert(path.join(tmp, "does-not-exist.txt")).status, 2);
    assert.equal(convert("a.txt", "b.txt").status, 2);
    assert.equal(convert().status, 2);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});

// Lints of the values, run by `npm run verify` (scripts/generate.ts --check):
// - every leaf of the schema has a description and a default (README rows never empty);
// - every leaf of a chart's values.yaml is read by a template of that chart (or by the
//   library helpers it calls), or is listed with a reason in the chart's
//   values.linter.exceptions (one `key  # reason` a line; stale entries are refused too);
//   the umbrella's global.* values are read by any chart's template (every subchart sees them),
//   an optional subchart's `enabled` by its condition in the umbrella's Chart.yaml;
// - every key of the schema reaches a README table.
// A subchart's `enabled` key and its condition cannot disagree: the schema build adds the
// key exactly when the dependency has the condition (src/schema/charts.ts, build.ts).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../paths.ts";
import { LIBRARY_KEY, SUBCHARTS, UMBRELLA_DIR, type ChartSchemaSource } from "../schema/charts.ts";
import { subchartSchema, umbrellaSchema } from "../schema/build.ts";
import { valueRows } from "./readme.ts";

export const EXCEPTIONS_FILE = "values.linter.exceptions";

type Tree = { [key: string]: unknown };
const isTree = (v: unknown): v is Tree => typeof v === "object" && v !== null && !Array.isArray(v);

/** Dotted paths of the leaves of a values tree: scalars, lists and empty maps. */
export function valueLeaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isTree(value) && Object.keys(value).length > 0 ? valueLeaves(value, path) : [path];
  });
}

function templateFiles(dir: string, recurseIntoCharts: boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "charts" && !recurseIntoCharts ? [] : templateFiles(path, recurseIntoCharts);
    return /\.(ya?ml|tpl|txt)$/.test(name) ? [path] : [];
  });
}

/**
 * The keys of every field chain a template text navigates, the variable's name as the
 * first key: ".Values.a.b" gives [Values, a, b], "$m.members.manage" [m, members, manage],
 * "(.context.Values.global).imageRegistry" [Values, global, imageRegistry].
 */
export function fieldChains(text: string): string[][] {
  const joined = text.replace(/\)\./g, ".");
  return [...joined.matchAll(/(\$[A-Za-z0-9_]*)?((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)].map((m) => {
    const keys = [...(m[1] && m[1] !== "$" ? [m[1].slice(1)] : []), ...(m[2] ?? "").split(".").filter((k) => k !== "")];
    const values = keys.indexOf("Values");
    return values >= 0 ? keys.slice(values) : keys;
  });
}

/** What templates navigate: full chains from .Values, and the last one or two keys of every chain. */
export interface TemplateReads {
  fromValues: Set<string>;
  ends: Set<string>;
}

export function templateReads(texts: readonly string[]): TemplateReads {
  const reads: TemplateReads = { fromValues: new Set(), ends: new Set() };
  for (const keys of texts.flatMap(fieldChains)) {
    if (keys[0] === "Values") reads.fromValues.add(keys.slice(1).join("."));
    reads.ends.add(keys.slice(-1).join("."));
    if (keys.length >= 2) reads.ends.add(keys.slice(-2).join("."));
  }
  return reads;
}

/**
 * Whether templates read a value: a chain names it, or a map above it, from .Values
 * down (a map handed whole to toYaml or a helper); or a chain ends with two keys of its
 * path (a variable or helper argument holding the map above them), or with its only key.
 * A heuristic on the text: what it misses goes in the exceptions file, with the reason.
 */
export function isRead(path: string, reads: TemplateReads): boolean {
  const keys = path.split(".");
  for (let n = 1; n <= keys.length; n++) if (reads.fromValues.has(keys.slice(0, n).join("."))) return true;
  for (let n = 2; n <= keys.length; n++) if (reads.ends.has(keys.slice(n - 2, n).join("."))) return true;
  return keys.length === 1 && reads.ends.has(path);
}

interface ChartUnderLint {
  /** How messages name the chart's keys ("mongo." for a subchart, "" for the umbrella). */
  prefix: string;
  dir: string;
  templates: string[];
  /** The umbrella's: every chart's templates, since its global.* values reach every subchart. */
  globalReaders?: string[];
  /** An optional subchart: its `enabled` is read by Helm, through the umbrella's condition. */
  optional?: boolean;
}

function chartsUnderLint(): ChartUnderLint[] {
  const library = templateFiles(join(REPO_ROOT, UMBRELLA_DIR, "charts", LIBRARY_KEY, "templates"), true);
  const subcharts = SUBCHARTS.map((s) => ({ prefix: `${s.key}.`, dir: s.dir, optional: s.optional, templates: [...templateFiles(join(REPO_ROOT, s.dir, "templates"), true), ...library] }));
  const umbrella = [...templateFiles(join(REPO_ROOT, UMBRELLA_DIR, "templates"), false), ...library];
  return [
    { prefix: "", dir: UMBRELLA_DIR, templates: umbrella, globalReaders: [...new Set([...umbrella, ...subcharts.flatMap((c) => c.templates)])] },
    ...subcharts,
  ];
}

function readExceptions(dir: string): { entries: Map<string, string>; problems: string[] } {
  const file = join(REPO_ROOT, dir, EXCEPTIONS_FILE);
  const entries = new Map<string, string>();
  const problems: string[] = [];
  if (!existsSync(file)) return { entries, problems };
  for (const [i, raw] of readFileSync(file, "utf8").split("\n").entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(\S+)\s+#\s*(\S.*)$/.exec(line);
    if (!match?.[1] || !match[2]) problems.push(`${dir}/${EXCEPTIONS_FILE}:${i + 1}: write "key  # reason" (the reason is required)`);
    else entries.set(match[1], match[2]);
  }
  return { entries, problems };
}

function unreadValues(chart: ChartUnderLint): string[] {
  const values = (parse(readFileSync(join(REPO_ROOT, chart.dir, "values.yaml"), "utf8")) as Tree | null) ?? {};
  const reads = templateReads(chart.templates.map((file) => readFileSync(file, "utf8")));
  const globalReads = chart.globalReaders ? templateReads(chart.globalReaders.map((file) => readFileSync(file, "utf8"))) : reads;
  // The umbrella's values for a subchart (mongo.enabled) are that subchart's keys.
  const own = chart.prefix === "" ? Object.fromEntries(Object.entries(values).filter(([k]) => !SUBCHARTS.some((s) => s.key === k))) : values;
  const { entries, problems } = readExceptions(chart.dir);
  const leaves = valueLeaves(own).filter((leaf) => !(chart.optional && leaf === "enabled"));
  for (const leaf of leaves) {
    const read = isRead(leaf, leaf.startsWith("global.") ? globalReads : reads);
    if (!read && !entries.has(leaf)) problems.push(`${chart.prefix}${leaf}: read by no template of ${chart.dir}; use it, remove it, or list it in ${chart.dir}/${EXCEPTIONS_FILE} with the reason`);
    if (read && entries.has(leaf)) problems.push(`${chart.dir}/${EXCEPTIONS_FILE}: ${leaf} is read by a template now; remove the exception`);
  }
  for (const key of entries.keys()) if (!leaves.includes(key)) problems.push(`${chart.dir}/${EXCEPTIONS_FILE}: ${key} is no value of ${chart.dir}/values.yaml; remove the exception`);
  return problems;
}

function undocumented(chart: ChartSchemaSource | undefined): string[] {
  const prefix = chart ? `${chart.key}.` : "";
  return valueRows(chart).flatMap((row) => [
    ...(row.description.trim() === "" ? [`${prefix}${row.path}: no description in schema/ (its README row is empty)`] : []),
    ...(row.defaultValue === undefined && !isOptionalLeaf(chart, row.path) ? [`${prefix}${row.path}: no default (set it in the chart's values.yaml, or \`default:\` in schema/)`] : []),
  ]);
}

/**
 * Keys under a map the chart's values.yaml gives as {} (global.externalMongo,
 * secrets.values): the whole map is optional, so its keys have no default of their own.
 */
function isOptionalLeaf(chart: ChartSchemaSource | undefined, path: string): boolean {
  const values = (parse(readFileSync(join(REPO_ROOT, chart ? chart.dir : UMBRELLA_DIR, "values.yaml"), "utf8")) as Tree | null) ?? {};
  const keys = path.split(".");
  let node: unknown = values;
  for (const key of keys.slice(0, -1)) {
    if (!isTree(node)) return false;
    node = node[key];
    if (isTree(node) && Object.keys(node).length === 0) return true;
  }
  return false;
}

/** Every leaf of the whole schema is a row of some README table. */
function missingFromReadmes(): string[] {
  const rows = new Set([...valueRows(undefined).map((r) => r.path), ...SUBCHARTS.flatMap((s) => valueRows(s).map((r) => `${s.key}.${r.path}`))]);
  const umbrellaOwn = Object.keys(umbrellaSchema().properties as Tree).filter((k) => k !== LIBRARY_KEY && !SUBCHARTS.some((s) => s.key === k));
  const expected = [...umbrellaOwn, ...SUBCHARTS.flatMap((s) => Object.keys(subchartSchema(s.key).properties as Tree).filter((k) => k !== "global" && k !== LIBRARY_KEY).map((k) => `${s.key}.${k}`))];
  return expected.filter((key) => ![...rows].some((row) => row === key || row.startsWith(`${key}.`))).map((key) => `${key}: reaches no README table`);
}

/** Every lint problem, as "key: what is wrong" lines (empty: clean). */
export function lintValues(): string[] {
  return [
    ...undocumented(undefined),
    ...SUBCHARTS.flatMap((s) => undocumented(s)),
    ...chartsUnderLint().flatMap(unreadValues),
    ...missingFromReadmes(),
  ];
}

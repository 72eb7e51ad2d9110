// The values table of each chart's README, from the schema (types, descriptions) and
// the chart's values (defaults). Only the part between the markers is generated.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../paths.ts";
import { LIBRARY_KEY, SUBCHARTS, UMBRELLA_DIR, type ChartSchemaSource } from "../schema/charts.ts";
import { K8S_PREFIX, subchartSchema, umbrellaSchema, type JsonSchema } from "../schema/build.ts";
import { mergeValues, type ValuesTree } from "../values/load.ts";
import type { GeneratedFile } from "./files.ts";

export const TABLE_BEGIN = "<!-- BEGIN VALUES TABLE: DO NOT EDIT, generated from schema/ by npm run generate -->";
export const TABLE_END = "<!-- END VALUES TABLE -->";

type Values = { [key: string]: unknown };

const isObject = (v: unknown): v is Values => typeof v === "object" && v !== null && !Array.isArray(v);

/** One row of a values table: a leaf of the schema, with its default. */
export interface ValueRow {
  /** Dotted key, relative to the chart ("replicaSet.replicas"; "global.imageRegistry" in the umbrella). */
  path: string;
  type: string;
  /** The default, from the chart's values (or the schema's `default`); undefined when there is none. */
  defaultValue: unknown;
  description: string;
}

function resolve(node: JsonSchema, definitions: Values): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const name = ref.replace("#/definitions/", "");
  const target = definitions[name] as JsonSchema;
  // What the reference adds to its target: a description and a default of its own.
  const { $ref: _ref, ...own } = node;
  // A Kubernetes type (affinity, a security context) is one row: its fields are Kubernetes' own.
  if (name.startsWith(K8S_PREFIX)) return { type: target.type, ...own };
  return { ...target, ...own };
}

function typeOf(node: JsonSchema): string {
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(" \\| ");
  if (Array.isArray(node.type)) return node.type.join(" \\| ");
  return typeof node.type === "string" ? node.type : "";
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** A leaf is a key with no properties of its own, or one whose default is not a map (e.g. a list). */
function collect(node: JsonSchema, definitions: Values, defaults: unknown, prefix: string, out: ValueRow[]): void {
  const properties = isObject(node.properties) ? node.properties : {};
  for (const [key, raw] of Object.entries(properties)) {
    const child = resolve(raw as JsonSchema, definitions);
    const path = prefix ? `${prefix}.${key}` : key;
    const value = isObject(defaults) ? defaults[key] : undefined;
    if (isObject(child.properties) && Object.keys(child.properties).length > 0 && (isObject(value) || value === undefined)) {
      collect(child, definitions, value, path, out);
      continue;
    }
    const description = typeof child.description === "string" ? child.description : "";
    out.push({ path, type: typeOf(child), defaultValue: value ?? child.default, description });
  }
}

/** Subcharts list their own keys; `global` is documented once, in the umbrella; the library's map takes none. */
function withoutGlobal(schema: JsonSchema): JsonSchema {
  const { global: _global, [LIBRARY_KEY]: _library, ...properties } = schema.properties as Values;
  return { ...schema, properties };
}

function readValues(file: string): ValuesTree {
  return (parse(readFileSync(join(REPO_ROOT, file), "utf8")) as ValuesTree | null) ?? {};
}

/** The umbrella's own keys (global, secrets, networkPolicy, tests): not the subcharts'. */
function umbrellaOwnSchema(): JsonSchema {
  const umbrella = umbrellaSchema();
  const subchartKeys = new Set<string>([...SUBCHARTS.map((s) => s.key), LIBRARY_KEY]);
  return { ...umbrella, properties: Object.fromEntries(Object.entries(umbrella.properties as Values).filter(([k]) => !subchartKeys.has(k))) };
}

/**
 * The rows of a chart's table. A subchart's defaults are what Helm gives it: its own
 * values.yaml under the umbrella's values for its key (where `enabled` is set).
 */
export function valueRows(chart: ChartSchemaSource | undefined): ValueRow[] {
  const schema = chart ? withoutGlobal(subchartSchema(chart.key)) : umbrellaOwnSchema();
  const umbrellaValues = readValues(`${UMBRELLA_DIR}/values.yaml`);
  const ownValues = chart ? readValues(`${chart.dir}/values.yaml`) : umbrellaValues;
  const above = chart ? umbrellaValues[chart.key] : undefined;
  const defaults = chart && isObject(above) ? mergeValues(ownValues, above) : ownValues;
  const out: ValueRow[] = [];
  collect(schema, isObject(schema.definitions) ? schema.definitions : {}, defaults, "", out);
  return out;
}

function table(rows: readonly ValueRow[]): string {
  const out = ["| Key | Type | Default | Description |", "| --- | --- | --- | --- |"];
  for (const row of rows) {
    const shown = row.defaultValue === undefined ? "" : `\`${cell(JSON.stringify(row.defaultValue))}\``;
    out.push(`| \`${row.path}\` | ${row.type} | ${shown} | ${cell(row.description)} |`);
  }
  return out.join("\n");
}

/** The file with `body` between its markers `begin` and `end` (the rest is hand-written). */
function between(path: string, begin: string, end: string, body: string): GeneratedFile {
  const text = readFileSync(join(REPO_ROOT, path), "utf8");
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} lacks the markers:\n${begin}\n${end}`);
  return { path, content: `${text.slice(0, from)}${begin}\n${body}\n${text.slice(to)}`, partial: true };
}

export function valuesTables(): GeneratedFile[] {
  return [
    between(`${UMBRELLA_DIR}/README.md`, TABLE_BEGIN, TABLE_END, table(valueRows(undefined))),
    ...SUBCHARTS.map((s) => between(`${s.dir}/README.md`, TABLE_BEGIN, TABLE_END, table(valueRows(s)))),
  ];
}

export const DEFAULTS_BEGIN = "# BEGIN SUBCHART DEFAULTS: DO NOT EDIT, generated from charts/*/values.yaml by npm run generate";
export const DEFAULTS_END = "# END SUBCHART DEFAULTS";

/**
 * The umbrella's values.yaml with every subchart's values.yaml copied in as comments, each
 * under its key, so `helm show values` shows every setting. Comments, so that they set
 * nothing: the subcharts' own files stay the defaults.
 */
export function subchartDefaults(): GeneratedFile {
  const lines = SUBCHARTS.flatMap((s) => [
    `# ${s.key}:`,
    ...readFileSync(join(REPO_ROOT, s.dir, "values.yaml"), "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => (line === "" ? "#" : `#   ${line}`)),
  ]);
  return between(`${UMBRELLA_DIR}/values.yaml`, DEFAULTS_BEGIN, DEFAULTS_END, lines.join("\n"));
}

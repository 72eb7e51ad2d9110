// The values table of each chart's README, from the schema (types, descriptions) and
// the chart's values.yaml (defaults). Only the part between the markers is generated.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../paths.ts";
import { SUBCHARTS, UMBRELLA_DIR } from "../schema/charts.ts";
import { subchartSchema, umbrellaSchema, type JsonSchema } from "../schema/build.ts";
import type { GeneratedFile } from "./files.ts";

export const TABLE_BEGIN = "<!-- BEGIN VALUES TABLE: DO NOT EDIT, generated from schema/ by npm run generate -->";
export const TABLE_END = "<!-- END VALUES TABLE -->";

type Values = { [key: string]: unknown };

const isObject = (v: unknown): v is Values => typeof v === "object" && v !== null && !Array.isArray(v);

function resolve(node: JsonSchema, definitions: Values): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const target = definitions[ref.replace("#/definitions/", "")];
  return { ...(target as JsonSchema), ...(typeof node.description === "string" ? { description: node.description } : {}) };
}

function typeOf(node: JsonSchema): string {
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(" \\| ");
  if (Array.isArray(node.type)) return node.type.join(" \\| ");
  return typeof node.type === "string" ? node.type : "";
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function rows(node: JsonSchema, definitions: Values, defaults: unknown, prefix: string, out: string[]): void {
  const properties = isObject(node.properties) ? node.properties : {};
  for (const [key, raw] of Object.entries(properties)) {
    const child = resolve(raw as JsonSchema, definitions);
    const path = prefix ? `${prefix}.${key}` : key;
    const value = isObject(defaults) ? defaults[key] : undefined;
    if (isObject(child.properties) && Object.keys(child.properties).length > 0 && (isObject(value) || value === undefined)) {
      rows(child, definitions, value, path, out);
      continue;
    }
    const shown = value === undefined ? "" : `\`${cell(JSON.stringify(value))}\``;
    const description = typeof child.description === "string" ? child.description : "";
    out.push(`| \`${path}\` | ${typeOf(child)} | ${shown} | ${cell(description)} |`);
  }
}

/** Subcharts list their own keys; `global` is documented once, in the umbrella. */
function withoutGlobal(schema: JsonSchema): JsonSchema {
  const { global: _global, ...properties } = schema.properties as Values;
  return { ...schema, properties };
}

function table(schema: JsonSchema, valuesFile: string): string {
  const defaults = parse(readFileSync(join(REPO_ROOT, valuesFile), "utf8")) as unknown;
  const definitions = isObject(schema.definitions) ? schema.definitions : {};
  const out = ["| Key | Type | Default | Description |", "| --- | --- | --- | --- |"];
  rows(schema, definitions, defaults, "", out);
  return out.join("\n");
}

function withTable(readmePath: string, tableText: string): GeneratedFile {
  const text = readFileSync(join(REPO_ROOT, readmePath), "utf8");
  const begin = text.indexOf(TABLE_BEGIN);
  const end = text.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`${readmePath} lacks the values-table markers:\n${TABLE_BEGIN}\n${TABLE_END}`);
  return { path: readmePath, content: `${text.slice(0, begin)}${TABLE_BEGIN}\n${tableText}\n${text.slice(end)}` };
}

export function valuesTables(): GeneratedFile[] {
  const umbrella = umbrellaSchema();
  const ownOnly: JsonSchema = {
    ...umbrella,
    properties: Object.fromEntries(Object.entries(umbrella.properties as Values).filter(([k]) => k === "global" || k === "secrets")),
  };
  const umbrellaTable = table(ownOnly, `${UMBRELLA_DIR}/values.yaml`);
  return [
    withTable(`${UMBRELLA_DIR}/README.md`, umbrellaTable),
    ...SUBCHARTS.map((s) => withTable(`${s.dir}/README.md`, table(withoutGlobal(subchartSchema(s.key)), `${s.dir}/values.yaml`))),
  ];
}

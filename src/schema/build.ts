// Turns the hand-written YAML schemas in schema/ into the strict draft-07 JSON schemas
// Helm reads (values.schema.json). Helm 3 ignores 2020-12 keywords silently, so they
// are refused here rather than left to do nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../paths.ts";
import { LIBRARY_KEY, SUBCHARTS, UMBRELLA, type ChartSchemaSource } from "./charts.ts";

export type JsonSchema = { [key: string]: unknown };

export const DRAFT_07 = "http://json-schema.org/draft-07/schema#";
const NOT_DRAFT_07 = ["$defs", "prefixItems", "unevaluatedProperties", "unevaluatedItems", "dependentRequired", "dependentSchemas", "$anchor", "$dynamicRef"];

function readYaml(file: string): JsonSchema {
  return parse(readFileSync(join(REPO_ROOT, "schema", file), "utf8")) as JsonSchema;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every object schema that lists properties rejects any other key, unless it says otherwise. */
function makeStrict(node: unknown, where: string): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => makeStrict(item, `${where}/${i}`));
    return;
  }
  if (!isObject(node)) return;
  for (const keyword of NOT_DRAFT_07) {
    if (keyword in node) throw new Error(`${where}: "${keyword}" is not draft-07; Helm 3 would ignore it`);
  }
  if (isObject(node.properties) && !("additionalProperties" in node)) node.additionalProperties = false;
  for (const [key, child] of Object.entries(node)) makeStrict(child, `${where}/${key}`);
}

/** Names of the definitions a schema refers to, followed transitively. */
function referencedDefinitions(node: unknown, definitions: JsonSchema, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => referencedDefinitions(item, definitions, found));
  if (!isObject(node)) return found;
  const ref = node.$ref;
  if (typeof ref === "string") {
    const name = ref.replace(/^#\/definitions\//, "");
    if (!(name in definitions)) throw new Error(`unknown $ref ${ref}`);
    if (!found.has(name)) {
      found.add(name);
      referencedDefinitions(definitions[name], definitions, found);
    }
  }
  for (const child of Object.values(node)) referencedDefinitions(child, definitions, found);
  return found;
}

interface ChartBody {
  body: JsonSchema;
  definitions: JsonSchema;
}

function loadChart(source: ChartSchemaSource): ChartBody {
  const { definitions, ...body } = readYaml(source.schemaFile);
  return { body, definitions: isObject(definitions) ? definitions : {} };
}

/** A subchart's values also carry `global` (copied in by Helm) and `enabled` (its condition). */
function subchartBody(source: ChartSchemaSource): ChartBody {
  const { body, definitions } = loadChart(source);
  const properties = isObject(body.properties) ? body.properties : {};
  return {
    body: {
      ...body,
      properties: {
        enabled: { type: "boolean", description: "Deploy this component." },
        global: { $ref: "#/definitions/global" },
        ...properties,
      },
    },
    definitions,
  };
}

function finish(body: JsonSchema, definitions: JsonSchema, generator: string): JsonSchema {
  const used = [...referencedDefinitions(body, definitions)].sort();
  const schema: JsonSchema = {
    $comment: `DO NOT EDIT: generated from schema/ by npm run generate (${generator})`,
    $schema: DRAFT_07,
    ...body,
    definitions: Object.fromEntries(used.map((name) => [name, definitions[name]])),
  };
  makeStrict(schema, "");
  return schema;
}

const GENERATOR = "src/schema/build.ts";

/** values.schema.json of one subchart, keyed by its umbrella key ("api", "redis", ...). */
export function subchartSchema(key: string): JsonSchema {
  const source = SUBCHARTS.find((s) => s.key === key);
  if (!source) throw new Error(`no subchart with key ${key}`);
  const shared = readYaml("definitions.schema.yaml");
  const { body, definitions } = subchartBody(source);
  return finish(body, { ...shared, ...definitions }, GENERATOR);
}

/** The umbrella's schema: its own keys plus every subchart's, so one file validates a whole values file. */
export function umbrellaSchema(): JsonSchema {
  const shared = readYaml("definitions.schema.yaml");
  const own = loadChart(UMBRELLA);
  const properties: JsonSchema = {
    ...(isObject(own.body.properties) ? own.body.properties : {}),
    // Helm gives every dependency, the library too, a values map of its own.
    [LIBRARY_KEY]: { type: "object", description: "Reserved for the library chart; takes no values.", properties: { global: { $ref: "#/definitions/global" } } },
  };
  let definitions: JsonSchema = { ...shared, ...own.definitions };
  for (const source of SUBCHARTS) {
    const sub = subchartBody(source);
    properties[source.key] = sub.body;
    definitions = { ...definitions, ...sub.definitions };
  }
  return finish({ ...own.body, properties }, definitions, GENERATOR);
}

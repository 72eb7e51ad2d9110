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

// Draft-07 keywords, by what their value holds, so the walk below knows where schemas are.
const SCHEMA_MAPS = ["properties", "patternProperties", "definitions"];
const SCHEMA_VALUES = ["items", "additionalItems", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf"];
const PLAIN = ["$schema", "$comment", "$ref", "$id", "title", "description", "default", "examples", "type", "enum", "const", "format", "pattern", "required", "dependencies", "multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "readOnly", "writeOnly"];
const KEYWORDS = new Set([...SCHEMA_MAPS, ...SCHEMA_VALUES, ...SCHEMA_LISTS, ...PLAIN]);

/**
 * Refuses any keyword draft-07 does not know (a typo, or a 2020-12 keyword that Helm 3
 * would silently ignore), and makes every object schema that lists properties reject
 * any other key, unless it says otherwise.
 */
export function makeStrict(node: unknown, where = ""): void {
  if (typeof node === "boolean") return;
  if (!isObject(node)) throw new Error(`${where || "/"}: a schema must be a map or a boolean`);
  for (const key of Object.keys(node)) {
    if (NOT_DRAFT_07.includes(key)) throw new Error(`${where}: "${key}" is not draft-07; Helm 3 would ignore it`);
    if (!KEYWORDS.has(key)) throw new Error(`${where}: unknown JSON Schema keyword "${key}" (a typo, or a key outside "properties"?)`);
  }
  if (isObject(node.properties) && !("additionalProperties" in node)) node.additionalProperties = false;
  for (const key of SCHEMA_MAPS) {
    if (isObject(node[key])) for (const [name, child] of Object.entries(node[key])) makeStrict(child, `${where}/${key}/${name}`);
  }
  for (const key of SCHEMA_VALUES) {
    const child = node[key];
    if (Array.isArray(child)) child.forEach((item, i) => makeStrict(item, `${where}/${key}/${i}`));
    else if (child !== undefined) makeStrict(child, `${where}/${key}`);
  }
  for (const key of SCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((item, i) => makeStrict(item, `${where}/${key}/${i}`));
  }
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

/** Helm gives every dependency, the library too, a values map of its own. */
const LIBRARY_VALUES: JsonSchema = { type: "object", description: "Reserved for the library chart; takes no values.", properties: { global: { $ref: "#/definitions/global" } } };

/** A subchart's values also carry `global` (copied in by Helm) and, for an optional one, `enabled` (its condition). */
function subchartBody(source: ChartSchemaSource): ChartBody {
  const { body, definitions } = loadChart(source);
  const properties = isObject(body.properties) ? body.properties : {};
  return {
    body: {
      ...body,
      properties: {
        ...(source.optional ? { enabled: { type: "boolean", description: "Deploy this component." } } : {}),
        global: { $ref: "#/definitions/global" },
        // The subchart declares the library as its dependency too (helm lint --with-subcharts).
        [LIBRARY_KEY]: LIBRARY_VALUES,
        ...properties,
      },
    },
    definitions,
  };
}

/** Where a schema refers to a Kubernetes type: "#/definitions/k8s.Toleration". */
export const K8S_PREFIX = "k8s.";

/**
 * The Kubernetes types (schema/generated/kubernetes.schema.json, strict, from kubernetes-types),
 * named "k8s.<Type>" with their references renamed alike, so a value shaped like a
 * Kubernetes field (tolerations, a Container) is checked against the real type.
 */
function kubernetesDefinitions(): JsonSchema {
  const file = JSON.parse(readFileSync(join(REPO_ROOT, "schema/generated/kubernetes.schema.json"), "utf8")) as { definitions: JsonSchema };
  const renamed = JSON.stringify(file.definitions).replace(/"#\/definitions\//g, `"#/definitions/${K8S_PREFIX}`);
  return Object.fromEntries(Object.entries(JSON.parse(renamed) as JsonSchema).map(([name, schema]) => [`${K8S_PREFIX}${name}`, schema]));
}

function finish(body: JsonSchema, ownDefinitions: JsonSchema, generator: string): JsonSchema {
  const definitions = { ...kubernetesDefinitions(), ...ownDefinitions };
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
    [LIBRARY_KEY]: LIBRARY_VALUES,
  };
  let definitions: JsonSchema = { ...shared, ...own.definitions };
  for (const source of SUBCHARTS) {
    const sub = subchartBody(source);
    properties[source.key] = sub.body;
    definitions = { ...definitions, ...sub.definitions };
  }
  return finish({ ...own.body, properties }, definitions, GENERATOR);
}

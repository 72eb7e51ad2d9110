// Strict validation of rendered Kubernetes objects against
// schema/generated/kubernetes.schema.json (see src/generate/kubernetes-schema.ts).
// Unlike kubernetes-models' validate(), unknown fields are errors.
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

const SCHEMA_URL = new URL("../../schema/generated/kubernetes.schema.json", import.meta.url);
const SCHEMA_ID = "kubernetes.schema.json";
const ROOT_TYPE = "KubernetesKinds";

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface Loaded {
  ajv: Ajv;
  // "apps/v1/Deployment" -> "#/definitions/Deployment"
  refs: Map<string, string>;
  validators: Map<string, ValidateFunction>;
}

let loaded: Loaded | undefined;

// Read and register the schema once, on first use.
function load(): Loaded {
  if (loaded) return loaded;
  const schema: unknown = JSON.parse(readFileSync(SCHEMA_URL, "utf8"));
  const kinds = isObject(schema) && isObject(schema.definitions) ? schema.definitions[ROOT_TYPE] : undefined;
  if (!isObject(schema) || !isObject(kinds) || !isObject(kinds.properties)) {
    throw new Error(`${SCHEMA_URL.pathname}: no ${ROOT_TYPE} definition, run npm run generate`);
  }
  const refs = new Map<string, string>();
  for (const [key, value] of Object.entries(kinds.properties)) {
    if (isObject(value) && typeof value.$ref === "string") refs.set(key, value.$ref);
  }
  // strict: false because the generated schema uses union types (["string", "number"]).
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema({ ...schema, $id: SCHEMA_ID });
  loaded = { ajv, refs, validators: new Map() };
  return loaded;
}

// Compile each kind's definition the first time an object of that kind is seen.
function validatorFor(key: string): ValidateFunction | undefined {
  const { ajv, refs, validators } = load();
  const cached = validators.get(key);
  if (cached) return cached;
  const ref = refs.get(key);
  if (ref === undefined) return undefined;
  const validate = ajv.compile({ $ref: `${SCHEMA_ID}${ref}` });
  validators.set(key, validate);
  return validate;
}

// Put the offending property into the path, so the message points at the typo.
function formatError(error: ErrorObject): string {
  const extra = error.params.additionalProperty;
  if (error.keyword === "additionalProperties" && typeof extra === "string") {
    const escaped = extra.replace(/~/g, "~0").replace(/\//g, "~1");
    return `${error.instancePath}/${escaped} must NOT have additional property`;
  }
  return `${error.instancePath || "/"} ${error.message ?? error.keyword}`;
}

/** Returns the problems with one object; an empty array means valid. */
export function validateKubernetesObject(obj: unknown): string[] {
  if (!isObject(obj)) return ["not an object"];
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    return ["missing apiVersion or kind"];
  }
  const key = `${apiVersion}/${kind}`;
  const validate = validatorFor(key);
  if (!validate) return [`unknown kind ${key}, add it to schema/k8s/kinds.ts`];
  if (validate(obj)) return [];
  return (validate.errors ?? []).map(formatError);
}

function describe(obj: unknown): string {
  const kind = isObject(obj) && typeof obj.kind === "string" ? obj.kind : "?";
  const meta = isObject(obj) ? obj.metadata : undefined;
  const name = isObject(meta) && typeof meta.name === "string" ? meta.name : "?";
  return `${kind}/${name}`;
}

/** Throws one Error listing every problem of every invalid object. */
export function assertValidKubernetesObjects(objs: readonly unknown[]): void {
  const lines: string[] = [];
  for (const obj of objs) {
    for (const problem of validateKubernetesObject(obj)) lines.push(`${describe(obj)}: ${problem}`);
  }
  if (lines.length > 0) {
    throw new Error(`invalid Kubernetes objects:\n${lines.join("\n")}`);
  }
}

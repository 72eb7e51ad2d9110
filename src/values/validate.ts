// Checks values files the way Helm will, before Helm runs: the generated JSON schema
// (key and rule named), then the rules across fields.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { REPO_ROOT } from "../paths.ts";
import { UMBRELLA_DIR } from "../schema/charts.ts";
import { effectiveValues } from "./load.ts";
import { crossFieldErrors } from "./rules.ts";

function keyOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
  if (error.keyword === "additionalProperties") {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    return path ? `${path}.${extra}` : extra;
  }
  return path || "(root)";
}

function describe(error: ErrorObject): string {
  if (error.keyword === "additionalProperties") return "is not a known key (misspelt? see the chart's README values table)";
  if (error.keyword === "enum") return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  return error.message ?? error.keyword;
}

let compiled: ReturnType<Ajv["compile"]> | undefined;

function schemaValidator(): ReturnType<Ajv["compile"]> {
  if (!compiled) {
    const schema: unknown = JSON.parse(readFileSync(join(REPO_ROOT, UMBRELLA_DIR, "values.schema.json"), "utf8"));
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema as object);
  }
  return compiled;
}

/** Every problem with these values files, as "key: rule" lines (empty: valid). */
export function validateValuesFiles(files: readonly string[]): string[] {
  const validate = schemaValidator();
  // Like Helm, check the values the templates will see: chart defaults under the files.
  const values = effectiveValues(files);
  if (!validate(values)) {
    const lines = (validate.errors ?? []).filter((e) => e.keyword !== "if").map((e) => `${keyOf(e)}: ${describe(e)}`);
    return [...new Set(lines)];
  }
  return crossFieldErrors(values);
}

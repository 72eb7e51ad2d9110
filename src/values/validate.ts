// Checks values files the way Helm will: the generated JSON schema (key and rule named),
// then the chart itself. The rules across fields live only in the charts
// (<chart>/templates/_validate.tpl); the toolkit runs `helm template` and reports the
// messages they fail with, so the two can never disagree.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { helmBinary, type HelmMajor } from "../helm/provision.ts";
import { REPO_ROOT } from "../paths.ts";
import { UMBRELLA_DIR } from "../schema/charts.ts";
import { effectiveValues } from "./load.ts";

const FRONTEND_MOVED = "the frontend is its own chart, and nginx.frontend keeps only where / goes (host, port); move the key (README, Upgrade notes)";

/** Keys an upgrade removed, with what to do instead (README, "Upgrade notes"). */
export const REMOVED_KEYS: Readonly<Record<string, string>> = {
  "api.enabled": "removed: the API is always deployed; delete the key (README, Upgrade notes)",
  "nginx.enabled": "removed: nginx is always deployed; delete the key (README, Upgrade notes)",
  "redis.exporter": "renamed redis.metrics, the name every chart uses for its exporter sidecar; rename the key (README, Upgrade notes)",
  networkPolicy: "moved to global.networkPolicy (every chart renders its own policies, and subcharts see only global); move the block under global (README, Upgrade notes)",
  "nginx.frontend.deploy": `moved to frontend.enabled: ${FRONTEND_MOVED}`,
  "nginx.frontend.replicaCount": `moved to frontend.replicaCount: ${FRONTEND_MOVED}`,
  "nginx.frontend.image": `moved to frontend.image: ${FRONTEND_MOVED}`,
  "nginx.frontend.resources": `moved to frontend.resources: ${FRONTEND_MOVED}`,
};

function keyOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
  if (error.keyword === "additionalProperties") {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    return path ? `${path}.${extra}` : extra;
  }
  return path || "(root)";
}

function describe(error: ErrorObject): string {
  if (error.keyword === "additionalProperties") return REMOVED_KEYS[keyOf(error)] ?? "is not a known key (misspelt? see the chart's README values table)";
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

/** The schema's problems with the values Helm would use, as "key: rule" lines. */
function schemaErrors(files: readonly string[]): string[] {
  const validate = schemaValidator();
  // Like Helm, check the values the templates will see: chart defaults under the files.
  if (validate(effectiveValues(files))) return [];
  const lines = (validate.errors ?? []).filter((e) => e.keyword !== "if").map((e) => `${keyOf(e)}: ${describe(e)}`);
  return [...new Set(lines)];
}

/** The line "vendata.validate.fail" (the library chart) puts before its messages. */
const RULES_HEADER = "VALUES VALIDATION";

/**
 * The chart's own verdict: `helm template` on these files. Empty when it renders; else
 * the messages of the rules the values break (the first chart whose rules fail: Helm
 * stops at the first failing template), or Helm's whole error for any other failure.
 */
function chartErrors(files: readonly string[], helm?: HelmMajor, release = "vendata"): string[] {
  const args = ["template", release, join(REPO_ROOT, UMBRELLA_DIR), "--namespace", "vendata"];
  for (const file of files) args.push("-f", isAbsolute(file) ? file : join(REPO_ROOT, file));
  // Synchronous, so `validate` stays a plain function; no cluster, as in src/helm/run.ts.
  const result = spawnSync(helmBinary(helm), args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, KUBECONFIG: "/dev/null", HELM_CACHE_HOME: "/tmp/vendata-helm/cache", HELM_CONFIG_HOME: "/tmp/vendata-helm/config", HELM_DATA_HOME: "/tmp/vendata-helm/data" },
  });
  if (result.error) throw result.error;
  if (result.status === 0) return [];
  const lines = result.stderr.split("\n");
  const header = lines.findIndex((line) => line.startsWith(RULES_HEADER));
  if (header < 0) return [result.stderr.trim()];
  const messages: string[] = [];
  for (const line of lines.slice(header + 1)) {
    if (!line.startsWith("- ")) break;
    messages.push(line.slice(2));
  }
  return messages;
}

/** Every problem with these values files, as "key: rule" lines (empty: valid); "release" is the release name (default vendata), which the chart holds to Kubernetes' name limits. */
export function validateValuesFiles(files: readonly string[], options: { helm?: HelmMajor; release?: string } = {}): string[] {
  const problems = schemaErrors(files);
  return problems.length > 0 ? problems : chartErrors(files, options.helm, options.release);
}

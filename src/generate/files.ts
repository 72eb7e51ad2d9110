// Every generated file, computed in memory: `npm run generate` writes them and
// `npm run verify` fails when the tree differs.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";
import { parse } from "yaml";
import { runHelm } from "../helm/run.ts";
import { REPO_ROOT } from "../paths.ts";
import { SUBCHARTS, UMBRELLA_DIR } from "../schema/charts.ts";
import { subchartSchema, umbrellaSchema, type JsonSchema } from "../schema/build.ts";
import { generateKubernetesSchema, KUBERNETES_SCHEMA_PATH } from "./kubernetes-schema.ts";
import { subchartDefaults, valuesTables } from "./readme.ts";

export interface GeneratedFile {
  path: string;
  content: string;
  /** Only the part between markers is generated (a README's table, the umbrella's list of subchart defaults). */
  partial?: boolean;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function valuesTypes(schema: JsonSchema): Promise<string> {
  const { $comment: _comment, ...rest } = schema;
  const body = await compile(rest as Parameters<typeof compile>[0], "VendataValues", {
    bannerComment: "// DO NOT EDIT: generated from schema/ by npm run generate (src/generate/files.ts)",
    additionalProperties: false,
    style: { singleQuote: false },
  });
  return body;
}

interface ChartLock {
  dependencies: unknown;
  digest: string;
}

/**
 * Chart.lock as `helm dependency update` writes it, computed in a scratch copy (it also
 * packages the subcharts there). The committed file is kept when only its timestamp
 * would change, so the drift check looks at dependencies and digest alone.
 */
async function chartLock(): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), "vendata-lock-"));
  try {
    const chart = join(scratch, "vendata");
    cpSync(join(REPO_ROOT, UMBRELLA_DIR), chart, { recursive: true });
    rmSync(join(chart, "Chart.lock"), { force: true });
    await runHelm(["dependency", "update", "--skip-refresh", chart]);
    const fresh = readFileSync(join(chart, "Chart.lock"), "utf8");
    const committedPath = join(REPO_ROOT, UMBRELLA_DIR, "Chart.lock");
    if (existsSync(committedPath)) {
      const committed = readFileSync(committedPath, "utf8");
      const a = parse(committed) as ChartLock;
      const b = parse(fresh) as ChartLock;
      if (a.digest === b.digest && JSON.stringify(a.dependencies) === JSON.stringify(b.dependencies)) return committed;
    }
    return fresh;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export async function generatedFiles(): Promise<GeneratedFile[]> {
  const umbrella = umbrellaSchema();
  const files: GeneratedFile[] = [
    { path: `${UMBRELLA_DIR}/values.schema.json`, content: json(umbrella) },
    ...SUBCHARTS.map((s) => ({ path: `${s.dir}/values.schema.json`, content: json(subchartSchema(s.key)) })),
    { path: "src/generated/values.ts", content: await valuesTypes(umbrella) },
    { path: `${UMBRELLA_DIR}/Chart.lock`, content: await chartLock() },
    { path: KUBERNETES_SCHEMA_PATH, content: generateKubernetesSchema() },
  ];
  return [...files, ...valuesTables(), subchartDefaults()];
}

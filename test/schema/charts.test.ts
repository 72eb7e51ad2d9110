// The subcharts are the umbrella's dependencies (src/schema/charts.ts): nothing lists them by hand.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { subchartsOf } from "../../src/schema/charts.ts";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

/** A repository with the library `common`, `api` and `redis-cluster` folders, these dependencies and these schema files. */
function repository(dependencies: object[], schemas: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "vendata-charts-"));
  roots.push(root);
  write(root, "charts/vendata/Chart.yaml", stringify({ apiVersion: "v2", name: "vendata", version: "0.1.0", dependencies }));
  for (const [name, type] of [["common", "library"], ["api", "application"], ["redis-cluster", "application"]]) {
    write(root, `charts/vendata/charts/${name}/Chart.yaml`, stringify({ apiVersion: "v2", name, version: "0.1.0", type }));
  }
  for (const schema of schemas) write(root, `schema/${schema}`, "type: object\n");
  return root;
}

const COMMON = { name: "common", version: "0.1.0", repository: "file://charts/common" };
const API = { name: "api", version: "0.1.0", repository: "file://charts/api" };
const REDIS = { name: "redis-cluster", alias: "redis", version: "0.1.0", repository: "file://charts/redis-cluster", condition: "redis.enabled" };

describe("the subcharts", () => {
  it("are the umbrella's dependencies but the library, keyed by alias or name, optional when they have a condition", () => {
    const root = repository([COMMON, API, REDIS], ["api.schema.yaml", "redis.schema.yaml"]);
    expect(subchartsOf(root)).toEqual([
      { key: "api", dir: "charts/vendata/charts/api", schemaFile: "api.schema.yaml", optional: false },
      { key: "redis", dir: "charts/vendata/charts/redis-cluster", schemaFile: "redis.schema.yaml", optional: true },
    ]);
  });

  it("refuse a dependency without its schema file, naming the dependency and the file", () => {
    const root = repository([COMMON, API, REDIS], ["redis.schema.yaml"]);
    expect(() => subchartsOf(root)).toThrow("charts/vendata/Chart.yaml, dependency api: schema/api.schema.yaml is missing");
  });

  it("refuse a condition other than <key>.enabled, naming the dependency", () => {
    const root = repository([COMMON, API, { ...REDIS, condition: "redis-cluster.enabled" }], ["api.schema.yaml", "redis.schema.yaml"]);
    expect(() => subchartsOf(root)).toThrow('dependency redis: condition must be redis.enabled (or none when it is always deployed), not "redis-cluster.enabled"');
  });

  it("refuse a dependency that is not a folder of the repository", () => {
    const root = repository([COMMON, { ...API, repository: "https://charts.example.com" }], ["api.schema.yaml"]);
    expect(() => subchartsOf(root)).toThrow("dependency api: repository must be file://charts/<folder>");
  });
});

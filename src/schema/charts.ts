// Which schema file describes which chart, and where the generated files go. The
// subcharts are read from the umbrella's Chart.yaml, so adding a component is its folder,
// its schema file and its dependency: nothing to list here.
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../paths.ts";

export interface ChartSchemaSource {
  /** Key of the chart's values in the umbrella: its alias, else its name. */
  key: string;
  /** Chart directory, relative to the repository root. */
  dir: string;
  /** Hand-written schema, relative to schema/. */
  schemaFile: string;
  /** Switched by `<key>.enabled` (a `condition` in the umbrella's Chart.yaml); else always deployed. */
  optional?: boolean;
}

export const UMBRELLA_DIR = "charts/vendata";
export const LIBRARY_KEY = "common";

interface Dependency {
  name: string;
  alias?: string;
  repository?: string;
  condition?: string;
}

const readYaml = (path: string): unknown => parse(readFileSync(path, "utf8"));

/**
 * The components of the umbrella under `root`: each dependency of its Chart.yaml but a
 * library chart, keyed by its alias or name, in its `file://` folder, described by
 * `schema/<key>.schema.yaml`, optional when it has a condition (which must be `<key>.enabled`).
 */
export function subchartsOf(root: string): ChartSchemaSource[] {
  const chartFile = `${UMBRELLA_DIR}/Chart.yaml`;
  const { dependencies = [] } = readYaml(join(root, chartFile)) as { dependencies?: Dependency[] };
  return dependencies.flatMap((dependency) => {
    const key = dependency.alias ?? dependency.name;
    const where = `${chartFile}, dependency ${key}`;
    const folder = /^file:\/\/(.+)$/.exec(dependency.repository ?? "")?.[1];
    if (!folder) throw new Error(`${where}: repository must be file://charts/<folder> (a component is a folder of this repository), not "${dependency.repository ?? ""}"`);
    const dir = posix.join(UMBRELLA_DIR, folder);
    if ((readYaml(join(root, dir, "Chart.yaml")) as { type?: string }).type === "library") return [];
    const schemaFile = `${key}.schema.yaml`;
    if (!existsSync(join(root, "schema", schemaFile))) throw new Error(`${where}: schema/${schemaFile} is missing (the only description of its values)`);
    const { condition } = dependency;
    if (condition !== undefined && condition !== `${key}.enabled`) throw new Error(`${where}: condition must be ${key}.enabled (or none when it is always deployed), not "${condition}"`);
    return [{ key, dir, schemaFile, optional: condition !== undefined }];
  });
}

export const SUBCHARTS: readonly ChartSchemaSource[] = subchartsOf(REPO_ROOT);

export const UMBRELLA: ChartSchemaSource = { key: "", dir: UMBRELLA_DIR, schemaFile: "vendata.schema.yaml" };

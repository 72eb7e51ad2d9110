// Which schema file describes which chart, and where the generated files go.
export interface ChartSchemaSource {
  /** Key of the chart's values in the umbrella (the alias, for redis). */
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

export const SUBCHARTS: readonly ChartSchemaSource[] = [
  { key: "api", dir: `${UMBRELLA_DIR}/charts/api`, schemaFile: "api.schema.yaml" },
  { key: "mongo", dir: `${UMBRELLA_DIR}/charts/mongo`, schemaFile: "mongo.schema.yaml", optional: true },
  { key: "redis", dir: `${UMBRELLA_DIR}/charts/redis-cluster`, schemaFile: "redis.schema.yaml", optional: true },
  { key: "nginx", dir: `${UMBRELLA_DIR}/charts/nginx`, schemaFile: "nginx.schema.yaml" },
  { key: "frontend", dir: `${UMBRELLA_DIR}/charts/frontend`, schemaFile: "frontend.schema.yaml", optional: true },
  { key: "monitoring", dir: `${UMBRELLA_DIR}/charts/monitoring`, schemaFile: "monitoring.schema.yaml", optional: true },
];

export const UMBRELLA: ChartSchemaSource = { key: "", dir: UMBRELLA_DIR, schemaFile: "vendata.schema.yaml" };

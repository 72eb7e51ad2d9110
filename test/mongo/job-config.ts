// What the mongo Jobs are told: config.json of the scripts ConfigMap, parsed.
import type { Rendered } from "../../src/render/render.ts";

export interface Member {
  host: string;
  priority: number;
  votes: number;
  hidden: boolean;
  local: boolean;
}

export interface ReplicaSetConfig {
  name: string;
  component: string;
  role: "" | "configsvr" | "shardsvr";
  replicas: number;
  members: Member[];
}

export interface KeyField {
  field: string;
  order: 1 | -1 | "hashed";
}

export interface JobConfig {
  architecture: "standalone" | "replicaset" | "sharded";
  manage: boolean;
  rootUser: string;
  appUser: string;
  metricsUser: string;
  /** Empty when backup.enabled is false. */
  backupUser: string;
  database: string;
  sets: ReplicaSetConfig[];
  app: { hosts: string[]; options: string };
  standalone?: string;
  mongos?: string;
  indexes: { collection: string; keys: KeyField[]; options?: Record<string, unknown> }[];
  shardedCollections: { name: string; key: KeyField[] }[];
}

export function jobConfig(r: Rendered, configMap = "vendata-mongo-scripts"): JobConfig {
  const text = r.find("ConfigMap", configMap).data?.["config.json"];
  if (!text) throw new Error(`${configMap} has no config.json`);
  return JSON.parse(text) as JobConfig;
}

/** Headless DNS name of pod i of a mongo StatefulSet in the test release. */
export const podHost = (component: string, i: number) => `vendata-${component}-${i}.vendata-${component}-headless.vendata.svc:27017`;

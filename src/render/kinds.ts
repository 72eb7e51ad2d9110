// The Kubernetes kinds the charts render, typed by kubernetes-types. The list itself
// lives in schema/k8s/kinds.ts (it also drives the strict schema); this file keys it
// by kind alone for find-by-kind-and-name.
import type { KubernetesKinds } from "../../schema/k8s/kinds.ts";

type LastSegment<S extends string> = S extends `${string}/${infer Rest}` ? LastSegment<Rest> : S;

export type KindMap = { [Key in keyof KubernetesKinds as LastSegment<Key & string>]: KubernetesKinds[Key] };

export type Kind = keyof KindMap;

/** What every rendered object has; the rest depends on its kind. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

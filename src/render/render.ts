// Renders a chart with `helm template` and returns typed objects found by kind and name.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { parseAllDocuments, stringify } from "yaml";
import type { HelmMajor } from "../helm/provision.ts";
import { runHelm } from "../helm/run.ts";
import { REPO_ROOT } from "../paths.ts";
import type { Kind, KindMap, KubernetesObject } from "./kinds.ts";

export interface RenderOptions {
  /** Chart directory (default the umbrella, charts/vendata), relative to the repository root. */
  chart?: string;
  /** Values files, in order, relative to the repository root. */
  valuesFiles?: readonly string[];
  /** Inline values, applied after the files (written to a temporary file). */
  values?: object;
  /** --set pairs, applied last. */
  set?: Readonly<Record<string, string | number | boolean>>;
  releaseName?: string;
  namespace?: string;
  /** Bundled Helm major version; default $HELM, else Helm 4. */
  helm?: HelmMajor;
  /** Capabilities.KubeVersion for an offline render (Helm's default otherwise). */
  kubeVersion?: string;
  /**
   * A kubeconfig to render against (--dry-run=server), so `lookup` sees that cluster:
   * tests point it at a fake API server. Offline when unset.
   */
  kubeconfig?: string;
  /** Extra API versions the cluster would serve (--api-versions), e.g. "velero.io/v1/Schedule". */
  apiVersions?: readonly string[];
}

export class Rendered {
  constructor(
    readonly manifest: string,
    readonly objects: readonly KubernetesObject[],
  ) {}

  /** All objects of a kind. */
  all<K extends Kind>(kind: K): KindMap[K][] {
    return this.objects.filter((o) => o.kind === kind) as unknown as KindMap[K][];
  }

  /** The object of that kind and name, or undefined. */
  maybe<K extends Kind>(kind: K, name: string): KindMap[K] | undefined {
    return this.objects.find((o) => o.kind === kind && o.metadata.name === name) as unknown as KindMap[K] | undefined;
  }

  /** The object of that kind and name; throws, listing what there is, when it is missing. */
  find<K extends Kind>(kind: K, name: string): KindMap[K] {
    const found = this.maybe(kind, name);
    if (found) return found;
    const names = this.objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);
    throw new Error(`no ${kind} named ${name}; the render has ${kind}: [${names.join(", ")}]`);
  }

  /** "Kind/name" of every object, sorted: a quick picture of a render. */
  inventory(): string[] {
    return this.objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
  }
}

export function parseManifest(manifest: string): KubernetesObject[] {
  const objects: KubernetesObject[] = [];
  for (const doc of parseAllDocuments(manifest)) {
    if (doc.errors.length > 0) throw new Error(`helm rendered invalid YAML: ${doc.errors[0]?.message}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const object = value as KubernetesObject;
    if (typeof object.kind !== "string" || typeof object.metadata?.name !== "string") {
      throw new Error(`helm rendered a document without kind or metadata.name:\n${stringify(value)}`);
    }
    objects.push(object);
  }
  return objects;
}

function helmArgs(options: RenderOptions): string[] {
  const chart = options.chart ?? "charts/vendata";
  const args = ["template", options.releaseName ?? "vendata", isAbsolute(chart) ? chart : join(REPO_ROOT, chart)];
  args.push("--namespace", options.namespace ?? "vendata");
  for (const file of options.valuesFiles ?? []) args.push("-f", isAbsolute(file) ? file : join(REPO_ROOT, file));
  if (options.values) {
    const file = join(mkdtempSync(join(tmpdir(), "vendata-values-")), "values.yaml");
    writeFileSync(file, stringify(options.values));
    args.push("-f", file);
  }
  for (const [key, value] of Object.entries(options.set ?? {})) args.push("--set", `${key}=${String(value)}`);
  if (options.kubeVersion) args.push("--kube-version", options.kubeVersion);
  // Helm 4 validates against the server's OpenAPI document, which a fake server lacks.
  if (options.kubeconfig) args.push("--dry-run=server", "--disable-openapi-validation");
  for (const apiVersion of options.apiVersions ?? []) args.push("--api-versions", apiVersion);
  return args;
}

// One render per distinct input within a process: the same phase is asserted on by many tests.
const cache = new Map<string, Promise<Rendered>>();

export function render(options: RenderOptions = {}): Promise<Rendered> {
  // Every option shapes the output, so the options themselves are the key.
  const key = JSON.stringify(options);
  let rendered = cache.get(key);
  if (!rendered) {
    const env = options.kubeconfig ? { KUBECONFIG: options.kubeconfig } : undefined;
    rendered = runHelm(helmArgs(options), { helm: options.helm, env }).then((manifest) => new Rendered(manifest, parseManifest(manifest)));
    cache.set(key, rendered);
    // A failed render is not cached, so the next caller sees Helm's error afresh.
    rendered.catch(() => cache.delete(key));
  }
  return rendered;
}

// A stand-in Kubernetes API server on 127.0.0.1, just enough for Helm's --dry-run=server:
// discovery for the kinds a chart renders, and GET (one by one, or listed by label) of
// the objects the test puts "in the cluster"; everything else is 404. Tests exercise the
// chart's `lookup` paths with it (secrets kept on upgrade, an existing Secret checked).
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KubernetesObject } from "../../src/render/kinds.ts";

export interface FakeKubeApi {
  /** Path of a kubeconfig pointing at this server. */
  readonly kubeconfig: string;
  /** "METHOD path" of every request, in order. */
  readonly requests: string[];
  stop(): Promise<void>;
}

export interface TypeRef {
  apiVersion: string;
  kind: string;
}

// Cluster-scoped kinds a chart may render; every other kind is namespaced.
const CLUSTER_SCOPED = new Set(["ClusterRole", "ClusterRoleBinding", "Namespace", "PersistentVolume", "StorageClass", "PriorityClass", "CustomResourceDefinition"]);

const plural = (kind: string) => `${kind.toLowerCase()}s`;

/** URL path of an object, the way client-go builds it. */
function objectPath(o: KubernetesObject): string {
  const base = o.apiVersion.includes("/") ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
  const scope = CLUSTER_SCOPED.has(o.kind) ? "" : `/namespaces/${o.metadata.namespace ?? "default"}`;
  return `${base}${scope}/${plural(o.kind)}/${o.metadata.name}`;
}

/** Serves discovery for `types` (take them from an offline render) and GET of `objects`. */
export async function startFakeKubeApi(types: readonly TypeRef[], objects: readonly KubernetesObject[]): Promise<FakeKubeApi> {
  const byGroupVersion = new Map<string, Set<string>>();
  for (const t of [...types, ...objects]) byGroupVersion.set(t.apiVersion, (byGroupVersion.get(t.apiVersion) ?? new Set()).add(t.kind));
  const resources = (groupVersion: string) => ({
    kind: "APIResourceList",
    groupVersion,
    resources: [...(byGroupVersion.get(groupVersion) ?? [])].map((kind) => ({
      name: plural(kind),
      singularName: kind.toLowerCase(),
      namespaced: !CLUSTER_SCOPED.has(kind),
      kind,
      verbs: ["get", "list", "create", "update", "patch", "delete"],
    })),
  });
  const groups = [...byGroupVersion.keys()].filter((gv) => gv.includes("/"));
  const stored = new Map(objects.map((o) => [objectPath(o), o]));
  const requests: string[] = [];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    requests.push(`${req.method} ${path}`);
    const send = (code: number, body: object) => {
      res.writeHead(code, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (path === "/version") return send(200, { major: "1", minor: "30", gitVersion: "v1.30.0", platform: "linux/amd64" });
    if (path === "/api") return send(200, { kind: "APIVersions", versions: ["v1"] });
    if (path === "/api/v1") return send(200, resources("v1"));
    if (path === "/apis") {
      return send(200, {
        kind: "APIGroupList",
        apiVersion: "v1",
        groups: groups.map((gv) => {
          const [name = "", version = ""] = gv.split("/");
          return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
        }),
      });
    }
    const group = groups.find((gv) => path === `/apis/${gv}`);
    if (group) return send(200, resources(group));
    const object = req.method === "GET" ? stored.get(path) : undefined;
    if (object) return send(200, object);
    // A collection (Helm lists its release records): the objects stored under it.
    const kind = [...byGroupVersion.values()].flatMap((kinds) => [...kinds]).find((k) => path.endsWith(`/${plural(k)}`));
    if (req.method === "GET" && kind) {
      const selector = (url.searchParams.get("labelSelector") ?? "").split(",").filter(Boolean).map((pair) => pair.split("="));
      const items = [...stored]
        .filter(([p, o]) => p.startsWith(`${path}/`) && selector.every(([k = "", v]) => o.metadata.labels?.[k] === v))
        .map(([, o]) => o);
      return send(200, { kind: `${kind}List`, apiVersion: "v1", metadata: { resourceVersion: "1" }, items });
    }
    return send(404, { kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404, message: `${path} not found` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the fake API server has no address");

  const kubeconfig = join(mkdtempSync(join(tmpdir(), "vendata-kube-")), "kubeconfig");
  writeFileSync(
    kubeconfig,
    [
      "apiVersion: v1",
      "kind: Config",
      `clusters: [{name: fake, cluster: {server: "http://127.0.0.1:${address.port}"}}]`,
      "users: [{name: fake, user: {token: fake-token-for-tests}}]",
      "contexts: [{name: fake, context: {cluster: fake, user: fake}}]",
      "current-context: fake",
      "",
    ].join("\n"),
  );
  return { kubeconfig, requests, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// charts/vendata/presets/small.yaml: any phase on one 2-CPU, 8 GiB node. Layered on a phase it changes
// sizes only: the same objects, replicas and HPA ranges, every container still with
// requests and limits, all the pods' requests within the node (with room to spare), small
// volumes, and every rule of the chart and the toolkit still kept.
import type { Container, PodSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import type { HelmMajor } from "../../src/helm/provision.ts";
import { phaseValuesFiles, type Phase } from "../../src/phases.ts";
import { render, type Rendered } from "../../src/render/render.ts";
import { validateValuesFiles } from "../../src/values/validate.ts";
import { FAKE_SECRETS, HELM_VERSIONS } from "../render.ts";

const SMALL = "charts/vendata/presets/small.yaml";

// The node: 2 CPUs and 8 GiB, of which the release may ask for 1.6 CPUs and 6 GiB (the
// rest is for the node's own pods: DNS, storage, and the kubelet's reserve).
const MAX_CPU_MILLI = 1600;
const MAX_MEMORY_BYTES = 6 * 1024 ** 3;
const MAX_VOLUME_BYTES = 2 * 1024 ** 3;
// Slow starters (mongod, Grafana, the API, exec probes that start mongosh) need some CPU.
const MIN_SERVER_CPU_LIMIT_MILLI = 100;
// CPU an idle API pod was measured to use; its request must keep that under the HPA target.
const IDLE_API_CPU_MILLI = 9;

interface Case {
  name: string;
  phase: Phase;
  region?: string;
}

const CASES: Case[] = [
  { name: "phase1", phase: "phase1" },
  { name: "phase2", phase: "phase2" },
  { name: "phase3", phase: "phase3" },
  { name: "phase4 sa-east", phase: "phase4", region: "sa-east" },
  { name: "phase4 us-east", phase: "phase4", region: "us-east" },
];

const files = ({ phase, region }: Case, small: boolean): string[] => [...phaseValuesFiles(phase, region), ...(small ? [SMALL] : [])];

const renderCase = (c: Case, small: boolean, helm: HelmMajor = 4): Promise<Rendered> =>
  render({ valuesFiles: [...files(c, small), FAKE_SECRETS], releaseName: c.region ? `vendata-${c.region}` : "vendata", helm });

const UNITS: Readonly<Record<string, number>> = { "": 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

/** A Kubernetes quantity ("500m", 2, "64Mi", "1Gi") in base units (cores, bytes). */
function quantity(value: string | number | undefined, where: string): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)([a-zA-Z]*)$/.exec(String(value));
  const unit = match ? UNITS[match[2] ?? ""] : undefined;
  if (!match || unit === undefined) throw new Error(`${where}: cannot read the quantity ${JSON.stringify(value)}`);
  return Number(match[1]) * unit;
}

interface PodSource {
  id: string;
  spec: PodSpec;
  /** How many such pods run at once: HPA minimum, replicas, or one per Job, CronJob run or Pod. */
  pods: number;
  longRunning: boolean;
}

function podSources(r: Rendered): PodSource[] {
  const hpaMin = new Map(r.all("HorizontalPodAutoscaler").map((h) => [`${h.spec?.scaleTargetRef.kind}/${h.spec?.scaleTargetRef.name}`, h.spec?.minReplicas ?? 1]));
  return [
    ...r.all("Deployment").map((d) => {
      const id = `Deployment/${d.metadata?.name}`;
      return { id, spec: d.spec!.template.spec!, pods: hpaMin.get(id) ?? d.spec?.replicas ?? 1, longRunning: true };
    }),
    ...r.all("StatefulSet").map((s) => ({ id: `StatefulSet/${s.metadata?.name}`, spec: s.spec!.template.spec!, pods: s.spec?.replicas ?? 1, longRunning: true })),
    ...r.all("Job").map((j) => ({ id: `Job/${j.metadata?.name}`, spec: j.spec!.template.spec!, pods: j.spec?.parallelism ?? 1, longRunning: false })),
    ...r.all("CronJob").map((c) => ({ id: `CronJob/${c.metadata?.name}`, spec: c.spec!.jobTemplate.spec!.template.spec!, pods: c.spec!.jobTemplate.spec!.parallelism ?? 1, longRunning: false })),
    ...r.all("Pod").map((p) => ({ id: `Pod/${p.metadata?.name}`, spec: p.spec!, pods: 1, longRunning: false })),
  ];
}

const allContainers = (spec: PodSpec): Container[] => [...(spec.initContainers ?? []), ...spec.containers];

/** What the scheduler reserves for one pod: the larger of its containers (with sidecars) and each init container. */
function podRequest(spec: PodSpec, resource: "cpu" | "memory", id: string): number {
  const request = (c: Container) => quantity(c.resources?.requests?.[resource] ?? 0, `${id} container ${c.name} requests.${resource}`);
  let sidecars = 0;
  let initPeak = 0;
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === "Always") sidecars += request(c);
    else initPeak = Math.max(initPeak, sidecars + request(c));
  }
  return Math.max(initPeak, sidecars + spec.containers.reduce((sum, c) => sum + request(c), 0));
}

interface Totals {
  cpuMilli: number;
  memoryBytes: number;
  lines: string[];
}

function requestTotals(r: Rendered): Totals {
  const totals: Totals = { cpuMilli: 0, memoryBytes: 0, lines: [] };
  for (const { id, spec, pods } of podSources(r)) {
    const cpu = podRequest(spec, "cpu", id) * 1000;
    const memory = podRequest(spec, "memory", id);
    totals.cpuMilli += pods * cpu;
    totals.memoryBytes += pods * memory;
    totals.lines.push(`${id} ${pods} x (${Math.round(cpu)}m, ${Math.round(memory / 1024 ** 2)}Mi)`);
  }
  return totals;
}

/** Replicas of every workload (absent while an HPA owns it) and every HPA and PDB spec. */
function topology(r: Rendered): Record<string, unknown> {
  return Object.fromEntries([
    ...[...r.all("Deployment"), ...r.all("StatefulSet")].map((w) => [`${w.kind}/${w.metadata?.name}`, { replicas: w.spec?.replicas ?? "absent" }]),
    ...r.all("HorizontalPodAutoscaler").map((h) => [`HorizontalPodAutoscaler/${h.metadata?.name}`, h.spec]),
    ...r.all("PodDisruptionBudget").map((p) => [`PodDisruptionBudget/${p.metadata?.name}`, p.spec]),
  ]);
}

function volumeClaims(r: Rendered): { id: string; storage: string | number | undefined }[] {
  return [
    ...r.all("PersistentVolumeClaim").map((p) => ({ id: `PersistentVolumeClaim/${p.metadata?.name}`, storage: p.spec?.resources?.requests?.storage })),
    ...r.all("StatefulSet").flatMap((s) =>
      (s.spec?.volumeClaimTemplates ?? []).map((t) => ({ id: `StatefulSet/${s.metadata?.name} claim ${t.metadata?.name}`, storage: t.spec?.resources?.requests?.storage })),
    ),
  ];
}

/** Where the API finds Mongo and Redis (hosts, replica set, Redis mode and nodes). */
function connections(r: Rendered): Record<string, string> | undefined {
  return r.all("ConfigMap").find((m) => m.metadata?.name?.endsWith("-connections"))?.data;
}

/** Every mongod container (standalone, rs0, config servers, shards). */
function mongods(r: Rendered): { id: string; container: Container }[] {
  return r.all("StatefulSet").flatMap((s) =>
    (s.spec?.template.spec?.containers ?? []).filter((k) => k.name === "mongod").map((container) => ({ id: `StatefulSet/${s.metadata?.name}`, container })),
  );
}

describe.each(CASES)("charts/vendata/presets/small.yaml on $name", (c) => {
  it("breaks no rule of the schema or the toolkit", () => {
    expect(validateValuesFiles(files(c, true))).toEqual([]);
  });

  it.each(HELM_VERSIONS)("renders the same objects (kind and name) as the phase alone on helm %i", async (helm) => {
    const [alone, small] = await Promise.all([renderCase(c, false, helm), renderCase(c, true, helm)]);
    expect(small.inventory()).toEqual(alone.inventory());
  });

  it("keeps every workload's replicas and every HPA range and disruption budget", async () => {
    const [alone, small] = await Promise.all([renderCase(c, false), renderCase(c, true)]);
    expect(Object.keys(topology(alone))).toContain(`Deployment/${c.region ? `vendata-${c.region}` : "vendata"}-api`);
    expect(topology(small)).toEqual(topology(alone));
    expect(connections(alone)).toHaveProperty("MONGODB_HOSTS");
    expect(connections(small)).toEqual(connections(alone));
  });

  it("leaves nginx's configuration as the phase has it (one worker, from limits.cpu)", async () => {
    const nginxConfig = (r: Rendered) => r.all("ConfigMap").find((m) => m.metadata?.name?.endsWith("-nginx"))?.data;
    const [alone, small] = await Promise.all([renderCase(c, false), renderCase(c, true)]);
    expect(nginxConfig(alone)?.["nginx.conf"]).toContain("worker_processes");
    expect(nginxConfig(small)).toEqual(nginxConfig(alone));
  });

  it("asks, over every pod at its HPA minimum, for at most 1.6 CPU and 6 GiB", async () => {
    const totals = requestTotals(await renderCase(c, true));
    const breakdown = totals.lines.join("\n");
    expect(totals.cpuMilli, `CPU requests (millicores):\n${breakdown}`).toBeLessThanOrEqual(MAX_CPU_MILLI);
    expect(totals.memoryBytes, `memory requests (bytes):\n${breakdown}`).toBeLessThanOrEqual(MAX_MEMORY_BYTES);
  });

  it("gives every container requests and limits, requests no larger than limits", async () => {
    for (const { id, spec } of podSources(await renderCase(c, true))) {
      for (const container of allContainers(spec)) {
        const where = `${id} container ${container.name}`;
        for (const resource of ["cpu", "memory"] as const) {
          const request = container.resources?.requests?.[resource];
          const limit = container.resources?.limits?.[resource];
          expect(request, `${where} requests.${resource}`).toBeDefined();
          expect(limit, `${where} limits.${resource}`).toBeDefined();
          expect(quantity(request, where), `${where} ${resource}: request above limit`).toBeLessThanOrEqual(quantity(limit, where));
        }
      }
    }
  });

  it("leaves long-running servers at least 100m CPU limit, so they start within their probes", async () => {
    for (const { id, spec, longRunning } of podSources(await renderCase(c, true))) {
      if (!longRunning) continue;
      for (const container of spec.containers) {
        const where = `${id} container ${container.name}`;
        expect(quantity(container.resources?.limits?.cpu, where) * 1000, where).toBeGreaterThanOrEqual(MIN_SERVER_CPU_LIMIT_MILLI);
      }
    }
  });

  it("claims no volume larger than 2Gi", async () => {
    const claims = volumeClaims(await renderCase(c, true));
    expect(claims.length).toBeGreaterThan(0);
    for (const { id, storage } of claims) expect(quantity(storage, id), id).toBeLessThanOrEqual(MAX_VOLUME_BYTES);
  });

  it("keeps an idle API under its HPA's CPU target, and the API's request at 20m or more", async () => {
    const r = await renderCase(c, true);
    const api = r.all("Deployment").find((d) => d.metadata?.name?.endsWith("-api"));
    const request = quantity(api?.spec?.template.spec?.containers.find((k) => k.name === "api")?.resources?.requests?.cpu, "api requests.cpu") * 1000;
    expect(request).toBeGreaterThanOrEqual(20);
    const hpa = r.all("HorizontalPodAutoscaler").find((h) => h.spec?.scaleTargetRef.name === api?.metadata?.name);
    const target = hpa?.spec?.metrics?.find((m) => m.resource?.name === "cpu")?.resource?.target.averageUtilization;
    if (target !== undefined) expect((100 * IDLE_API_CPU_MILLI) / request).toBeLessThan(target);
  });

  it("sizes each mongod's cache at most half of (memory limit - 1 GiB), as the schema advises", async () => {
    const containers = mongods(await renderCase(c, true));
    expect(containers.length).toBeGreaterThan(0);
    for (const { id, container } of containers) {
      const cacheArg = container.args?.find((a) => a.startsWith("--wiredTigerCacheSizeGB="));
      expect(cacheArg, id).toBeDefined();
      const cacheBytes = Number(cacheArg?.split("=")[1]) * 1024 ** 3;
      const limit = quantity(container.resources?.limits?.memory, id);
      expect(cacheBytes, id).toBeLessThanOrEqual((limit - 1024 ** 3) / 2);
    }
  });
});


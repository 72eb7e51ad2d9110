// The pod settings every workload takes (schema/definitions.schema.yaml, rendered by the
// library: vendata.pod.preamble, vendata.scheduling.spread, vendata.container.*,
// vendata.serviceaccount.*): each workload, given all of them, renders each one.
import type { Container, PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { assertValidKubernetesObjects } from "../../src/k8s/validate.ts";
import type { Phase } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { toolkitErrors } from "../refusals.ts";
import { renderPhase } from "../render.ts";

interface Workload {
  name: string;
  phase: Phase;
  /** Where the workload's pod settings sit in the umbrella's values. */
  at: (settings: object) => object;
  template: (r: Rendered) => PodTemplateSpec;
  container: string;
  serviceAccount: string;
  /** A Job's pod: no sidecars key, no default spread. */
  job?: boolean;
}

const deployment = (name: string) => (r: Rendered) => r.find("Deployment", name).spec!.template;
const statefulSet = (name: string) => (r: Rendered) => r.find("StatefulSet", name).spec!.template;
const job = (name: string) => (r: Rendered) => r.find("Job", name).spec!.template;

const WORKLOADS: Workload[] = [
  { name: "api", phase: "phase1", at: (s) => ({ api: s }), template: deployment("vendata-api"), container: "api", serviceAccount: "vendata-api" },
  { name: "nginx", phase: "phase1", at: (s) => ({ nginx: s }), template: deployment("vendata-nginx"), container: "nginx", serviceAccount: "vendata-nginx" },
  { name: "frontend", phase: "phase1", at: (s) => ({ frontend: s }), template: deployment("vendata-frontend"), container: "frontend", serviceAccount: "vendata-frontend" },
  { name: "mongo members", phase: "phase2", at: (s) => ({ mongo: { members: s } }), template: statefulSet("vendata-mongo"), container: "mongod", serviceAccount: "vendata-mongo" },
  { name: "mongo shard members", phase: "phase4", at: (s) => ({ mongo: { members: s } }), template: statefulSet("vendata-mongo-shard0"), container: "mongod", serviceAccount: "vendata-mongo" },
  { name: "mongos", phase: "phase4", at: (s) => ({ mongo: { mongos: s } }), template: deployment("vendata-mongo-mongos"), container: "mongos", serviceAccount: "vendata-mongo-mongos" },
  { name: "mongo init Job", phase: "phase2", at: (s) => ({ mongo: { jobs: s } }), template: job("vendata-mongo-init-1"), container: "mongosh", serviceAccount: "vendata-mongo-jobs", job: true },
  { name: "mongo index Job", phase: "phase2", at: (s) => ({ mongo: { jobs: s } }), template: job("vendata-mongo-indexes"), container: "mongosh", serviceAccount: "vendata-mongo-jobs", job: true },
  {
    name: "mongo backup CronJob",
    phase: "phase2",
    at: (s) => ({ mongo: { jobs: s } }),
    template: (r) => r.find("CronJob", "vendata-mongo-backup").spec!.jobTemplate.spec!.template,
    container: "dump",
    serviceAccount: "vendata-mongo-jobs",
    job: true,
  },
  { name: "redis", phase: "phase2", at: (s) => ({ redis: s }), template: statefulSet("vendata-redis"), container: "redis", serviceAccount: "vendata-redis" },
  { name: "redis cluster-create Job", phase: "phase3", at: (s) => ({ redis: { jobs: s } }), template: job("vendata-redis-cluster-create-1"), container: "create", serviceAccount: "vendata-redis-jobs", job: true },
  { name: "prometheus", phase: "phase2", at: (s) => ({ monitoring: { prometheus: s } }), template: statefulSet("vendata-prometheus"), container: "prometheus", serviceAccount: "vendata-prometheus" },
  { name: "grafana", phase: "phase2", at: (s) => ({ monitoring: { grafana: s } }), template: deployment("vendata-grafana"), container: "grafana", serviceAccount: "vendata-grafana" },
  {
    name: "helm test pod",
    phase: "phase1",
    at: (s) => ({ tests: s }),
    template: (r) => {
      const pod = r.find("Pod", "vendata-test-request-path");
      return { metadata: pod.metadata, spec: pod.spec };
    },
    container: "check",
    serviceAccount: "vendata-test",
    job: true,
  },
];

const toleration = { key: "dedicated", operator: "Equal", value: "apps", effect: "NoSchedule" };
const nodeAffinity = {
  requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "node-pool", operator: "In", values: ["apps"] }] }] },
};
const role = { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/vendata" };

function settings(w: Workload): object {
  return {
    nodeSelector: { "node-pool": "apps" },
    tolerations: [toleration],
    affinity: { nodeAffinity },
    topologySpreadConstraints: [{ maxSkew: 2, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule" }],
    priorityClassName: "vendata-high",
    schedulerName: "custom-scheduler",
    terminationGracePeriodSeconds: 90,
    podLabels: { team: "payments" },
    podAnnotations: { "example.com/owner": "payments" },
    podSecurityContext: { runAsUser: 2000, supplementalGroups: [3000] },
    containerSecurityContext: { readOnlyRootFilesystem: false },
    extraEnvVars: [{ name: "EXTRA_SETTING", value: "enabled" }],
    extraEnvVarsCM: "extra-config",
    extraEnvVarsSecret: ["extra-secret"],
    extraVolumes: [{ name: "extra", emptyDir: {} }],
    extraVolumeMounts: [{ name: "extra", mountPath: "/extra" }],
    initContainers: [{ name: "wait", image: "busybox:1.36.1", command: ["true"] }],
    ...(w.job ? {} : { sidecars: [{ name: "proxy", image: "envoyproxy/envoy:v1.31.0", securityContext: { runAsUser: 101 } }] }),
    serviceAccount: { create: true, annotations: role, automountServiceAccountToken: w.name === "prometheus" },
  };
}

const main = (t: PodTemplateSpec, name: string): Container => {
  const found = t.spec!.containers.find((c) => c.name === name);
  if (!found) throw new Error(`no container ${name}`);
  return found;
};

describe.each(WORKLOADS)("the $name pods, given every pod setting", (w) => {
  const rendered = renderPhase(w.phase, { values: w.at(settings(w)) });

  it("are placed by them: node selector, tolerations, priority, scheduler, grace period", async () => {
    const pod = w.template(await rendered).spec!;
    expect(pod.nodeSelector).toEqual({ "node-pool": "apps" });
    expect(pod.tolerations).toEqual([toleration]);
    expect(pod.priorityClassName).toBe("vendata-high");
    expect(pod.schedulerName).toBe("custom-scheduler");
    expect(pod.terminationGracePeriodSeconds).toBe(90);
  });

  it("take the affinity merged with the chart's and the spread in place of the chart's", async () => {
    const pod = w.template(await rendered).spec!;
    expect(pod.affinity?.nodeAffinity).toEqual(nodeAffinity);
    // A Job's single pod has no anti-affinity of the chart's to keep.
    if (w.job) expect(pod.affinity?.podAntiAffinity).toBeUndefined();
    else expect(pod.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[0]?.podAffinityTerm.topologyKey).toBe("kubernetes.io/hostname");
    expect(pod.topologySpreadConstraints).toHaveLength(1);
    expect(pod.topologySpreadConstraints?.[0]).toMatchObject({ maxSkew: 2, whenUnsatisfiable: "DoNotSchedule" });
    if (!w.job) expect(pod.topologySpreadConstraints?.[0]?.labelSelector?.matchLabels?.["app.kubernetes.io/instance"]).toBe("vendata");
  });

  it("carry the extra labels and annotations beside the chart's", async () => {
    const t = w.template(await rendered);
    expect(t.metadata?.labels).toMatchObject({ team: "payments", "app.kubernetes.io/instance": "vendata" });
    expect(t.metadata?.annotations?.["example.com/owner"]).toBe("payments");
  });

  it("merge the security contexts over the restricted ones", async () => {
    const t = w.template(await rendered);
    expect(t.spec!.securityContext).toMatchObject({ runAsUser: 2000, supplementalGroups: [3000], runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    expect(main(t, w.container).securityContext).toMatchObject({ readOnlyRootFilesystem: false, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } });
  });

  it("give the main container the extra environment and mounts, and the pod the extra volumes", async () => {
    const t = w.template(await rendered);
    const c = main(t, w.container);
    expect(c.env).toContainEqual({ name: "EXTRA_SETTING", value: "enabled" });
    expect(c.envFrom).toEqual(expect.arrayContaining([{ configMapRef: { name: "extra-config" } }, { secretRef: { name: "extra-secret" } }]));
    expect(c.volumeMounts).toContainEqual({ name: "extra", mountPath: "/extra" });
    expect(t.spec!.volumes).toContainEqual({ name: "extra", emptyDir: {} });
  });

  it("run the extra init containers and sidecars with the restricted security context", async () => {
    const pod = w.template(await rendered).spec!;
    const init = pod.initContainers?.find((c) => c.name === "wait");
    expect(init?.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } });
    if (!w.job) {
      const sidecar = pod.containers.find((c) => c.name === "proxy");
      // Its own securityContext merged over the restricted one.
      expect(sidecar?.securityContext).toMatchObject({ runAsUser: 101, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    }
  });

  it("use their own ServiceAccount, created with its annotations, without a token unless asked", async () => {
    const r = await rendered;
    const pod = w.template(r).spec!;
    expect(pod.serviceAccountName).toBe(w.serviceAccount);
    expect(pod.automountServiceAccountToken).toBe(w.name === "prometheus");
    expect(r.find("ServiceAccount", w.serviceAccount).metadata?.annotations).toEqual(role);
  });

  it("stay valid Kubernetes objects", async () => {
    assertValidKubernetesObjects((await rendered).objects);
  });
});

describe("pod settings left out", () => {
  it("render no ServiceAccount but Prometheus' and mount no token", async () => {
    const r = await renderPhase("phase2");
    expect(r.all("ServiceAccount").map((s) => s.metadata?.name)).toEqual(["vendata-prometheus"]);
    expect(r.find("Deployment", "vendata-api").spec!.template.spec!.automountServiceAccountToken).toBe(false);
  });
});

describe("affinity and spread", () => {
  it("a podAntiAffinity replaces the chart's preferred anti-affinity on the host", async () => {
    const podAntiAffinity = { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { "app.kubernetes.io/name": "api" } } }] };
    const r = await renderPhase("phase2", { values: { api: { affinity: { podAntiAffinity } } } });
    expect(r.find("Deployment", "vendata-api").spec!.template.spec!.affinity).toEqual({ podAntiAffinity });
  });

  it("a constraint's own labelSelector is kept", async () => {
    const constraint = { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { tier: "web" } } };
    const r = await renderPhase("phase2", { values: { nginx: { topologySpreadConstraints: [constraint] } } });
    expect(r.find("Deployment", "vendata-nginx").spec!.template.spec!.topologySpreadConstraints).toEqual([constraint]);
  });
});

describe("service accounts", () => {
  it("name an existing one without creating it", async () => {
    const r = await renderPhase("phase1", { values: { api: { serviceAccount: { name: "payments" } } } });
    expect(r.find("Deployment", "vendata-api").spec!.template.spec!.serviceAccountName).toBe("payments");
    expect(r.maybe("ServiceAccount", "payments")).toBeUndefined();
  });

  it("the pre-upgrade scale-down hook uses only a ServiceAccount that exists before the upgrade", async () => {
    const hookAccount = async (serviceAccount: object) =>
      (await renderPhase("phase2", { values: { mongo: { jobs: { serviceAccount } } } })).find("Job", "vendata-mongo-scale-down").spec!.template.spec!.serviceAccountName;
    expect(await hookAccount({ create: true })).toBeUndefined();
    expect(await hookAccount({ name: "mongo-operator" })).toBe("mongo-operator");
  });

  it("Prometheus' binding names the ServiceAccount it runs as", async () => {
    const r = await renderPhase("phase2", { values: { monitoring: { prometheus: { serviceAccount: { create: false, name: "shared-prometheus" } } } } });
    expect(r.find("StatefulSet", "vendata-prometheus").spec!.template.spec!.serviceAccountName).toBe("shared-prometheus");
    expect(r.all("ClusterRoleBinding")[0]?.subjects).toEqual([{ kind: "ServiceAccount", name: "shared-prometheus", namespace: "vendata" }]);
    expect(r.maybe("ServiceAccount", "vendata-prometheus")).toBeUndefined();
  });

  it("Prometheus' namespaced RoleBinding names the ServiceAccount it runs as", async () => {
    const r = await renderPhase("phase2", { values: { monitoring: { rbac: { namespaced: true }, prometheus: { serviceAccount: { create: false, name: "shared-prometheus" } } } } });
    expect(r.find("RoleBinding", "vendata-prometheus").subjects).toEqual([{ kind: "ServiceAccount", name: "shared-prometheus", namespace: "vendata" }]);
  });

  it("the S3 backup without static keys uploads with the Jobs' ServiceAccount (IRSA, Workload Identity)", async () => {
    const r = await renderPhase("phase2", {
      values: { mongo: { backup: { target: "s3", s3: { bucket: "vendata-backups" } }, jobs: { serviceAccount: { create: true, annotations: role } } } },
    });
    const pod = r.find("CronJob", "vendata-mongo-backup").spec!.jobTemplate.spec!.template.spec!;
    expect(pod.serviceAccountName).toBe("vendata-mongo-jobs");
    const upload = pod.containers.find((c) => c.name === "upload");
    expect(upload?.env?.map((e) => e.name)).not.toContain("AWS_ACCESS_KEY_ID");
    expect(r.find("ServiceAccount", "vendata-mongo-jobs").metadata?.annotations).toEqual(role);
  });
});

describe("security contexts", () => {
  it("admit NET_BIND_SERVICE, the one capability the restricted profile allows", async () => {
    const r = await renderPhase("phase1", { values: { nginx: { containerSecurityContext: { capabilities: { add: ["NET_BIND_SERVICE"] } } } } });
    const nginx = r.find("Deployment", "vendata-nginx").spec!.template.spec!.containers.find((c) => c.name === "nginx");
    expect(nginx?.securityContext?.capabilities).toEqual({ drop: ["ALL"], add: ["NET_BIND_SERVICE"] });
  });

  it("admit what the restricted profile forbids with allowUnrestricted", async () => {
    const values = { redis: { allowUnrestricted: true, podSecurityContext: { runAsNonRoot: false, runAsUser: 0 }, extraVolumes: [{ name: "host", hostPath: { path: "/srv" } }] } };
    expect(toolkitErrors("phase1", values)).toEqual([]);
    const pod = (await renderPhase("phase1", { values })).find("StatefulSet", "vendata-redis").spec!.template.spec!;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: false, runAsUser: 0 });
    expect(pod.volumes).toContainEqual({ name: "host", hostPath: { path: "/srv" } });
  });
});

describe("the API's config", () => {
  it("takes any variable into the API's ConfigMap", async () => {
    const r = await renderPhase("phase1", { values: { api: { config: { LOG_LEVEL: "debug", SMTP_HOST: "smtp.example.com" } } } });
    expect(r.find("ConfigMap", "vendata-api").data).toMatchObject({ NODE_ENV: "production", LOG_LEVEL: "debug", SMTP_HOST: "smtp.example.com" });
  });

  // The API chart cannot see the databases' values, so it refuses a fixed list of names
  // (vendata.connections.apiEnvNames): it must hold every variable the connections carry.
  it.each(["phase2", "phase3"] as const)("refuses every variable of the %s connections ConfigMap", async (phase) => {
    const names = Object.keys((await renderPhase(phase)).find("ConfigMap", "vendata-connections").data ?? {});
    const config = Object.fromEntries(names.map((name) => [name, "x"]));
    const errors = toolkitErrors(phase, { api: { config } });
    for (const name of names) expect(errors, name).toContainEqual(expect.stringContaining(`api.config.${name}: the chart computes this variable itself`));
  });
});

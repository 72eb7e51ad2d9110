import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HelmError } from "../../src/helm/run.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import { phaseValuesFiles, PRESETS_DIR } from "../../src/phases.ts";
import type { KubernetesObject } from "../../src/render/kinds.ts";
import { render, type Rendered } from "../../src/render/render.ts";
import { HELM_VERSIONS } from "../render.ts";
import { startFakeKubeApi, type FakeKubeApi } from "../support/fake-kube-api.ts";

// The keys of a Secret of an earlier version; this one adds the Mongo exporter's and backup's passwords.
const EARLIER_KEYS = ["ADMIN_TOKEN", "JWT_SECRET", "MONGODB_KEYFILE", "MONGODB_PASSWORD", "MONGODB_ROOT_PASSWORD", "REDIS_PASSWORD"];
const MONGO_USER_KEYS = ["MONGODB_BACKUP_PASSWORD", "MONGODB_METRICS_PASSWORD"];
const KEYS = [...EARLIER_KEYS, ...MONGO_USER_KEYS].sort();
const EXTERNAL_MONGO = { mongo: { enabled: false }, global: { externalMongo: { hosts: ["mongo.example.com:27017"], database: "vendata", username: "app", existingSecret: "mongo-app" } } };
const decode = (b64: string) => Buffer.from(b64, "base64").toString("utf8");
const b64 = (text: string) => Buffer.from(text).toString("base64");

/** A Secret "in the cluster", with obviously fake values for these keys; owned by release "vendata" (an earlier install) unless `external`. */
function liveSecret(name: string, keys: readonly string[], external = false): KubernetesObject & { data: Record<string, string> } {
  const owner = { labels: { "app.kubernetes.io/managed-by": "Helm" }, annotations: { "meta.helm.sh/release-name": "vendata", "meta.helm.sh/release-namespace": "vendata" } };
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name, namespace: "vendata", ...(external ? {} : owner) },
    data: Object.fromEntries(keys.map((key) => [key, b64(`live-${key.toLowerCase().replace(/_/g, "")}-fake0000000000000000`)])),
  };
}

describe("committed values files", () => {
  it("carry no secret (secrets.values is for tests and install-time secret managers only)", () => {
    const files = readdirSync(join(REPO_ROOT, PRESETS_DIR), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const values = (parse(readFileSync(join(REPO_ROOT, PRESETS_DIR, file), "utf8")) ?? {}) as { secrets?: unknown };
      expect(values.secrets, file).toBeUndefined();
    }
  });
});

describe("the generated Secret, offline (helm template: no lookup)", () => {
  // Without the test fixtures, so the chart's own generators run.
  const offline = () => render({ valuesFiles: phaseValuesFiles("phase3"), releaseName: "offline" });

  it("holds every key the stack needs and nothing else", async () => {
    const secret = (await offline()).find("Secret", "offline-secrets");
    expect(Object.keys(secret.data ?? {}).sort()).toEqual(KEYS);
    expect(secret.metadata?.annotations?.["helm.sh/resource-policy"]).toBe("keep");
  });

  it("makes JWT_SECRET from 64 random bytes and the passwords from 256 random bits each, URI-safe", async () => {
    const data = (await offline()).find("Secret", "offline-secrets").data ?? {};
    expect(Buffer.from(decode(data.JWT_SECRET ?? ""), "base64")).toHaveLength(64);
    for (const key of ["MONGODB_PASSWORD", "MONGODB_ROOT_PASSWORD", "REDIS_PASSWORD", "ADMIN_TOKEN", ...MONGO_USER_KEYS]) {
      // 43 characters of 62 carry 256 bits, as many as 32 random bytes.
      expect(decode(data[key] ?? ""), key).toMatch(/^[A-Za-z0-9]{43}$/);
    }
    expect(decode(data.MONGODB_KEYFILE ?? "")).toMatch(/^[A-Za-z0-9]{756}$/);
  });

  it("holds the Mongo exporter's password only when the release runs its Mongo, the backup's only where the backup runs", async () => {
    const keys = async (values: object) => Object.keys((await render({ valuesFiles: phaseValuesFiles("phase3"), releaseName: "offline", values })).find("Secret", "offline-secrets").data ?? {}).sort();
    expect(await keys(EXTERNAL_MONGO)).toEqual(EARLIER_KEYS);
    expect(await keys({ mongo: { backup: { enabled: false } } })).toEqual([...EARLIER_KEYS, "MONGODB_METRICS_PASSWORD"].sort());
    // A region that does not manage its sets runs no backup (its exporter logs in as the home region's user).
    expect(await keys({ mongo: { members: { manage: false } }, global: { networkPolicy: { peerRegionCidrs: ["10.10.0.0/16"] } } })).toEqual([...EARLIER_KEYS, "MONGODB_METRICS_PASSWORD"].sort());
  });

  it("is not rendered when global.existingSecret names one, and every workload uses that one", async () => {
    const r = await render({ valuesFiles: phaseValuesFiles("phase3"), values: { global: { existingSecret: "team-secrets" } } });
    expect(r.all("Secret")).toEqual([]);
    const referenced = new Set(JSON.stringify(r.objects).match(/"(secretName|name)":"[^"]*secrets"/g));
    expect(referenced).toEqual(new Set(['"name":"team-secrets"', '"secretName":"team-secrets"']));
  });
});

// `helm template --dry-run=server` against a fake API server: lookup sees "the cluster".
describe.each(HELM_VERSIONS)("the Secret against a cluster, on helm %i", (helm) => {
  let api: FakeKubeApi | undefined;
  afterEach(async () => api?.stop());

  async function renderAgainst(live: readonly KubernetesObject[], values: object = {}): Promise<Rendered> {
    const offline = await render({ valuesFiles: phaseValuesFiles("phase3"), helm });
    api = await startFakeKubeApi(offline.objects, live);
    return render({ valuesFiles: phaseValuesFiles("phase3"), values, helm, kubeconfig: api.kubeconfig });
  }

  it("keeps every value of the live Secret on upgrade", async () => {
    const live = liveSecret("vendata-secrets", KEYS);
    const r = await renderAgainst([live]);
    expect(r.find("Secret", "vendata-secrets").data).toEqual(live.data);
    expect(api?.requests).toContain("GET /api/v1/namespaces/vendata/secrets/vendata-secrets");
  });

  it("generates only the keys the live Secret lacks", async () => {
    const live = liveSecret("vendata-secrets", KEYS.filter((k) => k !== "MONGODB_ROOT_PASSWORD"));
    const data = (await renderAgainst([live])).find("Secret", "vendata-secrets").data ?? {};
    expect(data).toMatchObject(live.data);
    expect(decode(data.MONGODB_ROOT_PASSWORD ?? "")).toMatch(/^[A-Za-z0-9]{43}$/);
  });

  it("upgrading a release of an earlier version keeps its keys and adds the exporter's and the backup's passwords", async () => {
    const live = liveSecret("vendata-secrets", EARLIER_KEYS);
    const data = (await renderAgainst([live])).find("Secret", "vendata-secrets").data ?? {};
    expect(Object.keys(data).sort()).toEqual(KEYS);
    expect(data).toMatchObject(live.data);
    for (const key of MONGO_USER_KEYS) expect(decode(data[key] ?? ""), key).toMatch(/^[A-Za-z0-9]{43}$/);
  });

  it("refuses an existing Secret that lacks keys, naming them", async () => {
    const live = liveSecret("team-secrets", KEYS.filter((k) => k !== "REDIS_PASSWORD" && k !== "ADMIN_TOKEN"), true);
    const error = await renderAgainst([live], { global: { existingSecret: "team-secrets" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HelmError);
    expect((error as HelmError).stderr).toContain('global.existingSecret: Secret "team-secrets" in namespace "vendata" lacks the keys REDIS_PASSWORD, ADMIN_TOKEN');
  });

  it.each(MONGO_USER_KEYS)("refuses an existing Secret of an earlier version that lacks %s, naming it", async (key) => {
    const live = liveSecret("team-secrets", KEYS.filter((k) => k !== key), true);
    const error = await renderAgainst([live], { global: { existingSecret: "team-secrets" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HelmError);
    expect((error as HelmError).stderr).toContain(`global.existingSecret: Secret "team-secrets" in namespace "vendata" lacks the keys ${key} (`);
  });

  it("accepts an existing Secret with every key", async () => {
    const r = await renderAgainst([liveSecret("team-secrets", KEYS, true)], { global: { existingSecret: "team-secrets" } });
    expect(r.all("Secret")).toEqual([]);
  });

  it("asks an existing Secret for no Mongo user's password when Mongo is external", async () => {
    const r = await renderAgainst([liveSecret("team-secrets", EARLIER_KEYS, true)], { ...EXTERNAL_MONGO, global: { ...EXTERNAL_MONGO.global, existingSecret: "team-secrets" } });
    expect(r.all("Secret")).toEqual([]);
  });

  it("rolls the API's pods when the live Secret was rotated before the upgrade", async () => {
    const checksum = (r: Rendered) => r.find("Deployment", "vendata-api").spec?.template.metadata?.annotations?.["checksum/secret"];
    const before = checksum(await renderAgainst([liveSecret("vendata-secrets", KEYS)]));
    await api?.stop();
    const rotated = liveSecret("vendata-secrets", KEYS);
    rotated.data.JWT_SECRET = b64("rotated-jwt-secret-fake-0000000000000000000000");
    const after = checksum(await renderAgainst([rotated]));
    expect(after).not.toBe(before);
  });
});

// The umbrella's contract: api and nginx are always deployed (no switch); mongo, redis,
// frontend and monitoring each have one (mongo and redis then need their external
// description, the frontend the host nginx sends / to), alone or together, and nothing of
// a switched-off component is rendered.
import { describe, expect, it } from "vitest";
import { assertValidKubernetesObjects } from "../../src/k8s/validate.ts";
import type { Rendered } from "../../src/render/render.ts";
import { helmError, toolkitErrors } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

const EXTERNAL_MONGO = { hosts: ["mongo.example.com:27017"], database: "vendata", username: "app", existingSecret: "mongo-app" };
const EXTERNAL_REDIS = { hosts: ["redis.example.com:6379"], existingSecret: "redis-app" };

type Optional = "mongo" | "redis" | "frontend" | "monitoring";
const OFF: Record<Optional, object> = {
  mongo: { mongo: { enabled: false }, global: { externalMongo: EXTERNAL_MONGO } },
  redis: { redis: { enabled: false }, global: { externalRedis: EXTERNAL_REDIS } },
  frontend: { frontend: { enabled: false }, nginx: { frontend: { host: "web.example.com" } } },
  monitoring: { monitoring: { enabled: false } },
};
/** The app.kubernetes.io/component labels of each optional component's objects. */
const COMPONENTS: Record<Optional, RegExp> = { mongo: /^mongo/, redis: /^redis/, frontend: /^frontend$/, monitoring: /^(prometheus|grafana)$/ };

/** The values with these components off (their global parts merged). */
function valuesWithout(off: readonly Optional[]): object {
  const externals = Object.assign({}, ...off.map((c) => (OFF[c] as { global?: object }).global ?? {})) as object;
  return Object.assign({}, ...off.map((c) => OFF[c]), { global: externals }) as object;
}

/** "Kind/name" of every object (NetworkPolicies aside) whose component matches. */
const objectsOf = (r: Rendered, component: RegExp): string[] =>
  r.objects.filter((o) => o.kind !== "NetworkPolicy" && component.test(o.metadata.labels?.["app.kubernetes.io/component"] ?? "")).map((o) => `${o.kind}/${o.metadata.name}`);

// Phase 2 runs every component, monitoring included.
const SETS: Optional[][] = [["mongo"], ["redis"], ["frontend"], ["monitoring"], ["mongo", "redis", "frontend", "monitoring"]];

describe.each(SETS.map((off) => ({ off, name: off.join(" + ") })))("phase 2 with $name off", ({ off }) => {
  const values = valuesWithout(off);

  it.each(HELM_VERSIONS)("renders valid objects on helm %i, with nothing of what is off and the rest still there", async (helm) => {
    const r = await renderPhase("phase2", { helm, values });
    assertValidKubernetesObjects(r.objects);
    for (const component of off) expect(objectsOf(r, COMPONENTS[component]), component).toEqual([]);
    for (const component of (Object.keys(COMPONENTS) as Optional[]).filter((c) => !off.includes(c))) {
      expect(objectsOf(r, COMPONENTS[component]).length, component).toBeGreaterThan(0);
    }
    for (const name of ["vendata-api", "vendata-nginx"]) expect(r.find("Deployment", name).metadata?.name).toBe(name);
    expect(r.find("ConfigMap", "vendata-connections").data?.MONGODB_HOSTS).toEqual(off.includes("mongo") ? "mongo.example.com:27017" : expect.stringContaining("vendata-mongo-0"));
  });

  it("is accepted by the toolkit", () => {
    expect(toolkitErrors("phase2", values)).toEqual([]);
  });
});

describe.each(["api", "nginx"] as const)("%s has no switch", (component) => {
  const values = { [component]: { enabled: false } };

  it.each(HELM_VERSIONS)("a values file that still sets its enabled key is refused by helm %i, naming the key", async (helm) => {
    const stderr = await helmError(renderPhase("phase1", { helm, values }));
    expect(stderr).toMatch(new RegExp(`${component}\\b[^\\n]*\\benabled\\b`));
  });

  it("the toolkit says the key was removed", () => {
    expect(toolkitErrors("phase1", values)).toEqual([expect.stringMatching(new RegExp(`^${component}\\.enabled: removed: .* always deployed`))]);
  });
});

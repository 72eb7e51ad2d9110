// Image references (vendata.images.image): an empty tag takes the image's pinned one,
// the chart's appVersion only for the chart's own image.
import { describe, expect, it } from "vitest";
import type { KubernetesObject } from "../../src/render/kinds.ts";
import { describeRefusals } from "../refusals.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

/** Every container image of the render (init containers and hooks' too). */
function images(objects: readonly KubernetesObject[]): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if ((key === "containers" || key === "initContainers") && Array.isArray(value)) for (const c of value as { image: string }[]) found.add(c.image);
        walk(value);
      }
    }
  };
  walk(objects);
  return found;
}

// Each image's key, with its tag empty, and the reference it must render (the tag pinned for it).
const PINNED = [
  { key: "monitoring.grafana.image", image: "grafana/grafana:11.3.1" },
  { key: "monitoring.prometheus.image", image: "prom/prometheus:v2.55.1" },
  { key: "redis.metrics.image", image: "oliver006/redis_exporter:v1.78.0" },
  { key: "mongo.metrics.image", image: "percona/mongodb_exporter:0.47.0" },
  { key: "nginx.metrics.image", image: "nginx/nginx-prometheus-exporter:1.4.0" },
  { key: "tests.image", image: "busybox:1.36.1" },
  // The charts' own images take their appVersion.
  { key: "api.image", image: "vendata/api:1.0.0" },
  { key: "redis.image", image: "redis:7.2.14" },
  { key: "mongo.image", image: "mongo:7.0.28" },
  { key: "nginx.image", image: "nginxinc/nginx-unprivileged:1.30.4-alpine" },
] as const;

describe.each(HELM_VERSIONS)("image tags on helm %i", (helm) => {
  // One render with every one of those tags empty.
  const emptyTags = () => renderPhase("phase2", { helm, set: Object.fromEntries(PINNED.map(({ key }) => [`${key}.tag`, ""])) });

  it.each(PINNED)("an empty $key tag renders $image", async ({ image }) => {
    expect([...images((await emptyTags()).objects)]).toContain(image);
  });

  it("an empty backup uploader tag renders the pinned aws-cli, not Mongo's appVersion", async () => {
    const values = { mongo: { backup: { target: "s3", s3: { bucket: "b", existingSecret: "s3-keys" }, uploaderImage: { tag: "" } } } };
    const r = await renderPhase("phase2", { helm, values });
    expect([...images(r.objects)]).toContain("amazon/aws-cli:2.22.35");
  });

  it("no image of any phase takes a chart's appVersion but the chart's own", async () => {
    const r = await renderPhase("phase3", { helm });
    for (const wrong of ["grafana/grafana:2.55.1", "oliver006/redis_exporter:7.2.14", "busybox:1.0.0", "prom/prometheus:2.55.1"]) expect(images(r.objects)).not.toContain(wrong);
  });

  it("a tag that is set wins over the pinned one, and a digest is appended", async () => {
    const sha = `sha256:${"a".repeat(64)}`;
    const r = await renderPhase("phase2", { helm, values: { redis: { metrics: { image: { tag: "v1.80.0", digest: sha } } } } });
    expect([...images(r.objects)]).toContain(`oliver006/redis_exporter:v1.80.0@${sha}`);
  });
});

const LATEST = "tag must not be latest: the tag moves, so nodes that pull at different times run different images and a rollback brings nothing back; pin a version (or a digest), or leave it empty for the chart's pinned one";

// Each chart checks every image of its values (vendata.validate.imageTags), at any depth.
describeRefusals("a latest tag, in any chart", [
  { rule: "the API's image", phase: "phase1", values: { api: { image: { tag: "latest" } } }, messages: [`api.image.${LATEST}`] },
  {
    rule: "Mongo's exporter and backup uploader",
    phase: "phase2",
    values: { mongo: { metrics: { image: { tag: "latest" } }, backup: { uploaderImage: { tag: "latest" } } } },
    messages: [`mongo.backup.uploaderImage.${LATEST}`, `mongo.metrics.image.${LATEST}`],
  },
  { rule: "nginx's exporter", phase: "phase1", values: { nginx: { metrics: { image: { tag: "latest" } } } }, messages: [`nginx.metrics.image.${LATEST}`] },
  { rule: "Grafana", phase: "phase2", values: { monitoring: { grafana: { image: { tag: "latest" } } } }, messages: [`monitoring.grafana.image.${LATEST}`] },
  { rule: "the helm test pods", phase: "phase1", values: { tests: { image: { tag: "latest" } } }, messages: [`tests.image.${LATEST}`] },
]);

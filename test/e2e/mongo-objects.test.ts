// The chart's own Mongo objects on the real cluster (no mongod image exists here): phase 2's
// replica set is admitted under the restricted standard, each member's volume binds, and
// every member is scheduled; the pods then wait for their image, which is all they can do.
import { describe, expect, it } from "vitest";
import { render } from "../../src/render/render.ts";
import { waitFor } from "../support/process.ts";
import { getJson, kubectl, namespaceForFile } from "./support/cluster.ts";

const ns = namespaceForFile("e2e-mongo");

interface ContainerStatus {
  image: string;
  state: { waiting?: { reason: string } };
}

/** The pod is stuck on a pull of the image (an init container's first). */
function waitsForImage(pod: Pod): boolean {
  const statuses = [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])];
  return statuses.some((c) => /(^|\/)mongo:/.test(c.image) && /ErrImagePull|ImagePullBackOff/.test(c.state.waiting?.reason ?? ""));
}

interface Pod {
  metadata: { name: string };
  spec: { nodeName?: string };
  status: { conditions?: { type: string; status: string }[]; initContainerStatuses?: ContainerStatus[]; containerStatuses?: ContainerStatus[] };
}

describe("the chart's Mongo objects on the local cluster", () => {
  it("schedules every member of rs0, each on its own bound volume, and the pods wait for the mongo image", async () => {
    const rendered = await render({ valuesFiles: ["charts/vendata/presets/phase2.yaml", "charts/vendata/presets/small.yaml"], namespace: ns(), releaseName: "vendata" });
    // The Mongo chart's objects without its hooks (those would run mongosh), and the
    // generated Secret its pods mount (the keyfile).
    const mongo = [
      rendered.find("Secret", "vendata-secrets"),
      ...rendered.objects.filter((o) => o.metadata.name.startsWith("vendata-mongo") && o.kind !== "NetworkPolicy" && !o.metadata.annotations?.["helm.sh/hook"]),
    ];
    const statefulSet = rendered.find("StatefulSet", "vendata-mongo");
    const replicas = statefulSet.spec?.replicas ?? 0;
    expect(replicas).toBe(3);
    await kubectl(["apply", "-f", "-"], { namespace: ns(), input: mongo.map((o) => JSON.stringify(o)).join("\n") });

    const pods = await waitFor("every member scheduled and waiting for its image", async () => {
      const list = await getJson<{ items: Pod[] }>(["pods", "-l", "app.kubernetes.io/name=mongo"], ns());
      const waiting = list.items.filter((p) => p.spec.nodeName && waitsForImage(p));
      return waiting.length === replicas ? list.items : undefined;
    }, 90_000);
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(["vendata-mongo-0", "vendata-mongo-1", "vendata-mongo-2"]);
    for (const pod of pods) expect(pod.status.conditions?.find((c) => c.type === "PodScheduled")?.status).toBe("True");

    const claims = await getJson<{ items: { metadata: { name: string }; status: { phase: string } }[] }>(["pvc"], ns());
    const mongoClaims = claims.items.filter((c) => c.metadata.name.startsWith("data-vendata-mongo-"));
    expect(mongoClaims.map((c) => c.status.phase)).toEqual(Array(replicas).fill("Bound"));
  });
});

// nginx's Service knobs for a cloud or MetalLB load balancer and for fixed node ports.
import { describe, expect, it } from "vitest";
import { renderPhase } from "../render.ts";

const nginxService = async (phase: "phase1" | "phase2", service: object = {}) =>
  (await renderPhase(phase, { values: { nginx: { service } } })).find("Service", "vendata-nginx");

describe("the nginx Service", () => {
  it("sets none of the load-balancer knobs by default", async () => {
    const service = await nginxService("phase2");
    expect(service.metadata?.annotations).toBeUndefined();
    expect(service.spec?.loadBalancerClass).toBeUndefined();
    expect(service.spec?.loadBalancerIP).toBeUndefined();
    expect(service.spec?.ports?.map((p) => p.nodePort)).toEqual([undefined, undefined]);
  });

  it("passes annotations, loadBalancerClass, loadBalancerIP and the traffic policy to a LoadBalancer", async () => {
    const service = await nginxService("phase2", {
      annotations: { "service.beta.kubernetes.io/aws-load-balancer-type": "external" },
      loadBalancerClass: "service.k8s.aws/nlb",
      loadBalancerIP: "203.0.113.10",
      externalTrafficPolicy: "Cluster",
    });
    expect(service.metadata?.annotations).toEqual({ "service.beta.kubernetes.io/aws-load-balancer-type": "external" });
    expect(service.spec).toMatchObject({ type: "LoadBalancer", loadBalancerClass: "service.k8s.aws/nlb", loadBalancerIP: "203.0.113.10", externalTrafficPolicy: "Cluster" });
  });

  it("fixes the node ports of a NodePort Service", async () => {
    const service = await nginxService("phase1", { nodePorts: { http: 30080, https: 30443 } });
    expect(service.spec?.ports?.map((p) => [p.name, p.port, p.nodePort])).toEqual([["http", 80, 30080], ["https", 443, 30443]]);
  });

  it("leaves the traffic policy out of a ClusterIP Service", async () => {
    const service = await nginxService("phase2", { type: "ClusterIP" });
    expect(service.spec?.type).toBe("ClusterIP");
    expect(service.spec?.externalTrafficPolicy).toBeUndefined();
  });
});

// The Ingress to nginx (off by default), with cert-manager's annotation and tls.
import { describe, expect, it } from "vitest";
import { assertValidKubernetesObjects } from "../../src/k8s/validate.ts";
import { PHASES } from "../../src/phases.ts";
import { renderPhase } from "../render.ts";

// The controller sends plain HTTP: nginx must not redirect it (the chart refuses otherwise).
const ingress = (values: object) => ({ nginx: { tls: { redirectHttp: false }, ingress: { enabled: true, ...values } } });

describe("the nginx Ingress", () => {
  it.each(PHASES)("%s renders none by default", async (phase) => {
    expect((await renderPhase(phase)).all("Ingress")).toEqual([]);
  });

  it("sends every path of each host to nginx's http port, with cert-manager's issuer and the tls Secrets", async () => {
    const rendered = await renderPhase("phase2", {
      values: ingress({
        className: "nginx",
        annotations: { "cert-manager.io/cluster-issuer": "letsencrypt" },
        hosts: ["vendata.com.br", "api.vendata.com.br"],
        tls: [{ secretName: "vendata-ingress-tls", hosts: ["vendata.com.br", "api.vendata.com.br"] }],
      }),
    });
    const found = rendered.find("Ingress", "vendata-nginx");
    assertValidKubernetesObjects([found]);
    expect(found.metadata?.annotations).toEqual({ "cert-manager.io/cluster-issuer": "letsencrypt" });
    expect(found.spec?.ingressClassName).toBe("nginx");
    expect(found.spec?.tls).toEqual([{ secretName: "vendata-ingress-tls", hosts: ["vendata.com.br", "api.vendata.com.br"] }]);
    const backend = { service: { name: "vendata-nginx", port: { name: "http" } } };
    expect(found.spec?.rules).toEqual(
      ["vendata.com.br", "api.vendata.com.br"].map((host) => ({ host, http: { paths: [{ path: "/", pathType: "Prefix", backend }] } })),
    );
    // The port it names exists on nginx's Service.
    expect(rendered.find("Service", "vendata-nginx").spec?.ports?.map((p) => p.name)).toContain("http");
  });

  it("routes any host to nginx when no host is listed, through the cluster's default class", async () => {
    const found = (await renderPhase("phase1", { values: ingress({}) })).find("Ingress", "vendata-nginx");
    expect(found.spec?.ingressClassName).toBeUndefined();
    expect(found.spec?.rules?.map((r) => [r.host, r.http?.paths.map((p) => p.backend.service?.name)])).toEqual([[undefined, ["vendata-nginx"]]]);
  });
});

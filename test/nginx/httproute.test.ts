// The Gateway API HTTPRoute to nginx (off by default).
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { renderPhase } from "../render.ts";

// HTTPRoute is a CRD: not among the typed kinds of schema/k8s, so it is found by hand.
const httpRoute = (rendered: Rendered) => rendered.objects.find((o) => o.kind === "HTTPRoute" && o.metadata.name === "vendata-nginx");

describe("the nginx HTTPRoute", () => {
  it.each(PHASES)("%s renders none by default", async (phase) => {
    expect(httpRoute(await renderPhase(phase))).toBeUndefined();
  });

  it("attaches to the Gateways named and sends their hostnames to nginx's http port", async () => {
    const parentRefs = [{ name: "public", namespace: "gateway-system", sectionName: "https" }];
    const rendered = await renderPhase("phase2", {
      values: { nginx: { tls: { redirectHttp: false }, httpRoute: { enabled: true, annotations: { team: "web" }, parentRefs, hostnames: ["vendata.com.br"] } } },
    });
    const route = httpRoute(rendered);
    expect(route?.apiVersion).toBe("gateway.networking.k8s.io/v1");
    expect(route?.metadata).toMatchObject({ namespace: "vendata", annotations: { team: "web" } });
    expect(route?.spec).toEqual({ parentRefs, hostnames: ["vendata.com.br"], rules: [{ backendRefs: [{ name: "vendata-nginx", port: 80 }] }] });
    const http = rendered.find("Service", "vendata-nginx").spec?.ports?.find((p) => p.name === "http");
    expect(http?.port).toBe(80);
  });
});

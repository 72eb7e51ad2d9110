// The cert-manager Certificate for nginx's TLS Secret (off by default), and the reload
// loop that makes nginx serve a renewed certificate (run for real in certificate-reload.test.ts).
import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import type { Rendered } from "../../src/render/render.ts";
import { renderPhase } from "../render.ts";

// Certificate is a CRD: not among the typed kinds of schema/k8s, so it is found by hand.
const certificate = (rendered: Rendered) => rendered.objects.find((o) => o.kind === "Certificate" && o.metadata.name === "vendata-nginx");
const nginxContainer = (rendered: Rendered) => rendered.find("Deployment", "vendata-nginx").spec?.template.spec?.containers.find((c) => c.name === "nginx");
const tlsVolume = (rendered: Rendered) => rendered.find("Deployment", "vendata-nginx").spec?.template.spec?.volumes?.find((v) => v.name === "tls");
const issuerRef = { name: "letsencrypt" };

describe("the nginx Certificate", () => {
  it.each(PHASES)("%s renders none, and nginx runs without the reload loop, by default", async (phase) => {
    const rendered = await renderPhase(phase);
    expect(certificate(rendered)).toBeUndefined();
    expect(nginxContainer(rendered)?.command).toEqual(["nginx"]);
  });

  it("writes nginx's TLS Secret for serverNames, renewed a month before its 90 days end", async () => {
    const rendered = await renderPhase("phase2", { values: { nginx: { certificate: { enabled: true, issuerRef } } } });
    expect(certificate(rendered)?.spec).toEqual({
      secretName: "vendata-tls",
      issuerRef: { name: "letsencrypt", kind: "ClusterIssuer", group: "cert-manager.io" },
      dnsNames: ["vendata.com.br", "www.vendata.com.br", "api.vendata.com.br"],
      duration: "2160h",
      renewBefore: "720h",
    });
    expect(tlsVolume(rendered)?.secret?.secretName).toBe("vendata-tls");
  });

  it("names the Secret after the release when tls.secretName is empty, and nginx mounts that one", async () => {
    const rendered = await renderPhase("phase2", {
      values: { nginx: { tls: { secretName: "" }, certificate: { enabled: true, issuerRef: { name: "internal", kind: "Issuer" }, dnsNames: ["shop.example.com"] } } },
    });
    expect(certificate(rendered)?.spec).toMatchObject({ secretName: "vendata-nginx-tls", issuerRef: { name: "internal", kind: "Issuer" }, dnsNames: ["shop.example.com"] });
    expect(tlsVolume(rendered)?.secret?.secretName).toBe("vendata-nginx-tls");
  });

  it.each([
    ["the chart's Certificate", { certificate: { enabled: true, issuerRef } }, 60],
    ["tls.reload", { tls: { reload: { enabled: true, intervalSeconds: 15 } } }, 15],
  ])("with %s, nginx runs under the loop that reloads it when the certificate changes", async (_, nginx, interval) => {
    const container = nginxContainer(await renderPhase("phase2", { values: { nginx } }));
    const [shell, flag, script = "", name] = container?.command ?? [];
    expect([shell, flag, name]).toEqual(["/bin/sh", "-c", "nginx"]);
    expect(script).toContain(`while sleep ${interval} `);
    expect(script).toContain("nginx -s reload");
    // nginx replaces the shell: it stays the container's main process.
    expect(script.trimEnd()).toMatch(/exec nginx "\$@"$/);
    expect(container?.args).toEqual(["-g", "daemon off;"]);
    // Mounted as a directory: kubelet updates a subPath mount never.
    expect(container?.volumeMounts?.find((m) => m.name === "tls")).toEqual({ name: "tls", mountPath: "/etc/nginx/tls", readOnly: true });
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { createNginxSandbox, type NginxSandbox } from "../support/nginx.ts";
import { KUBE_DNS, renderNginxConf } from "./nginx-conf.ts";

// Debian bookworm's nginx is 1.22: it runs the chart's "legacy" compatibility mode.
describe("the rendered nginx.conf on Debian's nginx", () => {
  let sandbox: NginxSandbox | undefined;
  afterEach(() => sandbox?.remove());

  it.each(PHASES)("passes nginx -t for %s (legacy mode)", async (phase) => {
    sandbox = createNginxSandbox({ nginxConf: await renderNginxConf(phase, { compatibility: "legacy" }), hosts: { [KUBE_DNS]: "127.0.0.1" } });
    const result = await sandbox.testConfig();
    expect(result.output).toContain("test is successful");
    expect(result.ok).toBe(true);
  });

  it("fails nginx -t when the resolver's name does not resolve (so the check above can fail)", async () => {
    sandbox = createNginxSandbox({ nginxConf: await renderNginxConf("phase3", { compatibility: "legacy" }) });
    const result = await sandbox.testConfig();
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`host not found in resolver "${KUBE_DNS}"`);
  });

  it("refuses the default (modern) mode, which needs nginx >= 1.27.3", async () => {
    sandbox = createNginxSandbox({ nginxConf: await renderNginxConf("phase3"), hosts: { [KUBE_DNS]: "127.0.0.1" } });
    const result = await sandbox.testConfig();
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/invalid parameter "resolve"|unknown directive "http2"/);
  });
});

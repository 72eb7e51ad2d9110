import { describe, expect, it } from "vitest";
import { renderPhase } from "../render.ts";

const hookScript = async (values: object = {}) => (await renderPhase("phase3", { values })).find("Pod", "vendata-test-request-path").spec?.containers[0]?.args?.join(" ");

describe("helm test (the request path)", () => {
  it("asks nginx over HTTPS when TLS is on, since plain HTTP only redirects", async () => {
    expect(await hookScript()).toContain("https://vendata-nginx.vendata.svc/api/health");
  });

  it("asks nginx over HTTP when TLS is off", async () => {
    expect(await hookScript({ nginx: { tls: { enabled: false } } })).toContain("check -O- http://vendata-nginx.vendata.svc/api/health");
  });

  it("retries for up to a minute, while nginx re-resolves the API after an install or upgrade", async () => {
    const script = await hookScript();
    expect(script).toContain('while [ "$i" -le 30 ]');
    expect(script).toContain("sleep 2");
    expect(script).toMatch(/exit 0;.*done; exit 1$/);
  });
});

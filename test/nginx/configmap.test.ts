import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../../src/paths.ts";
import { PHASES } from "../../src/phases.ts";
import { PHASE_TABLE } from "../phase-table.ts";
import { renderPhase } from "../render.ts";
import { renderNginxConf } from "./nginx-conf.ts";

const chartValues = parse(readFileSync(join(REPO_ROOT, "charts/vendata/charts/nginx/values.yaml"), "utf8")) as { cdn: { trustedRanges: string[] } };
const chartMeta = parse(readFileSync(join(REPO_ROOT, "charts/vendata/charts/nginx/Chart.yaml"), "utf8")) as { appVersion: string };
const API_PODS = "vendata-api-headless.vendata.svc.cluster.local:3011";

// The seed's nginx directives, word for word, that every phase keeps.
const SEED_DIRECTIVES = [
  "least_conn;",
  `server ${API_PODS} resolve max_fails=3 fail_timeout=30s;`,
  "keepalive 32;",
  "limit_req_zone $binary_remote_addr zone=general:10m rate=100r/s;",
  "limit_req_zone $binary_remote_addr zone=api:10m rate=50r/s;",
  "limit_req zone=api burst=20 nodelay;",
  "limit_req zone=general burst=50 nodelay;",
  "keepalive_timeout 65;",
  "keepalive_requests 100;",
  "client_body_buffer_size 128k;",
  "client_max_body_size 100m;",
  "proxy_buffer_size 4k;",
  "proxy_buffers 8 4k;",
  "proxy_busy_buffers_size 8k;",
  "proxy_connect_timeout 30s;",
  "proxy_send_timeout 30s;",
  "proxy_read_timeout 30s;",
  "proxy_next_upstream error timeout invalid_header http_500 http_502 http_503 http_504;",
  "proxy_next_upstream_tries 2;",
  "proxy_next_upstream_timeout 10s;",
  "proxy_set_header Connection \"\";",
  "proxy_http_version 1.1;",
  "server_name vendata.com.br www.vendata.com.br api.vendata.com.br;",
  "server vendata-frontend.vendata.svc.cluster.local:5173 resolve;",
];

const lines = (conf: string, prefix: string) => conf.split("\n").map((l) => l.trim()).filter((l) => l.startsWith(prefix));

describe("nginx.conf in the default (modern) mode", () => {
  it.each(PHASES)("%s has every seed directive", async (phase) => {
    const conf = await renderNginxConf(phase);
    for (const directive of SEED_DIRECTIVES) expect(conf, directive).toContain(directive);
  });

  it("re-resolves the API's pods through the headless Service, and pins an nginx that can (>= 1.27.3)", async () => {
    const conf = await renderNginxConf("phase3");
    expect(conf).toMatch(/upstream api_backend \{\n\s+zone api_backend 64k;\n\s+least_conn;\n\s+server vendata-api-headless\.vendata\.svc\.cluster\.local:3011 resolve /);
    expect(lines(conf, "resolver ")).toEqual(["resolver kube-dns.kube-system.svc.cluster.local valid=10s ipv6=off;"]);
    const [major = 0, minor = 0, patch = 0] = chartMeta.appVersion.split(/[.-]/).map(Number);
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(1_027_003);
    const image = (await renderPhase("phase3")).find("Deployment", "vendata-nginx").spec?.template.spec?.containers.find((c) => c.name === "nginx")?.image;
    expect(image).toBe(`nginxinc/nginx-unprivileged:${chartMeta.appVersion}`);
  });

  it("serves TLS with HTTP/2 and sends plain HTTP to HTTPS", async () => {
    const conf = await renderNginxConf("phase3");
    expect(conf).toMatch(/listen 8443 ssl default_server;\n\s+http2 on;/);
    expect(conf).toContain("ssl_certificate /etc/nginx/tls/tls.crt;");
    expect(conf).toContain("return 301 https://$host$request_uri;");
  });

  it("answers 429, not 503, to a client over its limit", async () => {
    expect(await renderNginxConf("phase1")).toContain("limit_req_status 429;");
  });

  it("serves stub_status on 127.0.0.1 only", async () => {
    expect(await renderNginxConf("phase1")).toMatch(/listen 127\.0\.0\.1:8081;\n[^}]*location = \/stub_status \{\n\s+stub_status;/);
  });
});

describe("nginx.conf in the legacy mode (nginx 1.22 to 1.27.2)", () => {
  it("looks the API's pods up at request time, with no upstream block and no resolve parameter", async () => {
    const conf = await renderNginxConf("phase3", { compatibility: "legacy" });
    expect(conf).not.toMatch(/ resolve[ ;]/);
    expect(conf).not.toMatch(/^\s*upstream /m);
    expect(conf).toContain(`set $api_backend ${API_PODS};\n`);
    expect(conf).toContain("proxy_pass http://$api_backend;");
  });

  it("keeps HTTP/2 with the older listen syntax", async () => {
    expect(await renderNginxConf("phase3", { compatibility: "legacy" })).toContain("listen 8443 ssl http2 default_server;");
  });
});

describe("the client address behind the CDN", () => {
  it.each(PHASES)("%s trusts the CDN's header only from the CDN's ranges, the same list the load balancer admits", async (phase) => {
    const r = await renderPhase(phase);
    const conf = r.find("ConfigMap", "vendata-nginx").data?.["nginx.conf"] ?? "";
    const realIpFrom = lines(conf, "set_real_ip_from ").map((l) => l.replace(/^set_real_ip_from (.*);$/, "$1"));
    const admitted = r.find("Service", "vendata-nginx").spec?.loadBalancerSourceRanges ?? [];
    if (PHASE_TABLE[phase].behindCdn) {
      expect(realIpFrom).toEqual(chartValues.cdn.trustedRanges);
      expect(admitted).toEqual(chartValues.cdn.trustedRanges);
      expect(lines(conf, "real_ip_header ")).toEqual(["real_ip_header CF-Connecting-IP;"]);
    } else {
      expect(realIpFrom).toEqual([]);
      expect(admitted).toEqual([]);
      expect(conf).not.toContain("real_ip_header");
    }
  });

  it("defaults to Cloudflare's published ranges", () => {
    expect(chartValues.cdn.trustedRanges).toContain("173.245.48.0/20");
    expect(chartValues.cdn.trustedRanges).toContain("2606:4700::/32");
    expect(chartValues.cdn.trustedRanges).toHaveLength(22);
  });

  it("admits extra load balancer ranges next to the CDN's", async () => {
    const service = (await renderPhase("phase3", { values: { nginx: { service: { loadBalancerSourceRanges: ["192.0.2.0/24"] } } } })).find("Service", "vendata-nginx");
    expect(service.spec?.loadBalancerSourceRanges).toEqual([...chartValues.cdn.trustedRanges, "192.0.2.0/24"]);
  });

  it("never passes on the client's own X-Forwarded-For", async () => {
    const conf = await renderNginxConf("phase3");
    expect(lines(conf, "proxy_set_header X-Forwarded-For ")).not.toHaveLength(0);
    expect(new Set(lines(conf, "proxy_set_header X-Forwarded-For "))).toEqual(new Set(["proxy_set_header X-Forwarded-For $remote_addr;"]));
  });
});

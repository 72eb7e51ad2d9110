// A renewed certificate is served without a restart: the nginx container's own command
// from the rendered Deployment (the reload loop, then nginx) runs on Debian's nginx, the
// chart's legacy nginx.conf, and the TLS files are swapped the way kubelet updates a
// mounted Secret.
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:tls";
import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNginxSandbox, type NginxSandbox } from "../support/nginx.ts";
import { freePort, type RunningProcess } from "../support/process.ts";
import { renderPhase } from "../render.ts";
import { KUBE_DNS } from "./nginx-conf.ts";

const HOST = "vendata.com.br";
const INTERVAL_SECONDS = 1;
let sandbox: NginxSandbox;
let nginx: RunningProcess;
let httpsPort: number;

/** SHA-256 fingerprint of the certificate nginx presents in a TLS handshake now. */
function servedFingerprint(): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port: httpsPort, servername: HOST, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerX509Certificate()?.fingerprint256 ?? "");
      socket.end();
    });
    socket.once("error", reject);
  });
}

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

/** Waits until nginx serves this certificate, up to a few reload intervals. */
async function waitUntilServed(pem: string, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while ((await servedFingerprint()) !== fingerprint(pem)) {
    if (Date.now() - started > timeoutMs) throw new Error(`nginx still serves the old certificate after ${timeoutMs} ms:\n${sandbox.log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

/** PIDs of the processes started for this sandbox (they carry SANDBOX=<dir> in their environment). */
function sandboxProcesses(): number[] {
  return readdirSync("/proc").filter((p) => /^\d+$/.test(p)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`SANDBOX=${sandbox.dir}`);
    } catch {
      return false; // gone meanwhile
    }
  }).map(Number);
}

beforeAll(async () => {
  const [http, status] = [await freePort(), await freePort()];
  httpsPort = await freePort();
  const values = {
    nginx: {
      compatibility: "legacy",
      listenAddress: "127.0.0.1",
      containerPorts: { http, https: httpsPort, status },
      tls: { reload: { enabled: true, intervalSeconds: INTERVAL_SECONDS } },
    },
  };
  const rendered = await renderPhase("phase2", { values });
  const nginxConf = rendered.find("ConfigMap", "vendata-nginx").data?.["nginx.conf"] ?? "";
  const container = rendered.find("Deployment", "vendata-nginx").spec?.template.spec?.containers.find((c) => c.name === "nginx");
  sandbox = createNginxSandbox({ nginxConf, hosts: { [KUBE_DNS]: "127.0.0.1" }, certificateNames: [HOST] });
  nginx = await sandbox.start([httpsPort], [...(container?.command ?? []), ...(container?.args ?? [])]);
});

afterAll(async () => {
  await nginx?.stop();
  sandbox?.remove();
});

describe("nginx with tls.reload on a real nginx", () => {
  it("serves a renewed certificate within an interval or two, without a restart", async () => {
    expect(await servedFingerprint()).toBe(fingerprint(sandbox.certificate));
    const renewed = sandbox.renewCertificate();
    expect(fingerprint(renewed)).not.toBe(await servedFingerprint());
    const tookMs = await waitUntilServed(renewed);
    console.log(`renewed certificate served after ${tookMs} ms (interval ${INTERVAL_SECONDS} s)`);
    expect(sandbox.log()).toContain("tls-reload: the certificate files changed, nginx reloaded");
    expect(nginx.child.exitCode).toBeNull();
  });

  it("keeps serving the last good certificate while the Secret holds one nginx cannot load, and takes the next good one", async () => {
    const good = sandbox.certificate;
    sandbox.replaceTlsFiles("not a certificate\n", "not a key\n");
    await new Promise((r) => setTimeout(r, 3 * INTERVAL_SECONDS * 1000));
    expect(await servedFingerprint()).toBe(fingerprint(good));
    expect(sandbox.log()).toMatch(/PEM_read_bio_X509_AUX|cannot load certificate/);
    await waitUntilServed(sandbox.renewCertificate());
  });

  it("ends the reload loop with nginx", async () => {
    expect(sandboxProcesses().length).toBeGreaterThan(1); // nginx's master and workers, the loop
    await nginx.stop();
    const deadline = Date.now() + 5_000 + 2 * INTERVAL_SECONDS * 1000;
    while (sandboxProcesses().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(sandboxProcesses()).toEqual([]);
  });
});

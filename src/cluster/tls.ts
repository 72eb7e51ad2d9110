// The TLS Secret nginx serves on the local cluster: a throwaway self-signed pair.
import { execa } from "execa";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kubectl } from "./kube.ts";

/** The Secret name the phase files give nginx.tls.secretName. */
export const TLS_SECRET = "vendata-tls";
/** The name the certificate is for (clients send it as SNI and Host). */
export const API_HOST = "vendata.test";

/** Creates the TLS Secret in the namespace unless it exists. */
export async function ensureTlsSecret(namespace: string): Promise<void> {
  const found = await kubectl(["get", "secret", TLS_SECRET], { namespace, allowFailure: true });
  if (found.exitCode === 0) return;
  const dir = mkdtempSync(join(tmpdir(), "vendata-tls-"));
  try {
    await execa("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
      "-subj", `/CN=${API_HOST}`, "-addext", `subjectAltName=DNS:${API_HOST}`, "-keyout", `${dir}/tls.key`, "-out", `${dir}/tls.crt`]);
    await kubectl(["create", "secret", "tls", TLS_SECRET, `--cert=${dir}/tls.crt`, `--key=${dir}/tls.key`], { namespace });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

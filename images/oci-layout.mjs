// Wraps one layer tar (uncompressed) into an OCI image layout: blobs/sha256/<layer, config,
// manifest>, index.json naming the image for containerd, and oci-layout.
// Usage: node oci-layout.mjs --layer layer.tar --out dir --name vendata.local/x:1 --user 1000
//   [--entrypoint JSON] [--cmd JSON] [--env JSON] [--workdir /] [--stop-signal SIGQUIT] [--created-by text]
import { createHash } from "node:crypto";
import { createReadStream, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values: a } = parseArgs({
  options: Object.fromEntries(
    ["layer", "out", "name", "user", "entrypoint", "cmd", "env", "workdir", "stop-signal", "created-by"].map((k) => [k, { type: "string", default: "" }]),
  ),
});
const PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const ARCH = { x64: "amd64", arm64: "arm64" }[process.arch] ?? process.arch;

/** A recipe's JSON array of strings ("" means none). */
function strings(key, text) {
  if (text.trim() === "") return [];
  const parsed = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((s) => typeof s === "string")) throw new Error(`${key} must be a JSON array of strings: ${text}`);
  return parsed;
}

const blobs = `${a.out}/blobs/sha256`;
mkdirSync(blobs, { recursive: true });

/** Stores bytes as a blob; returns its descriptor. */
function blob(mediaType, bytes) {
  const hex = createHash("sha256").update(bytes).digest("hex");
  writeFileSync(`${blobs}/${hex}`, bytes);
  return { mediaType, digest: `sha256:${hex}`, size: bytes.length };
}

const json = (value) => Buffer.from(JSON.stringify(value));

// The layer is stored uncompressed, so its digest is also its diff_id.
const hash = createHash("sha256");
for await (const chunk of createReadStream(a.layer)) hash.update(chunk);
const layerHex = hash.digest("hex");
renameSync(a.layer, `${blobs}/${layerHex}`);
const layer = { mediaType: "application/vnd.oci.image.layer.v1.tar", digest: `sha256:${layerHex}`, size: statSync(`${blobs}/${layerHex}`).size };

const entrypoint = strings("ENTRYPOINT", a.entrypoint);
const cmd = strings("CMD", a.cmd);
const env = strings("ENV", a.env);
const config = {
  architecture: ARCH,
  os: "linux",
  config: {
    User: a.user,
    // The recipe's PATH, if any, replaces the default one.
    Env: [...(env.some((e) => e.startsWith("PATH=")) ? [] : [PATH]), ...env],
    ...(entrypoint.length ? { Entrypoint: entrypoint } : {}),
    ...(cmd.length ? { Cmd: cmd } : {}),
    WorkingDir: a.workdir || "/",
    ...(a["stop-signal"] ? { StopSignal: a["stop-signal"] } : {}),
  },
  rootfs: { type: "layers", diff_ids: [layer.digest] },
  history: [{ created_by: a["created-by"] }],
};
const manifest = {
  schemaVersion: 2,
  mediaType: "application/vnd.oci.image.manifest.v1+json",
  config: blob("application/vnd.oci.image.config.v1+json", json(config)),
  layers: [layer],
};
const tag = a.name.slice(a.name.lastIndexOf(":") + 1);
const index = {
  schemaVersion: 2,
  mediaType: "application/vnd.oci.image.index.v1+json",
  manifests: [
    {
      ...blob(manifest.mediaType, json(manifest)),
      platform: { architecture: ARCH, os: "linux" },
      // containerd names the image from the first; OCI tools read the tag from the second.
      annotations: { "io.containerd.image.name": a.name, "org.opencontainers.image.ref.name": tag },
    },
  ],
};
writeFileSync(`${a.out}/index.json`, JSON.stringify(index, null, 2) + "\n");
writeFileSync(`${a.out}/oci-layout`, JSON.stringify({ imageLayoutVersion: "1.0.0" }) + "\n");

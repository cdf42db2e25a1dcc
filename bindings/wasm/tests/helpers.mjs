// Shared paths, the Node package under test (pkg/node, built by build.sh) and the CLI's report
// of the example month to compare with.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const wasmDir = join(here, "..");
export const repoRoot = join(wasmDir, "..", "..");
export const corpusDir = join(repoRoot, "tests", "cases");

const require = createRequire(import.meta.url);
/** The CommonJS Node build (the bare wasm-bindgen glue, as the calculators use it). */
export const zhidu = require(join(wasmDir, "pkg", "node"));
/** The npm package (pkg/zhidu) through its Node entry, as a user requires it. */
export const pkg = require(join(wasmDir, "pkg", "zhidu"));

/** The example month, `examples/2026-10/`. */
export const exampleMonth = join(repoRoot, "examples", "2026-10");

let cli;
/** `zhidu report --format json` of the example month (the README's main job), run once: by
 * `$ZHIDU_CLI` when set, else by `cargo run`. */
export function cliReport() {
  if (cli === undefined) {
    const args = [
      "report", "--policy", "s2-service-center", "--period", "2026-10",
      "--cases", join(exampleMonth, "cases.jsonl"), "--incidents", join(exampleMonth, "incidents.csv"),
      "--violations", join(exampleMonth, "violations.csv"), "--roster", join(exampleMonth, "roster.csv"),
      "--format", "json",
    ];
    const bin = process.env.ZHIDU_CLI;
    // Its notes on stderr (incidents outside the month, …) are not the test's; a failure still
    // throws with them.
    const options = { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] };
    const out = bin
      ? execFileSync(bin, args, options)
      : execFileSync("cargo", ["run", "-q", "-p", "zhidu-cli", "--", ...args], options);
    cli = JSON.parse(out);
  }
  return structuredClone(cli);
}

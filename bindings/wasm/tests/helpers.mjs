// Shared paths and the Node package under test (pkg/node, built by build.sh).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const wasmDir = join(here, "..");
export const repoRoot = join(wasmDir, "..", "..");
export const corpusDir = join(repoRoot, "tests", "cases");

const require = createRequire(import.meta.url);
/** The CommonJS Node build, loaded with `require` as a user would. */
export const zhidu = require(join(wasmDir, "pkg", "node"));

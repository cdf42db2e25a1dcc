// The npm package as a developer meets it: `npm pack` of pkg/zhidu, unpacked and installed
// from the file into a fresh project, then
//   - the tarball holds README, licences, both builds and the declarations, nothing else;
//   - `require("zhidu")` and `import … from "zhidu"` in Node (the `node` conditions);
//   - `tsc --noEmit` on a consumer file with default settings, with `lib: ["ES2022", "DOM"]`
//     and with `module: nodenext` (ESM and CommonJS);
//   - the web build (`web.js`) throws `js.not_initialised` before `init`, then works;
//   - every ```js block of the READMEs runs as written in the project (node, ESM);
//   - a page importing "zhidu" is built with Vite and loaded in headless Chromium.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot, wasmDir } from "./helpers.mjs";

const pkgDir = join(wasmDir, "pkg", "zhidu");
const tsc = join(wasmDir, "node_modules", "typescript", "bin", "tsc");
let project;
let tarball;

const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...opts });

before(() => {
  project = mkdtempSync(join(tmpdir(), "zhidu-npm-"));
  const packed = JSON.parse(run("npm", ["pack", pkgDir, "--json", "--pack-destination", project]));
  tarball = packed[0];
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", join(project, tarball.filename)]);
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

test("the tarball: one package with README, licences, both builds and the declarations", () => {
  const files = tarball.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    "LICENSE-APACHE", "LICENSE-MIT", "README.md", "error.cjs", "error.js", "node.cjs", "node.mjs",
    "package.json", "web.js", "zhidu.d.cts", "zhidu.d.ts", "zhidu_wasm.js", "zhidu_wasm_bg.wasm",
    "zhidu_wasm_node.cjs",
  ]);
  assert.equal(tarball.name, "zhidu");
  const manifest = JSON.parse(readFileSync(join(project, "node_modules", "zhidu", "package.json"), "utf8"));
  assert.deepEqual(Object.keys(manifest.exports["."]), ["node", "browser", "import", "default"]);
});

test("Node: require and import, ZhiduError with key, params and the coverage year", () => {
  const script = `
    const { PolicySet, ZhiduError, init } = require("zhidu");
    const p = PolicySet.builtin().policy("s2-service-center");
    let e; try { p.due({ class: "promised", acceptedAt: "2101-03-01", days: 5 }); } catch (x) { e = x; }
    console.log(JSON.stringify({
      due: p.due({ class: "promised", acceptedAt: new Date("2026-09-30T02:00:00Z"), days: 5 }).due_date,
      instance: e instanceof ZhiduError && e instanceof Error, name: e.name, code: e.code, key: e.key,
      params: e.params, year: e.year, first: e.first_year, last: e.last_year, init: typeof init,
    }));`;
  writeFileSync(join(project, "cjs.cjs"), script);
  const cjs = JSON.parse(run("node", ["cjs.cjs"]));
  assert.deepEqual(cjs, {
    due: "2026-10-13", instance: true, name: "ZhiduError", code: "coverage", key: "error.coverage",
    params: { calendar: "cn-mainland", year: "2101" }, year: 2101, first: 2004, last: 2100, init: "function",
  });
  writeFileSync(join(project, "esm.mjs"), `
    import init, { PolicySet, ZhiduError } from "zhidu";
    await init();
    let e; try { PolicySet.builtin().policy("s3"); } catch (x) { e = x; }
    console.log(JSON.stringify([e instanceof ZhiduError, e.key, e.params, e.id, e.closest]));`);
  // `s3` is no policy id, but S3's policy (s3-culture-centre, issue #15) is the closest one.
  assert.deepEqual(JSON.parse(run("node", ["esm.mjs"])), [true, "error.unknown_policy", { id: "s3" }, "s3", "s3-culture-centre"]);
});

const CONSUMER = `
import init, { PolicySet, Policy, ZhiduError, setLang, getLang } from "zhidu";
import type { Due, DueColumns, Assessment, RowError } from "zhidu";

init().then(() => {
  setLang("zh");
  const lang: "zh" | "en" = getLang();
  const p: Policy = PolicySet.builtin().policy("s2-service-center");
  const due: Due = p.due({ class: "promised", acceptedAt: new Date(), days: 5 });
  const cols: DueColumns = p.dueMany({ class: "promised", acceptedAt: ["2026-09-30", new Date()], days: Int32Array.of(5, 5) });
  const first: RowError | undefined = cols.errors[0];
  const count: number = cols.error_count;
  const key: string | null | undefined = first?.key;
  const a: Assessment = PolicySet.builtin().policy("s14-window-scorecard").assess({ period: "2026-10", incidents: [] });
  try {
    p.caseStatus({ id: "C1", class: "promised", accepted_at: "2026-09-30", days: 5 }, new Date());
  } catch (e) {
    if (e instanceof ZhiduError) {
      const k: string | null = e.key;
      const params: { [name: string]: string } = e.params;
      const year: number | undefined = e.year;
      console.log(e.code, k, params, year, e.line, e.diagnostics.length);
    }
  }
  console.log(lang, due.due_date, count, key, a.scorecards.length);
});
`;

test("tsc --noEmit: default settings, lib ES2022 + DOM, and nodenext (ESM and CommonJS)", () => {
  writeFileSync(join(project, "consumer.ts"), CONSUMER);
  // Default settings: no tsconfig at all.
  run("node", [tsc, "--noEmit", "consumer.ts"]);
  run("node", [tsc, "--noEmit", "--strict", "consumer.ts"]);
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: "ES2022", lib: ["ES2022", "DOM"], module: "ESNext", moduleResolution: "bundler", skipLibCheck: false },
    files: ["consumer.ts"],
  }));
  run("node", [tsc, "-p", "tsconfig.json"]);
  rmSync(join(project, "tsconfig.json"));
  writeFileSync(join(project, "consumer.mts"), CONSUMER);
  writeFileSync(join(project, "consumer.cts"), `
    import zhidu = require("zhidu");
    const p: zhidu.Policy = zhidu.PolicySet.builtin().policy("s2-service-center");
    const e: typeof zhidu.ZhiduError = zhidu.ZhiduError;
    console.log(p.due({ class: "promised", acceptedAt: "2026-09-30", days: 5 }).due_date, e.name);`);
  for (const file of ["consumer.mts", "consumer.cts"]) {
    run("node", [tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "ES2022", "--lib", "ES2022,DOM", file]);
  }
});

test("the web build: js.not_initialised before init, the same answers after", async () => {
  const url = pathToFileURL(join(project, "node_modules", "zhidu", "web.js")).href;
  const web = await import(url);
  const early = (() => { try { web.PolicySet.builtin(); } catch (e) { return e; } })();
  assert.ok(early instanceof web.ZhiduError, String(early));
  assert.equal(early.key, "js.not_initialised");
  assert.deepEqual(early.params, { call: "PolicySet.builtin" });
  assert.throws(() => web.setLang("zh"), (e) => e.key === "js.not_initialised" && e.params.call === "setLang");
  web.initSync({ module: readFileSync(join(project, "node_modules", "zhidu", "zhidu_wasm_bg.wasm")) });
  const p = web.PolicySet.builtin().policy("s2-service-center");
  assert.equal(p.due({ class: "promised", acceptedAt: "2026-09-30T10:00", days: 5 }).due_date, "2026-10-13");
  const late = (() => { try { p.due({ class: "nope", acceptedAt: "2026-09-30" }); } catch (e) { return e; } })();
  assert.ok(late instanceof web.ZhiduError && late.code === "unknown_class");
});

test("the entry files' two messages are the catalogue's", async () => {
  const { TEMPLATES } = await import(pathToFileURL(join(pkgDir, "error.js")).href);
  const catalogue = readFileSync(join(repoRoot, "crates", "zhidu", "src", "messages", "catalogue", "bindings.rs"), "utf8");
  for (const [key, { en, zh }] of Object.entries(TEMPLATES)) {
    const entry = new RegExp(`e\\(\\s*"${key.replace(".", "\\.")}",\\s*"((?:[^"\\\\]|\\\\.)*)",\\s*"((?:[^"\\\\]|\\\\.)*)",?\\s*\\)`).exec(catalogue);
    assert.ok(entry, `${key} is not in the catalogue`);
    assert.deepEqual([en, zh], [entry[1], entry[2]], key);
  }
});

/** The ```js blocks of a Markdown file, each with its line; a block right after
 * `<!-- not run: why -->` is left out (and must say why). */
function jsBlocks(file) {
  const lines = readFileSync(file, "utf8").split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```js") continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === "```");
    const skipped = /<!-- not run: .+ -->/.test(lines[i - 1] ?? "");
    if (!skipped) blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return blocks;
}

test("every ```js example of the READMEs runs as written", () => {
  const readmes = [join(repoRoot, "README.md"), join(wasmDir, "README.md"), join(wasmDir, "js", "README.md")];
  let ran = 0;
  for (const readme of readmes) {
    for (const { line, code } of jsBlocks(readme)) {
      const file = join(project, `example-${ran}.mjs`);
      // In the project (so that "zhidu" resolves), run from the repository root (so that an
      // example may read a test file by its path).
      writeFileSync(file, code);
      const r = spawnSync("node", [file], { cwd: repoRoot, encoding: "utf8" });
      // `console.assert` only prints when it fails: its message counts as a failure.
      if (r.status !== 0 || /Assertion failed/.test(r.stderr)) {
        assert.fail(`${readme}:${line} failed:\n${r.stderr}`);
      }
      ran++;
    }
  }
  assert.ok(ran >= 4, `${ran} examples`);
});

test("a page importing zhidu, built with Vite, runs in Chromium", async () => {
  const { build } = await import("vite");
  const app = join(project, "app");
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, "index.html"), `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./main.js"></script><pre id="out"></pre>`);
  writeFileSync(join(app, "main.js"), `
    import init, { PolicySet, ZhiduError } from "zhidu";
    let early;
    try { PolicySet.builtin(); } catch (e) { early = e instanceof ZhiduError ? e.key : String(e); }
    await init();
    const p = PolicySet.builtin().policy("s2-service-center");
    document.getElementById("out").textContent = JSON.stringify({
      early, due: p.due({ class: "promised", acceptedAt: "2026-09-30T10:00", days: 5 }).due_date,
    });`);
  // The README's Vite configuration.
  await build({
    root: app, logLevel: "warn", configFile: false,
    optimizeDeps: { exclude: ["zhidu"] },
    build: { outDir: join(app, "dist"), emptyOutDir: true },
  });
  const dist = join(app, "dist");
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = createServer((req, res) => {
    const path = normalize(join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    const file = path.endsWith(sep) ? join(path, "index.html") : path;
    try {
      if (!file.startsWith(dist) || !statSync(file).isFile()) throw new Error("no");
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.getElementById("out").textContent !== "", null, { timeout: 20000 });
    const out = JSON.parse(await page.textContent("#out"));
    assert.deepEqual(out, { early: "js.not_initialised", due: "2026-10-13" });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
});

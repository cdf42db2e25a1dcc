// The package's browser and bundler entry: the wasm-bindgen glue for `--target web`, with
// `ZhiduError` as a class and a clear error before `await init()`.
import initGlue, {
  initSync as initSyncGlue,
  Policy,
  PolicySet,
  getLang as getLangGlue,
  setLang as setLangGlue,
  __zhiduSetErrorClass,
} from "./zhidu_wasm.js";
import { ZhiduError, guard, guardFunction } from "./error.js";

let ready = false;
const isReady = () => ready;

function loaded(out) {
  __zhiduSetErrorClass(ZhiduError);
  ready = true;
  return out;
}

/** Load the module: `await init()` (it fetches `zhidu_wasm_bg.wasm` beside this file), or
 * `await init({ module_or_path: url })` with the URL a bundler gives. */
export default async function init(...args) {
  return loaded(await initGlue(...args));
}

/** Load the module from its bytes or a compiled `WebAssembly.Module`, synchronously. */
export function initSync(...args) {
  return loaded(initSyncGlue(...args));
}

export const getLang = guardFunction("getLang", getLangGlue, isReady);
export const setLang = guardFunction("setLang", setLangGlue, isReady);
guard([PolicySet, Policy], isReady, () => (ready ? getLangGlue() : "en"), {
  "Policy.caseChange": [Policy],
  "Policy.whatIf": [Policy],
});

export { Policy, PolicySet, ZhiduError };

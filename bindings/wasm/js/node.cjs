// The package's Node entry (CommonJS): the wasm-bindgen glue for `--target nodejs`, loaded
// synchronously, with `ZhiduError` as a class. `init()` is there so that code written for the
// web build (`await init()`) runs unchanged.
"use strict";
const glue = require("./zhidu_wasm_node.cjs");
const { ZhiduError, guard } = require("./error.cjs");

glue.__zhiduSetErrorClass(ZhiduError);
guard([glue.PolicySet, glue.Policy], () => true, () => glue.getLang(), {
  "Policy.caseChange": [glue.Policy],
  "Policy.whatIf": [glue.Policy],
});

/** Nothing to load in Node: the module is ready when required. */
async function init() {}
function initSync() {}

module.exports = {
  PolicySet: glue.PolicySet,
  Policy: glue.Policy,
  setLang: glue.setLang,
  getLang: glue.getLang,
  ZhiduError,
  init,
  initSync,
  default: init,
};

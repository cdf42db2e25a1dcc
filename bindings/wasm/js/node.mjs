// The package's Node entry for `import`: the CommonJS entry's exports, by name.
import cjs from "./node.cjs";

export const { PolicySet, Policy, setLang, getLang, ZhiduError, initSync } = cjs;
export default cjs.init;

// The package's error class, and the two errors its entry files throw without the module: a
// function called before `await init()` (web build) and a handle used after `free()`.
// ES module; build.sh writes its CommonJS twin (error.cjs) for the Node entry.

/** Every failure of the package: `code`, `key` (the catalogue id) and `params`, `help`,
 * `diagnostics`, and the place (`file`, `line`, `column`, `path`) of a policy error. */
export class ZhiduError extends Error {
  constructor(message) {
    super(message);
    this.name = "ZhiduError";
  }
}

// The module's catalogue (crates/zhidu/src/messages/catalogue/bindings.rs) holds these two
// entries; the module cannot word an error before it is loaded, so they are copied here, and
// tests/package.test.mjs checks that the copies are the catalogue's.
export const TEMPLATES = {
  "js.not_initialised": {
    en: "`{call}` was called before the module was loaded: `await init()` first",
    zh: "调用`{call}`时模块尚未加载：请先`await init()`",
  },
  "js.closed": {
    en: "`{call}` needs a live `{class}`: this one was freed, or is not one",
    zh: "`{call}`需要有效的`{class}`：此对象已释放，或不是`{class}`",
  },
};

/** The `ZhiduError` of entry `key` with `params`, in `lang`. */
export function entryError(key, params, lang) {
  const template = TEMPLATES[key][lang === "zh" ? "zh" : "en"];
  const e = new ZhiduError(template.replace(/\{(\w+)\}/g, (_, name) => params[name]));
  Object.assign(e, { code: "input", key, params, help: null, diagnostics: [] });
  return e;
}

/**
 * Guard every method of the module's classes: a static one (the only way to a first handle)
 * throws `js.not_initialised` until `isReady()`, an instance one `js.closed` when called on a
 * freed handle or on something else, and so does a freed or foreign argument where a handle
 * is taken (`classArguments`: `{ "Policy.caseChange": [Policy] }`, by position), so the glue's
 * "null pointer passed to rust" and "expected instance of Policy" never reach a user.
 */
export function guard(classes, isReady, lang, classArguments = {}) {
  const live = (value, cls) => value instanceof cls && value.__wbg_ptr !== 0 && value.__wbg_ptr !== undefined;
  const wrapStatic = (cls, key, f) =>
    function (...args) {
      if (!isReady()) throw entryError("js.not_initialised", { call: `${cls.name}.${key}` }, "en");
      return f.apply(this, args);
    };
  const wrapMethod = (cls, key, f) =>
    function (...args) {
      const call = `${cls.name}.${key}`;
      if (!live(this, cls)) throw entryError("js.closed", { call, class: cls.name }, lang());
      for (const [i, other] of (classArguments[call] ?? []).entries()) {
        if (!live(args[i], other)) throw entryError("js.closed", { call, class: other.name }, lang());
      }
      return f.apply(this, args);
    };
  for (const cls of classes) {
    for (const key of Object.getOwnPropertyNames(cls)) {
      const d = Object.getOwnPropertyDescriptor(cls, key);
      if (key.startsWith("__") || typeof d.value !== "function" || key === "prototype") continue;
      Object.defineProperty(cls, key, { ...d, value: wrapStatic(cls, key, d.value) });
    }
    const proto = cls.prototype;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === "constructor" || key === "free" || key.startsWith("__")) continue;
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (d.get) {
        Object.defineProperty(proto, key, { ...d, get: wrapMethod(cls, key, d.get) });
      } else if (typeof d.value === "function") {
        Object.defineProperty(proto, key, { ...d, value: wrapMethod(cls, key, d.value) });
      }
    }
  }
}

/** A free function of the module guarded like a static method. */
export function guardFunction(name, f, isReady) {
  return function (...args) {
    if (!isReady()) throw entryError("js.not_initialised", { call: name }, "en");
    return f.apply(this, args);
  };
}

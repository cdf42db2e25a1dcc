// Starts the calculators — or, when index.html is opened as a file (a double-click), says how
// to serve it: Chromium loads neither an ES module nor WebAssembly from a file:// page, so
// the engine cannot run there, and a blank page or a console error would help nobody.
// A classic script, as file:// pages may run one.
(function boot() {
  if (location.protocol !== "file:") {
    const app = document.createElement("script");
    app.type = "module";
    app.src = "app.js";
    document.head.append(app);
    return;
  }
  // The folder to serve is the one holding www/ and pkg/ (bindings/wasm); on Windows the
  // path starts /C:/.
  let dir = decodeURIComponent(location.pathname).replace(/\/www\/[^/]*$/, "").replace(/^\/([A-Za-z]:)/, "$1");
  if (!dir) dir = ".";
  const command = `python3 -m http.server 8000 --bind 127.0.0.1 --directory "${dir}"`;
  const url = "http://127.0.0.1:8000/www/index.html";
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, attrs);
    node.append(...children);
    return node;
  };
  const status = document.getElementById("status");
  const box = el(
    "section",
    { className: "result file-notice", id: "file-notice", role: "alert" },
    el("h2", { textContent: `请用本地服务器打开：${url}` }),
    el("p", { textContent: "浏览器不允许从本地文件（file://）加载规则引擎（WebAssembly）。请在终端运行下面的命令，再用浏览器打开上面的地址：" }),
    el("pre", {}, el("code", { id: "serve-command", textContent: command })),
    el("p", { className: "note", textContent: "若尚未构建规则引擎，请先在仓库根目录运行 bash bindings/wasm/build.sh。" }),
    el("p", { className: "note", lang: "en", textContent: `Open this page from a local server: browsers load no WebAssembly from file://. Run the command above, then open ${url}.` }),
  );
  status.replaceWith(box);
  // The language toggle needs the page's scripts, which do not run here.
  document.getElementById("lang").hidden = true;
  document.body.dataset.ready = "file";
})();

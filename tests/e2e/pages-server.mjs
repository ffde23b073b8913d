// A static server that behaves like GitHub Pages for a project site:
// the site lives under a sub-path, `/x` serves x or x.html, folders redirect
// to `/x/` and serve their index.html, unknown
// paths get 404.html with status 404, and text is gzip-compressed.
// usage: node pages-server.mjs <dist-dir> <port> <base, e.g. /steady/> [index-fallback]
//        [--also <dist-dir> <base>]...
// With `index-fallback`, unknown paths get index.html with status 200 instead,
// like a host configured that way (README: "Any other static host").
// `--also` serves another site on the same origin, as Pages serves every
// project site of one account at <account>.github.io/<repo>/ (the tests use
// it for two copies of Steady side by side).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const [dist, port = "4173", base0 = "/steady/", ...rest] = process.argv.slice(2);
if (!dist) {
  console.error("usage: node pages-server.mjs <dist-dir> <port> <base>");
  process.exit(2);
}
const fallback = rest.includes("index-fallback") ? "index-fallback" : undefined;
const sites = [{ root: resolve(dist), base: base0 }];
for (let i = rest.indexOf("--also"); i >= 0; i = rest.indexOf("--also", i + 1)) {
  sites.push({ root: resolve(rest[i + 1]), base: rest[i + 2] });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt"]);

async function fileOnly(path) {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

async function isDir(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function fileAt(path) {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return fileAt(join(path, "index.html"));
    return s.isFile() ? path : null;
  } catch {
    return null;
  }
}

async function send(req, res, path, status) {
  let body = await readFile(path);
  const ext = extname(path);
  const headers = {
    "content-type": TYPES[ext] ?? "application/octet-stream",
    "cache-control": "max-age=600",
  };
  if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
    headers["vary"] = "Accept-Encoding";
  }
  headers["content-length"] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://localhost");
    const path = decodeURIComponent(url.pathname);
    const site = sites.find((s) => path === s.base.replace(/\/$/, "") || path.startsWith(s.base)) ?? sites[0];
    const { root, base } = site;
    if (path === base.replace(/\/$/, "")) {
      res.writeHead(301, { location: base + url.search });
      return res.end();
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("Not under the site's base path");
    }
    const target = normalize(join(root, path.slice(base.length)));
    if (!target.startsWith(root)) {
      res.writeHead(400);
      return res.end();
    }
    // Like Pages: a file, then the same path with .html, then a folder,
    // which is redirected to its trailing-slash form before its index.html.
    const found = (await fileOnly(target)) ?? (path.endsWith("/") ? null : await fileOnly(target + ".html"));
    if (found) return await send(req, res, found, 200);
    if (await isDir(target)) {
      if (!path.endsWith("/")) {
        res.writeHead(301, { location: path + "/" + url.search });
        return res.end();
      }
      const index = await fileOnly(join(target, "index.html"));
      if (index) return await send(req, res, index, 200);
    }
    if (fallback === "index-fallback") return await send(req, res, join(root, "index.html"), 200);
    const notFound = await fileAt(join(root, "404.html"));
    if (notFound) return await send(req, res, notFound, 404);
    res.writeHead(404);
    res.end("Not found");
  } catch (e) {
    res.writeHead(500);
    res.end(String(e));
  }
}).listen(Number(port), "127.0.0.1", () => {
  for (const { root, base } of sites) console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
});

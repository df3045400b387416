// Reads a V8 .cpuprofile of the console and says where its main-thread time went, by source
// module (through the build's source maps) rather than by minified function name.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = Object.fromEntries([...B64].map((c, i) => [c, i]));

/** Decodes a v3 source map's "mappings" into per-line sorted [column, sourceIndex] pairs. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const lineText of mappings.split(";")) {
    const segments = [];
    let column = 0;
    for (const segment of lineText.split(",")) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = B64_VALUE[char];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) {
        source += values[1];
        segments.push([column, source]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

const maps = new Map();

function loadMap(file) {
  if (maps.has(file)) return maps.get(file);
  let map = null;
  try {
    if (existsSync(`${file}.map`)) {
      const raw = JSON.parse(readFileSync(`${file}.map`, "utf8"));
      if (raw.mappings !== undefined) map = { sources: raw.sources.map((s) => decodeURIComponent(s)), lines: decodeMappings(raw.mappings) };
    }
  } catch {}
  maps.set(file, map);
  return map;
}

/** The original source of a call frame: "lib/vault/3-vault.ts", "node_modules/jose/...", "node:internal/...". */
export function sourceOf(callFrame, root) {
  const { url, lineNumber, columnNumber } = callFrame;
  if (!url) return callFrame.functionName.startsWith("(") ? callFrame.functionName : "(native)";
  if (url.startsWith("node:")) return url;
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  const map = file.includes("/.next/") ? loadMap(file) : null;
  if (map) {
    const segments = map.lines[lineNumber] ?? [];
    let lo = 0;
    let hi = segments.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid][0] <= columnNumber) {
        found = segments[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found) return map.sources[found[1]].replace(/^(\.\.\/)+/, "").replace(/^turbopack:\/\/\/\[project\]\//, "");
  }
  return file.startsWith(root) ? file.slice(root.length) : file;
}

/** What a source module is, in words, for the breakdown. */
export function categoryOf(source) {
  const rules = [
    [/^lib\/auth\/6-session\.ts|node_modules\/(next-auth\/jwt|jose|@panva\/hkdf)/, "session: next-auth JWT decode (jose, hkdf)"],
    [/^lib\/vault\/(3-vault|4-iron-open)\.ts|node_modules\/(iron-session|iron-webcrypto|uncrypto)/, "vault: iron-session unseal (WebCrypto)"],
    [/node_modules\/zod/, "zod (session schema, jitless)"],
    [/^lib\/proxy\/5-upstream\.ts/, "lib/proxy/5-upstream.ts (node:http client call)"],
    [/^lib\/(proxy\/[1-7]-[a-z-]+|auth\/[57]-[a-z-]+|config\/[a-z-]+|problems\/[a-z-]+)\.ts/, "lib/ checks, headers, audit (other)"],
    [/node_modules\/next\//, "Next.js server (routing, request/response adapters)"],
    [/node_modules\/(react|react-dom)/, "React"],
    [/^node:internal\/webstreams|^node:internal\/streams\/(readable|writable|duplex|end-of-stream|destroy)|node:internal\/webstreams\/adapters/, "node: streams and web streams"],
    [/^node:(_http|http|https|net|internal\/http|internal\/net|internal\/stream_base|internal\/child_process|tls|internal\/tls)/, "node: http server/client and sockets"],
    [/^node:internal\/crypto|^node:crypto/, "node: crypto (main-thread side)"],
    [/^node:internal\/(deps\/undici|fetch)|undici/, "node: undici (Request/Headers/Response)"],
    [/^node:internal\/(process\/task_queues|async_hooks|timers|process\/promises)|^node:timers/, "node: promises, microtasks, timers"],
    [/^node:/, "node: other internals"],
    [/^\(garbage collector\)$/, "V8 garbage collector"],
    [/^\(program\)$|^\(native\)$/, "V8/native (program)"],
  ];
  for (const [pattern, name] of rules) if (pattern.test(source)) return name;
  return `other: ${source.split("/").slice(0, 3).join("/")}`;
}

const isLibraryOrApp = (source) => !source.startsWith("node:") && !source.startsWith("(");

/**
 * Self time per category over the samples inside [fromUs, toUs] (profile clock), attributing
 * each sample to the nearest frame that is app or library code (node internals and natives are
 * charged to whoever called them); samples with no such frame keep the leaf's own module.
 */
export function analyseProfile(profilePath, { root, fromEndUs = Infinity, toEndUs = 0 }) {
  const profile = JSON.parse(readFileSync(profilePath, "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sourceCache = new Map();
  const source = (node) => {
    if (!sourceCache.has(node.id)) sourceCache.set(node.id, sourceOf(node.callFrame, root));
    return sourceCache.get(node.id);
  };
  const attribution = new Map();
  const attribute = (id) => {
    if (attribution.has(id)) return attribution.get(id);
    const leaf = byId.get(id);
    let chosen = source(leaf);
    // Node internals and native frames (no script: builtins, runMicrotasks, string writes) are
    // charged to the nearest app or library frame that led to them; GC and (program) stay as they are.
    if (!isLibraryOrApp(chosen) && chosen !== "(garbage collector)" && chosen !== "(program)") {
      for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
        const s = source(byId.get(at));
        if (isLibraryOrApp(s)) {
          chosen = s;
          break;
        }
      }
    }
    attribution.set(id, chosen);
    return chosen;
  };

  let t = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (t += delta));
  const from = profile.endTime - fromEndUs;
  const to = profile.endTime - toEndUs;
  const categories = new Map();
  const functions = new Map();
  let busyUs = 0;
  let idleUs = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    if (times[i] < from || times[i] > to) continue;
    const interval = (times[i + 1] ?? profile.endTime) - times[i];
    const node = byId.get(profile.samples[i]);
    if (node.callFrame.functionName === "(idle)") {
      idleUs += interval;
      continue;
    }
    busyUs += interval;
    const category = categoryOf(attribute(node.id));
    categories.set(category, (categories.get(category) ?? 0) + interval);
    const fn = `${node.callFrame.functionName || "(anonymous)"}  ${source(node)}`;
    functions.set(fn, (functions.get(fn) ?? 0) + interval);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  return { busyUs, idleUs, categories: sorted(categories), functions: sorted(functions) };
}

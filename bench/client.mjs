// A signed-in person for the load tests: signs in through next-auth's own routes (CSRF token,
// credentials callback) and saves an API key with POST /api/keys, keeping the cookies it is given.
import http from "node:http";

/** One HTTP/1.1 exchange; the body is collected unless `discard` (then only its size is counted). */
export function request(base, method, path, { headers = {}, body, discard = false } = {}) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      let bytes = 0;
      res.on("data", (chunk) => {
        bytes += chunk.length;
        if (!discard) chunks.push(chunk);
      });
      res.on("end", () =>
        resolve({ status: res.statusCode, headers: res.headers, bytes, text: discard ? "" : Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}

export class Person {
  cookies = new Map();

  constructor(base) {
    this.base = base;
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async send(method, path, { headers = {}, body } = {}) {
    const reply = await request(this.base, method, path, { headers: { cookie: this.cookieHeader(), ...headers }, body });
    for (const line of reply.headers["set-cookie"] ?? []) {
      const pair = line.split(";")[0];
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || !value) this.cookies.delete(pair.slice(0, eq).trim());
      else this.cookies.set(pair.slice(0, eq).trim(), value);
    }
    return reply;
  }

  async signIn(email, password) {
    const csrf = await this.send("GET", "/api/auth/csrf");
    if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
    const { csrfToken } = JSON.parse(csrf.text);
    const form = new URLSearchParams({ email, password, csrfToken, callbackUrl: this.base, json: "true" });
    const reply = await this.send("POST", "/api/auth/callback/credentials", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    if (reply.status !== 200 || reply.text.includes("error")) throw new Error(`sign-in failed: ${reply.status} ${reply.text}`);
    if (![...this.cookies.keys()].some((name) => name.endsWith("session-token"))) throw new Error("sign-in set no session cookie");
  }

  async saveKey(apiKey, label = "Bench key") {
    const reply = await this.send("POST", "/api/keys", {
      headers: { "content-type": "application/json", "x-csrf": "1" },
      body: JSON.stringify({ label, apiKey }),
    });
    if (reply.status !== 201) throw new Error(`POST /api/keys answered ${reply.status}: ${reply.text}`);
    return JSON.parse(reply.text);
  }

  /** The headers a signed-in page sends on a proxied call. */
  proxyHeaders() {
    return { cookie: this.cookieHeader(), "x-csrf": "1" };
  }
}

// A TLS-terminating reverse proxy on loopback (Debian's nginx) in front of a console, with a
// self-signed certificate made by openssl: the production path behind https, for the tls tests.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((path) => existsSync(path)) ?? null;

/** @param {{ port: number, upstreamPort: number, dir: string }} options */
export async function startTlsProxy({ port, upstreamPort, dir }) {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install nginx-light)");
  mkdirSync(`${dir}/tmp`, { recursive: true });
  const cert = spawnSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`,
  ], { encoding: "utf8" });
  if (cert.status !== 0) throw new Error(`openssl could not make a certificate: ${cert.stderr}`);
  writeFileSync(`${dir}/nginx.conf`, `
user root;
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  client_max_body_size 10m;
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    location / {
      proxy_pass http://127.0.0.1:${upstreamPort};
      proxy_http_version 1.1;
      proxy_set_header Host $host:$server_port;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto https;
      proxy_set_header X-Forwarded-Host $host:$server_port;
      proxy_buffering off;
    }
  }
}
`);
  const child = spawn(NGINX, ["-c", `${dir}/nginx.conf`, "-p", dir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  for (let i = 0; i < 50; i += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr.trim()}`);
    const probe = spawnSync("openssl", ["s_client", "-connect", `127.0.0.1:${port}`, "-brief"], { input: "", encoding: "utf8", timeout: 2000 });
    if (probe.status === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `https://localhost:${port}`,
    close: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", resolve), child.kill("SIGTERM")))),
  };
}

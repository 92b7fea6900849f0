/**
 * nginx or HAProxy from Debian's packages, run with the configuration files the deployment guide ships
 * (resources/deploy/), in front of real endpoint replicas: only the replicas' addresses, the listening
 * port and the certificate's paths are replaced, so what is tested is what operators install.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './postgres-cluster.ts';
import { selfSignedCertificate } from './https-server.ts';
import { PROJECT_ROOT } from './spawn-command.ts';

export interface LoadBalancer {
  /** https://127.0.0.1:<port>/ */
  readonly url: string;
  /** The certificate a client must trust, PEM. */
  readonly certificate: string;
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

/** The program from Debian's package (/usr/sbin is not on every user's PATH). */
const program = (name: string): string => (existsSync(`/usr/sbin/${name}`) ? `/usr/sbin/${name}` : name);

/** The shipped file with the example replicas' addresses, the port and the certificate's paths replaced. */
async function shippedConfig(file: string, replicas: readonly string[], port: number, paths: Record<string, string>) {
  let text = await readFile(join(PROJECT_ROOT, 'resources/deploy', file), 'utf8');
  const [a, b] = replicas.map((url) => new URL(url).host);
  if (a === undefined || b === undefined) throw new Error('two replicas are needed');
  text = text.replaceAll('127.0.0.1:8801', a).replaceAll('127.0.0.1:8802', b);
  text = text.replace('listen 443 ssl;', `listen 127.0.0.1:${String(port)} ssl;`);
  text = text.replace('bind :443 ', `bind 127.0.0.1:${String(port)} `);
  for (const [from, to] of Object.entries(paths)) text = text.replaceAll(from, to);
  return text;
}

function run(command: string, args: readonly string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return { child, output: () => output };
}

const stopped = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('close', () => resolve());
    child.kill('SIGTERM');
  });

export async function startNginx(dir: string, replicas: readonly string[]): Promise<LoadBalancer> {
  const { key, cert } = await selfSignedCertificate(dir);
  const port = await freePort();
  const site = await shippedConfig('nginx-advocate.conf', replicas, port, {
    '/etc/ssl/advocate.example.com.pem': cert,
    '/etc/ssl/advocate.example.com.key': key,
  });
  await writeFile(join(dir, 'advocate.conf'), site);
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(join(dir, temp));
  // What Debian's /etc/nginx/nginx.conf gives around conf.d, with everything in the test's folder.
  // Run as root (CI), nginx's workers would be nobody, who cannot write large bodies into the test's folder.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  const main = `${user}worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/advocate.conf;
}
`;
  await writeFile(join(dir, 'nginx.conf'), main);
  const { child, output } = run(program('nginx'), ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;']);
  return {
    url: `https://127.0.0.1:${String(port)}/`,
    certificate: await readFile(cert, 'utf8'),
    output,
    stop: () => stopped(child),
  };
}

export async function startHaproxy(dir: string, replicas: readonly string[]): Promise<LoadBalancer> {
  const { key, cert } = await selfSignedCertificate(dir);
  // HAProxy takes the certificate and its key in one file.
  const pem = join(dir, 'haproxy.pem');
  await writeFile(pem, `${await readFile(cert, 'utf8')}${await readFile(key, 'utf8')}`);
  const port = await freePort();
  const config = await shippedConfig('haproxy-advocate.cfg', replicas, port, {
    '/etc/ssl/advocate.example.com.pem': pem,
  });
  await writeFile(join(dir, 'haproxy.cfg'), config);
  const { child, output } = run(program('haproxy'), ['-db', '-f', join(dir, 'haproxy.cfg')]);
  return {
    url: `https://127.0.0.1:${String(port)}/`,
    certificate: await readFile(cert, 'utf8'),
    output,
    stop: () => stopped(child),
  };
}

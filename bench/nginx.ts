/** nginx serving one file, with N workers: the page bench's yardstick. */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export async function startNginx(root: string, port: number, workers: number): Promise<() => void> {
  const conf = path.join(root, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes ${workers};
daemon off;
pid ${root}/nginx.pid;
error_log ${root}/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path ${root}/tmp;
  proxy_temp_path ${root}/tmp;
  fastcgi_temp_path ${root}/tmp;
  uwsgi_temp_path ${root}/tmp;
  scgi_temp_path ${root}/tmp;
  gzip on;
  gzip_types text/html;
  server {
    listen 127.0.0.1:${port};
    root ${root}/www;
    location / { try_files $uri =404; }
  }
}
`,
  );
  const nginx = spawn(
    existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx',
    ['-c', conf, '-e', `${root}/error.log`],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/article.html`).catch(() => null))?.ok === true)
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return () => nginx.kill('SIGQUIT');
}

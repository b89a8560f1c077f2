#!/usr/bin/env node
// `npm run try`: the packaged extension in a real VS Code (code-server), on a copy of the
// bundled examples, for anyone without VS Code. Prints the URL; Ctrl+C stops everything.
//
//   npm run try                        # http://127.0.0.1:8080
//   npm run try -- --port 9000 --locale zh-cn
//   npm run try -- --host 0.0.0.0      # reachable from other machines (no password!)
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO, buildLocalePack, buildVsix, createState, createWorkspace, installLocalePack, installVsix, log,
  setupToolchain, startServer, stopServer, tmpRoot,
} from './lib/harness.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const port = Number(opt('--port', process.env.PORT || 8080));
const host = opt('--host', '127.0.0.1');
const locale = opt('--locale');

const tc = setupToolchain();
const root = tmpRoot('rmd-try-');
const vsix = buildVsix(path.join(root, 'report-markdown.vsix'));
const state = createState(path.join(root, 'state'));
installVsix(tc, state, vsix);
if (locale && !locale.startsWith('en')) {
  installLocalePack(tc, state, locale, buildLocalePack(root, locale, path.join(root, `locale-${locale}.vsix`)));
}

// the bundled examples if the repo has them, otherwise the seeds (and the e2e fixtures)
const workspace = path.join(root, 'examples');
const examples = path.join(REPO, 'examples');
if (fs.existsSync(examples)) {
  fs.cpSync(examples, workspace, { recursive: true });
} else {
  createWorkspace(workspace);
}

const server = await startServer(tc, state, { port, host, locale, name: 'try' });
const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/?folder=${encodeURIComponent(workspace)}`;
log(`Report Markdown ${path.basename(vsix)} is running in code-server (VS Code ${readVsCodeVersion()})`);
console.log(`\n  Open ${url}\n\n  Workspace: ${workspace} (a temporary copy, deleted when you stop)\n  Server log: ${server.logFile}\n  Press Ctrl+C to stop.\n`);

let stopping = false;
async function shutdown() {
  if (stopping) { return; }
  stopping = true;
  await stopServer(server);
  fs.rmSync(root, { recursive: true, force: true });
  log('stopped');
  process.exit(0);
}
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
// keep running until Ctrl+C, or until the server ends on its own
server.exit.then((code) => {
  if (!stopping) { log(`code-server exited (${code}); see ${server.logFile}`); process.exit(1); }
});

function readVsCodeVersion() {
  try {
    const p = path.join(path.dirname(tc.codeServer), '..', '..', 'lib', 'vscode', 'package.json');
    return JSON.parse(fs.readFileSync(p, 'utf8')).version;
  } catch { return '?'; }
}

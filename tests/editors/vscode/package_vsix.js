// package_vsix.js — packages the VS Code extension with @vscode/vsce, offline, and lists what the .vsix holds.
// usage: node package_vsix.js EXTENSION_DIR NPM_DIR WORK_DIR
// Copies EXTENSION_DIR to WORK_DIR/extension, gives it a node_modules with exactly the packages its `dependencies`
// need (copied from NPM_DIR/node_modules, resolved as node resolves them), runs `vsce package`, then prints the
// entries of the .vsix (a zip) that a working extension needs, each as `has PATH` or `MISSING PATH`, and the
// number of entries under extension/node_modules that no dependency explains (`extra: N`).
'use strict';
const cp = require('child_process');
const fs = require('fs');
const path = require('path');

const [extensionDir, npmDir, workDir] = process.argv.slice(2).map((p) => path.resolve(p));
const ext = path.join(workDir, 'extension');
fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(workDir, { recursive: true });
fs.cpSync(extensionDir, ext, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });

// The dependency closure, resolved from NPM_DIR the way node would: a package's own node_modules first, then
// its parents'. Only top-level packages are copied; nested ones come inside their parent's folder.
const packages = new Set();
function visit(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) {
      if (packages.has(candidate)) return;
      packages.add(candidate);
      const manifest = JSON.parse(fs.readFileSync(path.join(candidate, 'package.json'), 'utf8'));
      for (const dep of Object.keys(manifest.dependencies || {})) visit(dep, candidate);
      return;
    }
    if (dir === npmDir || dir === path.dirname(dir)) throw new Error(`package_vsix: ${name} is not installed`);
  }
}
const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
for (const dep of Object.keys(manifest.dependencies || {})) visit(dep, npmDir);
for (const dir of packages) {
  const relative = path.relative(path.join(npmDir, 'node_modules'), dir);
  if (!relative.includes(`node_modules${path.sep}`))
    fs.cpSync(dir, path.join(ext, 'node_modules', relative), { recursive: true });
}

const vsce = path.join(npmDir, 'node_modules', '.bin', 'vsce');
const vsix = path.join(workDir, 'vdesign.vsix');
const run = cp.spawnSync(vsce, ['package', '--out', vsix], { cwd: ext, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  console.log(`vsce: failed with status ${run.status}`);
  process.exit(1);
}
console.log('vsce: packaged');
for (const line of (run.stdout + run.stderr).split('\n'))
  if (/^\s*WARNING\s/.test(line)) console.log(`vsce warning: ${line.replace(/^\s*WARNING\s+/, '').slice(0, 60)}`);

// A .vsix is a zip: list it with python's zipfile (no unzip needed).
const listing = cp.execFileSync('python3', ['-c',
  'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], { encoding: 'utf8' });
const entries = new Set(listing.split('\n').filter(Boolean));
const contributes = manifest.contributes || {};
const wanted = [
  'extension/package.json',
  'extension/' + path.posix.normalize(manifest.main),
  ...(contributes.grammars || []).map((g) => 'extension/' + path.posix.normalize(g.path)),
  ...(contributes.languages || []).filter((l) => l.configuration)
    .map((l) => 'extension/' + path.posix.normalize(l.configuration)),
  'extension/LICENSE.md',
  'extension/node_modules/vscode-languageclient/package.json',
  'extension/node_modules/vscode-languageclient/node.js',
];
for (const entry of wanted) console.log(`${entries.has(entry) ? 'has' : 'MISSING'} ${entry}`);
// Every package of the closure (vscode-jsonrpc, the protocol, ...) is in the .vsix, where the client finds it.
const allowed = [...packages].map((dir) => 'extension/node_modules/' +
  path.relative(path.join(npmDir, 'node_modules'), dir).split(path.sep).join('/') + '/');
const missing = allowed.filter((prefix) => !entries.has(prefix + 'package.json'));
console.log(`dependencies: ${allowed.length} packages, ${missing.length} missing ${missing.join(' ')}`.trimEnd());
const extra = [...entries].filter((e) => e.startsWith('extension/node_modules/') &&
  !allowed.some((prefix) => e.startsWith(prefix)));
console.log(`extra: ${extra.length}`);

// client.js — drives `vdc lsp` with a real JSON-RPC client (vscode-jsonrpc over stdio), as an editor would: initialize,
// open, change, diagnostics, hover, definition, completion, formatting, code action, shutdown, exit.
// usage: node client.js VDC WORKDIR   (NODE_PATH must reach tests/tools/npm/node_modules)
'use strict';
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const url = require('url');
const rpc = require('vscode-jsonrpc/node');

const [vdc, workdir] = process.argv.slice(2);
fs.mkdirSync(workdir, { recursive: true });
const file = path.join(workdir, 'design with space.vdesign');
const uri = url.pathToFileURL(file).href;

const broken = `design d "math helps" {
  recipe big "dense 70B" { params: 70B }
  recipe small "1B proxy" proxy of big via scale { params: 1B }
  treatment t "add math"
  outcome y "GSM8K"
  study s "ablation" {
    strategy: controled
    recipe: small
    treatment: t
    outcome: y
    runs_per_arm: 5
  }
  claim c "math helps at 70B" {
    effect: t on y in big
    from: s
  }
}
`;
const fixed = broken.replace('controled', 'controlled');
fs.writeFileSync(file, broken);

const server = cp.spawn(vdc, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createMessageConnection(
  new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));

// Diagnostics arrive as notifications; each wait takes the next batch for the document.
const batches = [];
let waiting = null;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri !== uri) return;
  if (waiting) { const w = waiting; waiting = null; w(params); } else batches.push(params);
});
// Applies LSP TextEdits to a text, as an editor does (positions in UTF-16 units, lines ending at \r\n, \n or \r).
function applyEdits(text, edits) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') lineStarts.push(i + 1);
  }
  const offset = (p) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

const nextDiagnostics = () => batches.length ? Promise.resolve(batches.shift())
  : new Promise((resolve) => { waiting = resolve; });

const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
const timer = setTimeout(() => { console.error('FAIL: timed out'); process.exit(1); }, 30000);

async function main() {
  connection.listen();
  const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  assert.strictEqual(init.capabilities.textDocumentSync.change, 1);
  assert.strictEqual(init.capabilities.hoverProvider, true);
  console.log('initialize: ok');
  connection.sendNotification('initialized', {});

  connection.sendNotification('textDocument/didOpen',
    { textDocument: { uri, languageId: 'vdesign', version: 1, text: broken } });
  let diags = await nextDiagnostics();
  assert.strictEqual(diags.version, 1);
  const error = diags.diagnostics.find((d) => d.code === 'VD2001');
  assert.ok(error, JSON.stringify(diags));
  assert.strictEqual(error.severity, 1);
  assert.deepStrictEqual(error.range, { start: { line: 6, character: 14 }, end: { line: 6, character: 23 } });
  console.log(`diagnostics 1: ${error.code} ${error.message.split('\n')[0]}`);

  connection.sendNotification('textDocument/didChange',
    { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  diags = await nextDiagnostics();
  assert.strictEqual(diags.version, 2);
  assert.ok(!diags.diagnostics.some((d) => d.severity === 1), JSON.stringify(diags));
  const proxy = diags.diagnostics.find((d) => d.code === 'external.proxy_recipe');
  assert.ok(proxy, JSON.stringify(diags));
  assert.strictEqual(proxy.severity, 2);
  assert.strictEqual(proxy.relatedInformation[0].location.uri, uri);
  console.log(`diagnostics 2: ${proxy.code} severity ${proxy.severity} at line ${proxy.range.start.line}`);

  const hover = await connection.sendRequest('textDocument/hover',
    { textDocument: { uri }, position: { line: 2, character: 10 } });
  assert.strictEqual(hover.contents.kind, 'markdown');
  assert.ok(hover.contents.value.includes('Proxy of `big` via `scale`'), hover.contents.value);
  console.log('hover: ' + hover.contents.value.split('\n')[1]);

  const definition = await connection.sendRequest('textDocument/definition',
    { textDocument: { uri }, position: { line: 2, character: 44 } });
  assert.strictEqual(definition.length, 1);
  const target = url.fileURLToPath(definition[0].uri);
  const line = fs.readFileSync(target, 'utf8').split('\n')[definition[0].range.start.line];
  assert.ok(line.startsWith('proxy scale for recipe'), line);
  console.log(`definition: ${path.basename(target)}: ${line.trim()}`);

  const local = await connection.sendRequest('textDocument/definition',
    { textDocument: { uri }, position: { line: 7, character: 14 } });
  assert.strictEqual(local[0].uri, uri);
  assert.strictEqual(local[0].range.start.line, 2);

  const completion = await connection.sendRequest('textDocument/completion',
    { textDocument: { uri }, position: { line: 2, character: 43 } });
  const labels = completion.items.map((i) => i.label);
  assert.ok(labels.includes('scale') && !labels.includes('finetuning'), labels.join(' '));
  console.log('completion: ' + labels.join(' '));

  // Formatting: a badly laid out version gets one edit whose result is the canonical layout; formatting that
  // result again changes nothing.
  const messy = fixed.replace('{ params: 70B }', '{params:70B}').replace('    outcome: y\n', '      outcome:   y\n');
  connection.sendNotification('textDocument/didChange',
    { textDocument: { uri, version: 3 }, contentChanges: [{ text: messy }] });
  diags = await nextDiagnostics();
  assert.strictEqual(diags.version, 3);
  const options = { tabSize: 2, insertSpaces: true };
  const edits = await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options });
  assert.strictEqual(edits.length, 1, JSON.stringify(edits));
  const formatted = applyEdits(messy, edits);
  assert.strictEqual(formatted, fixed);
  connection.sendNotification('textDocument/didChange',
    { textDocument: { uri, version: 4 }, contentChanges: [{ text: formatted }] });
  diags = await nextDiagnostics();
  const again = await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options });
  assert.deepStrictEqual(again, []);
  console.log(`formatting: ${edits.length} edit to the canonical layout, then ${again.length}`);

  // Code action on `small`, whose proxy obligation is open: add a discharge stub; applied, the warning goes.
  const actions = await connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } },
    context: { diagnostics: diags.diagnostics.filter((d) => d.range.start.line === 2) },
  });
  const stub = actions.find((a) => a.title.startsWith('Add a discharge for `external.proxy_recipe`'));
  assert.ok(stub, JSON.stringify(actions));
  assert.strictEqual(stub.kind, 'quickfix');
  const stubEdits = stub.edit.changes[uri];
  assert.strictEqual(stubEdits.length, 1);
  const withStub = applyEdits(formatted, stubEdits);
  assert.ok(withStub.endsWith('  discharge external.proxy_recipe for small by argument "TODO: why this holds"\n}\n'),
    withStub);
  connection.sendNotification('textDocument/didChange',
    { textDocument: { uri, version: 5 }, contentChanges: [{ text: withStub }] });
  diags = await nextDiagnostics();
  assert.strictEqual(diags.version, 5);
  assert.ok(!diags.diagnostics.some((d) => d.code === 'external.proxy_recipe' || d.severity === 1),
    JSON.stringify(diags));
  console.log(`code action: ${stub.title}; applied, ${diags.diagnostics.length} diagnostics left`);

  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  const code = await exited;
  assert.strictEqual(code, 0);
  console.log(`exit: ${code}`);
  clearTimeout(timer);
  connection.dispose();
}

main().catch((e) => { console.error('FAIL: ' + (e && e.stack || e)); server.kill(); process.exit(1); });

// check_manifest.js — the extension manifest points at files that exist and parse, and declares its client.
// usage: node check_manifest.js editors/vscode
'use strict';
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const pkg = read('package.json');
const lang = pkg.contributes.languages.find((l) => l.id === 'vdesign');
console.log('extensions: ' + lang.extensions.join(' '));
const conf = read(lang.configuration);
console.log('comments: ' + conf.comments.lineComment + ' ' + conf.comments.blockComment.join(' '));
console.log('brackets: ' + conf.brackets.map((b) => b.join('')).join(' '));
console.log('autoClosingPairs: ' + conf.autoClosingPairs.map((p) => p.open + p.close).join(' '));
const gr = pkg.contributes.grammars.find((g) => g.language === 'vdesign');
const grammar = read(gr.path);
console.log('grammar: ' + gr.scopeName + ' ' + (grammar.scopeName === gr.scopeName ? 'matches' : 'MISMATCH ' + grammar.scopeName));
console.log('main: ' + pkg.main + ' ' + (fs.existsSync(path.join(dir, pkg.main)) ? 'exists' : 'MISSING'));
console.log('client: vscode-languageclient ' + pkg.dependencies['vscode-languageclient']);
const src = fs.readFileSync(path.join(dir, pkg.main), 'utf8');
console.log('starts: ' + (/args = \['lsp'/.test(src) ? 'vdc lsp' : 'UNKNOWN'));

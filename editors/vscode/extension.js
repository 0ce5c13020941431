// extension.js — starts `vdc lsp` (stdio) for vdesign files with vscode-languageclient.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration('vdesign');
  const command = config.get('server.path', 'vdc');
  const args = ['lsp', ...config.get('server.args', [])];
  return { command, args, transport: TransportKind.stdio };
}

async function start(context) {
  client = new LanguageClient('vdesign', 'vdesign', serverOptions(), {
    documentSelector: [{ language: 'vdesign' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.vdesign') },
  });
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('vdesign.restartServer', async () => {
    if (client) await client.stop();
    await start(context);
  }));
  try {
    await start(context);
  } catch (err) {
    vscode.window.showErrorMessage(`vdesign: could not start \`vdc lsp\`: ${err.message}. ` +
      'Install vdc or set "vdesign.server.path".');
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

#!/usr/bin/env node
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadCatalog, ruleDocsLink, toolVersion } from './runtime';
import { startServer } from './server';

// createConnection reads --stdio, --node-ipc or --socket from the command line, as every LSP client expects.
const connection = createConnection(ProposedFeatures.all);
startServer(connection, { catalog: loadCatalog(), docsLink: ruleDocsLink, version: toolVersion() });

// The server must outlive any single bad request; log what escaped and carry on.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

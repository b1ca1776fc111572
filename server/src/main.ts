#!/usr/bin/env node
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadManagedPolicies } from './managedPolicyFiles';
import { loadCatalog, ruleDocsLink, toolVersion } from './runtime';
import { startServer } from './server';
import { routeConsoleTo, SingleWriteMessageWriter } from './transport';

// createConnection reads --stdio, --node-ipc or --socket from the command line, as every LSP client
// expects. Over stdio (what editors use) the server brings its own writer; see transport.ts. The stdin
// stream still goes in as a stream, so that the connection exits when the client closes it.
const stdio = process.argv.slice(2).find((arg) => /^--(stdio|node-ipc|socket|pipe)\b/.test(arg)) === '--stdio';
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin, new SingleWriteMessageWriter(process.stdout) as unknown as NodeJS.WritableStream)
  : createConnection(ProposedFeatures.all);
if (stdio) routeConsoleTo(connection.console);
// Nothing of the managed-policy data is read until a hover asks for it.
startServer(connection, { catalog: loadCatalog(), managed: loadManagedPolicies(), docsLink: ruleDocsLink, version: toolVersion() });

// The server must outlive any single bad request; log what escaped and carry on.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

/**
 * Preloaded with `node -r` into dist/server.js and dist/cli.js by the no-network test: every way out to
 * the network is replaced by a stub that appends a line to $IAM_AUTHOR_NET_LOG and throws. Stdio pipes
 * are net.Sockets too, but they are created from file descriptors and never call connect().
 */
// import-equals keeps the real module objects: `import * as` would hand us frozen namespace copies.
import dgram = require('dgram');
import dns = require('dns');
import fs = require('fs');
import http = require('http');
import http2 = require('http2');
import https = require('https');
import net = require('net');
import tls = require('tls');

const log = process.env.IAM_AUTHOR_NET_LOG;

function record(what: string): never {
  const line = `${what} ${new Error().stack?.split('\n').slice(2, 6).join(' | ') ?? ''}\n`;
  if (log) fs.appendFileSync(log, line);
  throw new Error(`network access blocked by the test: ${what}`);
}

function block(target: object, names: readonly string[], label: string): void {
  for (const name of names) {
    Object.defineProperty(target, name, { value: () => record(`${label}.${name}`), writable: true, configurable: true });
  }
}

block(net.Socket.prototype, ['connect'], 'net.Socket.prototype');
block(net, ['connect', 'createConnection', 'createServer'], 'net');
block(net.Server.prototype, ['listen'], 'net.Server.prototype');
block(tls, ['connect'], 'tls');
block(http, ['request', 'get', 'createServer'], 'http');
block(https, ['request', 'get', 'createServer'], 'https');
block(http2, ['connect', 'createServer', 'createSecureServer'], 'http2');
block(dns, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'], 'dns');
block(dns.promises, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'], 'dns.promises');
block(dgram, ['createSocket'], 'dgram');
if (typeof globalThis.fetch === 'function') {
  Object.defineProperty(globalThis, 'fetch', { value: () => record('fetch'), writable: true, configurable: true });
}

// Entry point VS Code calls inside the extension host (--extensionTestsPath): runs every *.vscode.js beside it.
// The suffix keeps these files out of `npm test`, which runs *.test.js with node's runner outside VS Code.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: true });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.vscode.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      const total = mocha.suite.total();
      console.log(`${total - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} of ${total} tests failed`));
      else resolve();
    });
  });
}

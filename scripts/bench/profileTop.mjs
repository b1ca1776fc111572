// Prints the functions with the most self time in a .cpuprofile (from node --cpu-prof), for the
// "profile where a target is missed" step: node scripts/bench/profileTop.mjs FILE.cpuprofile [N]
import { readFileSync } from 'node:fs';

export function topSelfTime(profile, limit = 20) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id).callFrame;
    const where = frame.url ? `${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);
  const rows = [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, limit);
  return { totalMs: total / 1000, rows: rows.map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / total })) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { totalMs, rows } = topSelfTime(JSON.parse(readFileSync(process.argv[2], 'utf8')), Number(process.argv[3] ?? 20));
  console.log(`total ${totalMs.toFixed(0)} ms`);
  for (const row of rows) console.log(`${row.ms.toFixed(1).padStart(9)} ms ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`);
}

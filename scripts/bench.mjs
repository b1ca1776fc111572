// `npm run bench`: the built server and engine measured against the targets of issue 7.
// Run `npm run build` first. Options: --quick (fewer samples), --profile DIR (CPU profiles of the server
// runs, written when each server exits; summarise one with node scripts/bench/profileTop.mjs FILE).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { engineLatency, lintCompute, rssAfterLoadAll, simulationPass, simulationThroughput, worstWildcardMatch } from './bench/engineBench.mjs';
import { adminAgainst50, diffOf10k, managedPolicyHover, summaryOf10k } from './bench/accessBench.mjs';
import { authorizationDetailsText, cloudFormationYamlText, interestingOffsets, policyOfLength, policyText, terraformText } from './bench/inputs.mjs';
import { loadEngineHcl, root, vsixPath } from './bench/paths.mjs';
import { coldStart, diagnosticsAfterEdit, firstTerraformDocument, requestLatency } from './bench/serverBench.mjs';
import { ms } from './bench/stats.mjs';
import { renderTable } from './bench/table.mjs';
import { baselineCli, managedPolicyFolder, timeCheck } from './bench/managedCorpusBench.mjs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profileAt = args.indexOf('--profile');
const profileDir = profileAt >= 0 ? args[profileAt + 1] : undefined;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];

const REQUESTS = quick ? 100 : 500;
const EDITS = quick ? 10 : 30;
const rows = [];
const row = (metric, measured, target, pass) => {
  rows.push({ metric, measured, target, pass });
  console.error(`  ${metric}: ${measured}`);
};
const p50p95 = (s) => `p50 ${ms(s.p50)} · p95 ${ms(s.p95)}`;

const policy50 = policyText(50);
const policy10k = policyOfLength(10_240);
const dump = authorizationDetailsText(1024 * 1024);
const offsets = interestingOffsets(policy50, REQUESTS);
// The edit flips the first letter of an action name, which changes what the rules find.
const editIn = (text) => text.indexOf('"s3:GetObject"') + 4;

console.error(`inputs: 50-statement policy ${policy50.length} chars, policy ${policy10k.length} chars, authorization details ${dump.length} chars`);

const cold = await coldStart(policy50, quick ? 5 : 15, nodeArgs);
row('Cold start to first diagnostics (50 statements)', `p50 ${ms(cold.p50)} · max ${ms(cold.max)}`, '≤ 150 ms (p50)', cold.p50 <= 150);
if (process.env.NODE_EXTRA_CA_CERTS) {
  // The extension starts the server without it (serverEnvironment); an editor started from a shell
  // that sets it passes it on, and Node 20 then parses the bundle before running any of our code.
  const inherited = await coldStart(policy50, quick ? 5 : 15, nodeArgs, process.env);
  row('  the same, NODE_EXTRA_CA_CERTS passed on to the server', `p50 ${ms(inherited.p50)} · max ${ms(inherited.max)}`, 'info', undefined);
}

for (const [kind, method] of [['completion', 'textDocument/completion'], ['hover', 'textDocument/hover']]) {
  const client = await requestLatency(policy50, offsets, method, nodeArgs);
  row(`${kind} over stdio (${client.n} requests, ${client.answered} answered)`, p50p95(client), '≤ 1 ms (p95)', client.p95 <= 1);
  const engine = engineLatency(policy50, offsets, kind);
  row(`${kind} in-process (engine only)`, p50p95(engine), '≤ 1 ms (p95)', engine.p95 <= 1);
}

const small = await diagnosticsAfterEdit(policy10k, editIn(policy10k), EDITS, nodeArgs);
row(`diagnostics after edit, ${policy10k.length}-char policy (debounce incl.)`, p50p95(small), '≤ 50 ms (p95)', small.p95 <= 50);
// In-process compute is cheap to sample. With 300 samples the p95 was the 15th slowest edit, and
// which edits happened to meet a JIT tier-up or a scavenge moved it by 2-3 ms from run to run;
// 1,000 samples give a percentile that holds still, and p99 and max show the tail.
const smallCompute = lintCompute(policy10k, editIn(policy10k), quick ? 100 : 1000);
row('  parse + lint compute, 10 KB policy', `${p50p95(smallCompute)} · p99 ${ms(smallCompute.p99)} · max ${ms(smallCompute.max)}`, '≤ 5 ms (p95)', smallCompute.p95 <= 5);

const large = await diagnosticsAfterEdit(dump, editIn(dump), Math.min(EDITS, 10), nodeArgs);
row(`diagnostics after edit, ${(dump.length / 1024 / 1024).toFixed(2)} MB authorization details`, p50p95(large), '≤ 300 ms (p95)', large.p95 <= 300);
const largeCompute = lintCompute(dump, editIn(dump), Math.min(EDITS, 10));
row('  parse + lint compute, 1 MB authorization details', p50p95(largeCompute), 'info', undefined);

const template = cloudFormationYamlText(50 * 1024);
const yamlCompute = lintCompute(template, template.indexOf('s3:GetObject') + 3, quick ? 10 : 50, 'template.yaml');
row(`  parse + lint compute, ${(template.length / 1024).toFixed(0)} KB YAML template`, p50p95(yamlCompute), 'info', undefined);
// What resolving intrinsic functions costs: the same template read with its intrinsics as written
// (before resolution existed) and resolved, in alternating rounds so that neither side pays the JIT's
// warm-up alone (measured one after the other, the first side came out up to 50% slower), medians of
// the rounds' p50. Issue 12's target: resolving adds at most 10% to the 53 KB YAML template row.
const resolvingCost = (text) => {
  const edit = text.indexOf('s3:GetObject') + 3;
  const asWritten = [];
  const resolved = [];
  for (let round = 0; round < (quick ? 3 : 9); round++) {
    asWritten.push(lintCompute(text, edit, quick ? 10 : 30, 'template.yaml', { resolveTemplates: false }).p50);
    resolved.push(lintCompute(text, edit, quick ? 10 : 30, 'template.yaml').p50);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const added = median(resolved) / median(asWritten) - 1;
  return { asWritten: median(asWritten), resolved: median(resolved), added, text: `read as written p50 ${ms(median(asWritten))}, resolved p50 ${ms(median(resolved))} (${added >= 0 ? '+' : ''}${(added * 100).toFixed(0)}%)` };
};
const plainCost = resolvingCost(template);
row('    what resolving intrinsic functions adds to it', plainCost.text, '≤ +10% (p50)', plainCost.added <= 0.1);
// A harder case than the target's: every policy ARN a !Sub to resolve. Shown, not held to the 10%.
const subTemplate = cloudFormationYamlText(50 * 1024, { intrinsics: true });
const subCost = resolvingCost(subTemplate);
row(`    the same for a ${(subTemplate.length / 1024).toFixed(0)} KB YAML template of !Sub ARNs`, subCost.text, 'info', undefined);
// A 1 MB template after an edit: its resources are read one at a time and kept by their text
// (engine/src/document/parseYamlBlocks.ts), so an edit re-reads one resource, not the whole megabyte.
const bigTemplate = cloudFormationYamlText(1024 * 1024, { intrinsics: true });
const bigTemplateCompute = lintCompute(bigTemplate, bigTemplate.indexOf('s3:GetObject', bigTemplate.length >> 1) + 3, quick ? 10 : 30, 'template.yaml');
row(`  parse + lint compute, ${(bigTemplate.length / 1024 / 1024).toFixed(2)} MB YAML template of !Sub ARNs`, p50p95(bigTemplateCompute), '≤ 300 ms (p95)', bigTemplateCompute.p95 <= 300);

// Terraform: a 2,000-line root module with 50 policy documents; the edit changes a letter of an action.
const terraform = terraformText(50);
const terraformEdit = terraform.indexOf('"s3:GetObject"', terraform.length >> 1) + 4;
await loadEngineHcl();
const terraformCompute = lintCompute(terraform, terraformEdit, quick ? 100 : 1000, 'main.tf');
row(`parse + lint compute, ${terraform.split('\n').length}-line .tf with 50 policies, after a one-character edit`, `${p50p95(terraformCompute)} · p99 ${ms(terraformCompute.p99)}`, '≤ 20 ms (p95)', terraformCompute.p95 <= 20);
const terraformDiagnostics = await diagnosticsAfterEdit(terraform, terraformEdit, EDITS, nodeArgs, { uri: 'file:///bench/main.tf', languageId: 'terraform' });
row('diagnostics after edit, the same .tf (debounce incl.)', p50p95(terraformDiagnostics), '≤ 60 ms (p95)', terraformDiagnostics.p95 <= 60);
// Issue 11: "the first Terraform document opened in a warm server gets diagnostics <= 150 ms". A warm
// server is one that has been running: here it has answered a JSON document and then been idle for
// 2 s, as when a user opens a .tf in an editor already at work, and it has loaded and warmed the HCL
// parser in the background meanwhile (server/src/hclPreload.ts). That is the target row.
const firstTerraform = await firstTerraformDocument(policy50, terraform, quick ? 5 : 15, nodeArgs, 2000);
row('first Terraform document in a warm server (idle 2 s after its first answer), to diagnostics', `p50 ${ms(firstTerraform.p50)} · max ${ms(firstTerraform.max)}`, '≤ 150 ms (p50)', firstTerraform.p50 <= 150);
// The same document opened in the instant the server publishes its first diagnostics, as when an editor
// restores several tabs at start-up: it pays the parser's load, WebAssembly compilation and the first,
// unoptimised run of the reader. Start-up, not a warm server: shown for information.
const firstTerraformAtOnce = await firstTerraformDocument(policy50, terraform, quick ? 5 : 15, nodeArgs);
row('  the same, opened at once with the first answer (start-up: parser load and compilation incl.)', `p50 ${ms(firstTerraformAtOnce.p50)} · max ${ms(firstTerraformAtOnce.max)}`, 'info', undefined);

const policy20 = policyText(20);
for (const trace of ['full', 'deciding']) {
  const pass = simulationPass(policy20, 'arn:aws:s3:::bench-bucket-0/key', trace, quick ? 10 : 30);
  row(`simulate all ${pass.actions} catalogue actions vs one resource, ${pass.statements}-statement policy (${trace} trace), per pass`, p50p95(pass), '< 100 ms (p95)', pass.p95 < 100);
}
const throughput = simulationThroughput(policy50, 'arn:aws:s3:::bench-bucket-0/key');
row(`simulation: ${throughput.actions} actions × ${throughput.statements} statements`, `${(throughput.perSecond / 1e6).toFixed(2)} M statement evaluations/s`, '≥ 1 M/s', throughput.perSecond >= 1e6);

const summary10k = summaryOf10k(quick ? 20 : 100);
row('policy summary, 10 KB policy (catalogue loaded)', p50p95(summary10k), '≤ 20 ms (p50)', summary10k.p50 <= 20);
const diff10k = diffOf10k(quick ? 3 : 10);
row(`access diff, two 10 KB policies (${diff10k.requests} requests, ${diff10k.complete ? 'complete' : 'INCOMPLETE'})`, p50p95(diff10k), '≤ 300 ms (p50)', diff10k.p50 <= 300 && diff10k.newAccess && diff10k.complete);
const admin = adminAgainst50(quick ? 2 : 5);
row(`access diff, AdministratorAccess vs 50 statements (${admin.classes} action classes, ${admin.requests} requests)`, p50p95(admin), '≤ 2 s (p50)', admin.p50 <= 2000 && admin.complete);

const managedHover = managedPolicyHover(quick ? 40 : 200);
row('managed-policy hover (data loaded)', p50p95(managedHover), '≤ 5 ms (p95)', managedHover.p95 <= 5);

const wildcard = worstWildcardMatch(quick ? 3 : 11);
row('wildcard match, slowest hostile shape: 200 KB pattern vs 20 KB value (10× AWS sizes)', ms(wildcard), '< 200 ms', wildcard < 200);

const memory = rssAfterLoadAll();
row(`RSS after loading all ${memory.services} services`, `${(memory.rss / 1024 / 1024).toFixed(1)} MB (heap ${(memory.heapUsed / 1024 / 1024).toFixed(1)} MB)`, '≤ 100 MB', memory.rss <= 100 * 1024 * 1024);

// iam-author check over every AWS managed policy, now and at the baseline commit (issue 15: 3x faster, < 150 MB).
const BASELINE = process.env.IAM_BENCH_BASELINE ?? 'a59948659d621df011448c6333ce190c2e7acce0';
{
  const corpus = managedPolicyFolder();
  const baseline = await baselineCli(BASELINE);
  const runs = quick ? 1 : 5;
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  // The two builds take turns, run by run, so that a change in the machine's load falls on both sides.
  const samples = new Map([[join(root, 'dist', 'cli.js'), []], ...(baseline ? [[baseline.cli, []]] : [])]);
  for (let run = 0; run < runs; run++) for (const [cli, list] of samples) list.push(timeCheck(cli, corpus.dir));
  const measure = (cli) => {
    const list = samples.get(cli);
    return { wallMs: median(list.map((s) => s.wallMs)), rss: Math.max(...list.map((s) => s.rss)) };
  };
  const after = measure(join(root, 'dist', 'cli.js'));
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  if (baseline) {
    const before = measure(baseline.cli);
    const speedUp = before.wallMs / after.wallMs;
    row(`check over ${corpus.count} AWS managed policies, before (${BASELINE.slice(0, 7)})`, `${(before.wallMs / 1000).toFixed(2)} s · peak ${mb(before.rss)}`, 'info', undefined);
    row(`check over ${corpus.count} AWS managed policies, now`, `${(after.wallMs / 1000).toFixed(2)} s · peak ${mb(after.rss)} · ${speedUp.toFixed(1)}× faster`, '≥ 3× faster, < 150 MB', speedUp >= 3 && after.rss < 150 * 1024 * 1024);
    baseline.cleanup();
  } else {
    row(`check over ${corpus.count} AWS managed policies (baseline ${BASELINE.slice(0, 7)} not in this clone)`, `${(after.wallMs / 1000).toFixed(2)} s · peak ${mb(after.rss)}`, '< 150 MB', after.rss < 150 * 1024 * 1024);
  }
  corpus.cleanup();
}

// The package measured is the one this build makes: one left from an earlier build (without a dataset
// added since, say) would understate the size.
const packagedFrom = ['package.json', 'dist/server.js', 'dist/cli.js', 'dist/extension.js', 'dist/catalog/index.json', 'dist/managed-policies'].map((file) => join(root, file));
const newestInput = Math.max(...packagedFrom.filter((file) => existsSync(file)).map((file) => statSync(file).mtimeMs));
if (!existsSync(vsixPath) || statSync(vsixPath).mtimeMs < newestInput) {
  console.error('iam-author.vsix missing or older than the build: running npm run package');
  execSync('npm run package', { cwd: root, stdio: 'inherit' });
}
const vsix = statSync(vsixPath).size;
row('.vsix size', `${(vsix / 1024 / 1024).toFixed(2)} MB`, '≤ 4 MB', vsix <= 4 * 1024 * 1024);

console.log(`\nIAM Author benchmark (node ${process.version}, ${quick ? 'quick' : 'full'} run)\n`);
console.log(renderTable(rows));
if (profileDir) console.log(`\nCPU profiles of the server runs are in ${profileDir}.`);
process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;

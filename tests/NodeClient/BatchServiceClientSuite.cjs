'use strict';
// Microsoft's Node Batch client (@azure/batch, BatchServiceClient with BatchSharedKeyCredentials) driven through the
// pool, node, job and task surface of a Batch account. Each case judges the answers against what the service does: the REST
// specification's statuses and headers, and the live service's recorded bodies (../shared/batch-recordings, whose
// INDEX.md numbers the observations cited below). It never asks the account what it "should" say.
//
// Input (environment): BATCH_URL, BATCH_ACCOUNT, BATCH_KEY, NODE_CLIENT_PREFIX (the npm prefix holding @azure/batch),
// optionally BATCH_API_VERSION (else the client's own default). Output: one JSON line per case on stdout,
// {"case", "passed", "failures": [...], "bodies": [{"definition", "body"}]}; the bodies are for the caller to
// validate against the spec's schemas. Cases run in order: later ones use the pools earlier ones made.

const path = require('node:path');
const { createRequire } = require('node:module');

const prefix = process.env.NODE_CLIENT_PREFIX;
const clientRequire = createRequire(path.join(prefix, 'package.json'));
const { BatchServiceClient, BatchSharedKeyCredentials } = clientRequire('@azure/batch');

const batchUrl = process.env.BATCH_URL.replace(/\/$/, '');
const client = new BatchServiceClient(new BatchSharedKeyCredentials(process.env.BATCH_ACCOUNT, process.env.BATCH_KEY), batchUrl);
const defaultApiVersion = client.apiVersion;
if (process.env.BATCH_API_VERSION) client.apiVersion = process.env.BATCH_API_VERSION;

const run = Math.random().toString(16).slice(2, 8);
const ids = {
  start: `node-start-${run}`,
  auto: `node-auto-${run}`,
  container: `node-container-${run}`,
  low: `node-low-${run}`,
  missing: `node-missing-${run}`,
  jobPool: `node-jobpool-${run}`,
  job: `node-job-${run}`,
  finishing: `node-finishing-${run}`,
};
const vm = {
  imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
  nodeAgentSKUId: 'batch.node.ubuntu 24.04',
};

const cases = [];
/** Declares a case; the xunit class finds the names by this call's shape, so keep each name a plain string literal. */
function test(name, body) {
  cases.push({ name, body });
}

// ---- judging helpers ------------------------------------------------------------------------------------------

class Case {
  constructor() {
    this.failures = [];
    this.bodies = [];
  }

  check(condition, message) {
    if (!condition) this.failures.push(message);
    return condition;
  }

  equal(actual, expected, what) {
    const same = JSON.stringify(actual) === JSON.stringify(expected);
    return this.check(same, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }

  /** The raw body parsed, checked for the service's OData envelope (INDEX.md observation 10 and every 200 recorded). */
  json(response, odataSuffix, definition) {
    const text = response.bodyAsText;
    if (!this.check(typeof text === 'string' && text.length > 0, `expected a JSON body, got ${JSON.stringify(text)}`)) return {};
    let body;
    try {
      body = JSON.parse(text);
    } catch (e) {
      this.failures.push(`the body is not JSON: ${text.slice(0, 200)}`);
      return {};
    }
    this.contentType(response);
    this.odata(body, odataSuffix);
    if (definition) this.schema(definition, body);
    return body;
  }

  /** The service writes application/json;odata=minimalmetadata on every JSON body (raw recordings, observation 10). */
  contentType(response) {
    const type = response.headers.get('content-type') || '';
    this.check(/^application\/json;\s?odata=minimalmetadata$/.test(type), `Content-Type: expected application/json;odata=minimalmetadata, got '${type}'`);
  }

  odata(body, suffix) {
    const metadata = body['odata.metadata'];
    this.check(typeof metadata === 'string' && metadata.endsWith(`/$metadata#${suffix}`),
      `odata.metadata: expected <account url>/$metadata#${suffix}, got ${JSON.stringify(metadata)}`);
  }

  /** Hands a body to the caller for validation against a definition of the spec (odata.metadata aside). */
  schema(definition, body) {
    const copy = { ...body };
    delete copy['odata.metadata'];
    this.bodies.push({ definition, body: copy });
  }

  status(response, expected, what) {
    this.equal(response.status, expected, `${what} status`);
  }

  noBody(response, what) {
    const text = response.bodyAsText;
    this.check(text === undefined || text === null || text === '', `${what}: expected no body, got ${JSON.stringify(text)}`);
  }

  /**
   * A service error as observation 10 shows it: the status, the code, the OData error envelope, message.lang en-US,
   * message.value ending in "\nRequestId:<request-id>\nTime:<UTC, 7 fractional digits>Z", and values as key/value.
   */
  serviceError(error, status, code, expectedValues) {
    if (!this.check(error && error.statusCode !== undefined, `expected a service error, got ${describe(error)}`)) return {};
    this.equal(error.statusCode, status, `${code} status`);
    this.equal(error.code, code, 'error code');
    const response = error.response || {};
    let body = {};
    try {
      body = JSON.parse(response.body || response.bodyAsText || '');
    } catch (e) {
      this.failures.push(`the error body is not JSON: ${JSON.stringify(response.body)}`);
      return {};
    }
    this.contentType({ headers: response.headers });
    this.odata(body, 'Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element');
    this.equal(body.code, code, 'error body code');
    const message = body.message || {};
    this.equal(message.lang, 'en-US', 'error message.lang');
    const requestId = response.headers && response.headers.get('request-id');
    const shape = /\nRequestId:([0-9a-f-]{36})\nTime:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/.exec(message.value || '');
    if (this.check(shape !== null, `error message.value should end in RequestId and Time lines, got ${JSON.stringify(message.value)}`)) {
      this.equal(shape[1], requestId, 'the RequestId in the message (the request-id header)');
    }
    if (expectedValues === null) {
      this.check(body.values === undefined, `error values: expected none, got ${JSON.stringify(body.values)}`);
    } else if (expectedValues !== undefined) {
      const values = Object.fromEntries((body.values || []).map((v) => [v.key, v.value]));
      for (const [key, value] of Object.entries(expectedValues)) {
        if (value instanceof RegExp) this.check(value.test(values[key] || ''), `error value ${key}: expected ${value}, got ${JSON.stringify(values[key])}`);
        else this.equal(values[key], value, `error value ${key}`);
      }
    }
    this.schema('BatchError', body);
    return body;
  }

  /** Runs a call expected to fail; a success is a failure of the case. */
  async rejects(call, what) {
    try {
      const result = await call();
      this.failures.push(`${what} succeeded (${result && result._response ? result._response.status : 'no status'}) where the service fails`);
      return undefined;
    } catch (e) {
      return e;
    }
  }
}

function describe(error) {
  if (!error) return String(error);
  const status = error.statusCode ? ` (${error.statusCode} ${error.code})` : '';
  // The client puts the service's message object ({lang, value}) where a string belongs.
  const message = error.message && typeof error.message === 'object' ? error.message.value : error.message;
  return `${error.name || 'Error'}${status}: ${String(message).split('\n')[0]}`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until done(value) or 15 s, returning the last value; the emulator's nodes change state in about a second. */
async function until(get, done) {
  const deadline = Date.now() + 15000;
  let value = await get();
  while (!done(value) && Date.now() < deadline) {
    await sleep(200);
    value = await get();
  }
  return value;
}

const poolIdle = (id) => until(() => client.computeNode.list(id).then((l) => [...l]), (nodes) => nodes.length > 0 && nodes.every((n) => n.state === 'idle'));
const poolSteady = (id) => until(() => client.pool.get(id), (p) => p.allocationState === 'steady');

async function listAll(first, next) {
  let page = await first();
  const items = [...page];
  while (page.odatanextLink) {
    page = await next(page.odatanextLink);
    items.push(...page);
  }
  return items;
}

function streamText(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(Buffer.from(c)));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

const etagOf = (response) => response.headers.get('etag');

// ---- the cases ------------------------------------------------------------------------------------------------

test('api-version: the client sends it and the service accepts it', async (c) => {
  c.equal(defaultApiVersion, '2022-10-01.16.0', "@azure/batch 10.2.0's default api-version");
  const result = await client.pool.list({ poolListOptions: { filter: `id eq '${ids.missing}'` } });
  c.status(result._response, 200, 'GET /pools');
  const sent = new URL(result._response.request.url).searchParams.get('api-version');
  c.equal(sent, client.apiVersion, 'the api-version on the wire');
  c.json(result._response, 'pools');
});

test('pool add: a pool with a start task', async (c) => {
  const result = await client.pool.add({
    id: ids.start,
    vmSize: 'standard_d2s_v3',
    virtualMachineConfiguration: vm,
    targetDedicatedNodes: 2,
    startTask: {
      commandLine: '/bin/bash -c "echo started > $AZ_BATCH_NODE_STARTUP_DIR/wd/marker.txt"',
      environmentSettings: [{ name: 'STAGE', value: 'one' }],
      userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'admin' } },
      maxTaskRetryCount: 1,
      waitForSuccess: true,
    },
    metadata: [{ name: 'owner', value: 'node-suite' }],
  });
  // Pool_Add: 201 with no body, ETag, Last-Modified and DataServiceId (spec; observation 8).
  c.status(result._response, 201, 'POST /pools');
  c.noBody(result._response, 'POST /pools');
  c.check(etagOf(result._response), 'POST /pools: no ETag header');
  c.check(result._response.headers.get('last-modified'), 'POST /pools: no Last-Modified header');
  c.check((result._response.headers.get('dataserviceid') || '').endsWith(`/pools/${ids.start}`), `POST /pools: DataServiceId should name the pool, got ${result._response.headers.get('dataserviceid')}`);
  c.check(result._response.headers.get('request-id'), 'POST /pools: no request-id header');
});

test('pool add: an autoscale pool', async (c) => {
  const result = await client.pool.add({
    id: ids.auto,
    vmSize: 'standard_d2s_v3',
    virtualMachineConfiguration: vm,
    enableAutoScale: true,
    autoScaleFormula: '$TargetDedicatedNodes=1;',
  });
  c.status(result._response, 201, 'POST /pools');
  c.noBody(result._response, 'POST /pools');
  const pool = await client.pool.get(ids.auto);
  const body = c.json(pool._response, 'pools/@Element', 'CloudPool');
  c.equal(body.enableAutoScale, true, 'enableAutoScale');
  // The formula is echoed verbatim and the interval defaults to PT15M (observations 4 and 5).
  c.equal(body.autoScaleFormula, '$TargetDedicatedNodes=1;', 'autoScaleFormula');
  c.equal(body.autoScaleEvaluationInterval, 'PT15M', 'autoScaleEvaluationInterval');
});

test('pool add: a container pool', async (c) => {
  const images = await listAll(() => client.account.listSupportedImages(), (l) => client.account.listSupportedImagesNext(l));
  const image = images.find((i) => i.osType === 'linux' && (i.capabilities || []).includes('DockerCompatible') && !i.batchSupportEndOfLife);
  if (!c.check(image, 'no supported Linux image lists the DockerCompatible capability')) return;
  const result = await client.pool.add({
    id: ids.container,
    vmSize: 'standard_d2s_v3',
    virtualMachineConfiguration: {
      imageReference: image.imageReference,
      nodeAgentSKUId: image.nodeAgentSKUId,
      containerConfiguration: { type: 'dockerCompatible', containerImageNames: ['docker.io/library/ubuntu:24.04'] },
    },
    targetDedicatedNodes: 1,
  });
  c.status(result._response, 201, 'POST /pools');
  const pool = await client.pool.get(ids.container, { poolGetOptions: { select: 'virtualMachineConfiguration' } });
  const body = c.json(pool._response, 'pools/@Element');
  c.equal(body.virtualMachineConfiguration && body.virtualMachineConfiguration.containerConfiguration,
    { type: 'dockerCompatible', containerImageNames: ['docker.io/library/ubuntu:24.04'] }, 'containerConfiguration');
});

test('pool add: a low-priority pool', async (c) => {
  const result = await client.pool.add({
    id: ids.low,
    vmSize: 'standard_d2s_v3',
    virtualMachineConfiguration: vm,
    targetDedicatedNodes: 0,
    targetLowPriorityNodes: 2,
  });
  c.status(result._response, 201, 'POST /pools');
  const pool = await client.pool.get(ids.low);
  const body = c.json(pool._response, 'pools/@Element', 'CloudPool');
  c.equal(body.targetLowPriorityNodes, 2, 'targetLowPriorityNodes');
  c.equal(body.targetDedicatedNodes, 0, 'targetDedicatedNodes');
  const nodes = await poolIdle(ids.low);
  c.equal(nodes.length, 2, 'the low-priority nodes');
  c.check(nodes.every((n) => n.isDedicated === false), 'the nodes of a low-priority pool should say isDedicated: false');
});

test('pool add: an id in use is 409 PoolExists', async (c) => {
  const error = await c.rejects(() => client.pool.add({ id: ids.start, vmSize: 'standard_d2s_v3', virtualMachineConfiguration: vm }), 'adding a pool twice');
  c.serviceError(error, 409, 'PoolExists');
});

test('pool add: a malformed image id is 400 InvalidPropertyValue', async (c) => {
  // The recorded call (node-sdk 2020-09-01.12.0): a managed image id where a gallery image id is needed.
  const imageId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test/providers/Microsoft.Compute/images/FakeImage';
  const error = await c.rejects(() => client.pool.add({
    id: `bad-image-${run}`,
    vmSize: 'standard_d2s_v3',
    virtualMachineConfiguration: { imageReference: { virtualMachineImageId: imageId }, nodeAgentSKUId: 'batch.node.ubuntu 24.04' },
  }), 'adding a pool with a malformed image id');
  c.serviceError(error, 400, 'InvalidPropertyValue', {
    PropertyName: 'virtualMachineImageId',
    PropertyValue: imageId,
    Reason: /^The specified resource id must be of the format \/subscriptions\/\{subscriptionId\}\/resourceGroups\/\{resourceGroupName\}\/providers\/Microsoft\.Compute\/galleries\//,
  });
  if (!error) await client.pool.deleteMethod(`bad-image-${run}`).catch(() => {});
});

test('pool get: the whole pool', async (c) => {
  const nodes = await poolIdle(ids.start);
  c.equal(nodes.length, 2, 'the idle nodes of the start-task pool');
  const pool = await client.pool.get(ids.start);
  c.status(pool._response, 200, 'GET /pools/{id}');
  const body = c.json(pool._response, 'pools/@Element', 'CloudPool');
  c.equal(body.id, ids.start, 'id');
  c.equal(body.url, `${batchUrl}/pools/${ids.start}`, 'url');
  c.equal(body.eTag, etagOf(pool._response), 'eTag (the ETag header)');
  c.equal(body.state, 'active', 'state');
  c.equal(body.allocationState, 'steady', 'allocationState');
  c.equal(body.currentDedicatedNodes, 2, 'currentDedicatedNodes');
  c.equal(body.resizeTimeout, 'PT15M', 'resizeTimeout (the default)');
  c.equal(body.enableAutoScale, false, 'enableAutoScale');
  c.equal(body.metadata, [{ name: 'owner', value: 'node-suite' }], 'metadata');
  c.equal(body.startTask && body.startTask.environmentSettings, [{ name: 'STAGE', value: 'one' }], 'startTask.environmentSettings');
  c.equal(body.startTask && body.startTask.waitForSuccess, true, 'startTask.waitForSuccess');
  // The client's own model of the answer.
  c.equal(pool.vmSize, 'standard_d2s_v3', 'the client read vmSize');
  c.check(pool.creationTime instanceof Date && !isNaN(pool.creationTime), 'the client read creationTime as a date');
});

test('pool get: $select returns only the selected properties', async (c) => {
  const pool = await client.pool.get(ids.start, { poolGetOptions: { select: 'id,state' } });
  const body = c.json(pool._response, 'pools/@Element');
  c.equal(Object.keys(body).sort(), ['id', 'odata.metadata', 'state'], 'the properties of a $select=id,state answer');
});

test('pool list: $filter and $select', async (c) => {
  const result = await client.pool.list({ poolListOptions: { filter: `startswith(id,'node-') and endswith(id,'${run}')`, select: 'id,vmSize' } });
  c.status(result._response, 200, 'GET /pools');
  const body = c.json(result._response, 'pools');
  const listed = (body.value || []).map((p) => p.id).sort();
  c.equal(listed, [ids.auto, ids.container, ids.low, ids.start].sort(), 'the pools of the filter');
  c.check((body.value || []).every((p) => Object.keys(p).sort().join() === 'id,vmSize'), `each pool should carry only id and vmSize: ${JSON.stringify(body.value)}`);
});

test('pool list: a maxresults below 1 is 400 InvalidQueryParameterValue', async (c) => {
  // The client refuses -5 itself, so this goes through its pipeline (signing included) as the recorded call did.
  const response = await client.sendRequest({ method: 'GET', url: `${batchUrl}/pools?api-version=${encodeURIComponent(client.apiVersion)}&maxresults=-5` });
  c.status(response, 400, 'GET /pools?maxresults=-5');
  const body = c.json(response, 'Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element', 'BatchError');
  c.equal(body.code, 'InvalidQueryParameterValue', 'error code');
  const values = Object.fromEntries((body.values || []).map((v) => [v.key, v.value]));
  c.equal(values, { QueryParameterName: 'maxresults', QueryParameterValue: '-5', Reason: 'MaxResults cannot be less than 1' }, 'error values');
});

test('pool exists: true for a pool, false for a missing one', async (c) => {
  const present = await client.pool.exists(ids.start);
  c.equal(present.body, true, 'exists(pool)');
  c.status(present._response, 200, 'HEAD /pools/{id}');
  c.check(etagOf(present._response), 'HEAD /pools/{id}: no ETag header');
  const absent = await client.pool.exists(ids.missing);
  c.equal(absent.body, false, 'exists(missing)');
  c.status(absent._response, 404, 'HEAD /pools/{missing}');
  c.noBody(absent._response, 'HEAD /pools/{missing} (observation 8)');
});

test('pool patch: metadata', async (c) => {
  const before = await client.pool.get(ids.start);
  const result = await client.pool.patch(ids.start, { metadata: [{ name: 'stage', value: 'patched' }] });
  c.status(result._response, 200, 'PATCH /pools/{id}');
  c.noBody(result._response, 'PATCH /pools/{id}');
  c.check(etagOf(result._response) && etagOf(result._response) !== before.eTag, 'PATCH should answer a new ETag');
  const after = await client.pool.get(ids.start);
  const body = c.json(after._response, 'pools/@Element', 'CloudPool');
  c.equal(body.metadata, [{ name: 'stage', value: 'patched' }], 'metadata after the patch (the JS 2023 recording)');
  c.equal(body.startTask && body.startTask.environmentSettings, [{ name: 'STAGE', value: 'one' }], 'the start task a metadata patch leaves alone');
});

test('pool patch: a partial start task replaces the whole start task', async (c) => {
  const result = await client.pool.patch(ids.start, { startTask: { commandLine: 'new_value' } });
  c.status(result._response, 200, 'PATCH /pools/{id}');
  const after = await client.pool.get(ids.start, { poolGetOptions: { select: 'startTask' } });
  const body = c.json(after._response, 'pools/@Element');
  const startTask = body.startTask || {};
  // Observation 11: the sent command line, the rest back at its defaults.
  c.equal(startTask.commandLine, 'new_value', 'startTask.commandLine');
  c.equal(startTask.environmentSettings, undefined, 'startTask.environmentSettings (replaced)');
  if (startTask.userIdentity !== undefined) {
    c.equal(startTask.userIdentity, { autoUser: { scope: 'pool', elevationLevel: 'nonadmin' } }, 'startTask.userIdentity (back to the default)');
  }
});

test('pool update properties: replaces start task and metadata', async (c) => {
  const result = await client.pool.updateProperties(ids.start, {
    certificateReferences: [],
    applicationPackageReferences: [],
    metadata: [{ name: 'stage', value: 'replaced' }],
  });
  // Pool_UpdateProperties: 204 with no body (spec; the node-sdk recording).
  c.status(result._response, 204, 'POST /pools/{id}/updateproperties');
  c.noBody(result._response, 'updateproperties');
  c.check(etagOf(result._response), 'updateproperties: no ETag header');
  const after = await client.pool.get(ids.start);
  const body = c.json(after._response, 'pools/@Element', 'CloudPool');
  c.equal(body.metadata, [{ name: 'stage', value: 'replaced' }], 'metadata');
  // "If this element is not present, any existing StartTask is removed from the Pool" (spec).
  c.equal(body.startTask, undefined, 'startTask after an update without one');
});

test('pool resize: grows the pool', async (c) => {
  const result = await client.pool.resize(ids.start, { targetDedicatedNodes: 3, resizeTimeout: 'PT10M' });
  c.status(result._response, 202, 'POST /pools/{id}/resize');
  c.noBody(result._response, 'resize (observation 8)');
  c.check(etagOf(result._response), 'resize: no ETag header');
  const pool = await client.pool.get(ids.start);
  const body = c.json(pool._response, 'pools/@Element', 'CloudPool');
  c.equal(body.targetDedicatedNodes, 3, 'targetDedicatedNodes');
  c.equal(body.resizeTimeout, 'PT10M', 'resizeTimeout');
  const steady = await poolSteady(ids.start);
  c.equal(steady.currentDedicatedNodes, 3, 'currentDedicatedNodes once steady');
});

test('pool stop resize: stops a resize and says so in resizeErrors', async (c) => {
  const resize = await client.pool.resize(ids.low, { targetDedicatedNodes: 0, targetLowPriorityNodes: 40 });
  c.status(resize._response, 202, 'resize');
  const result = await client.pool.stopResize(ids.low);
  c.status(result._response, 202, 'POST /pools/{id}/stopresize');
  c.noBody(result._response, 'stopresize (observation 8)');
  const steady = await poolSteady(ids.low);
  c.equal(steady.allocationState, 'steady', 'allocationState after stopping');
  // Observation 7: a stopped resize that fell short reports ResizeStopped.
  if (steady.currentLowPriorityNodes < 40) {
    const codes = (steady.resizeErrors || []).map((e) => e.code);
    c.equal(codes, ['ResizeStopped'], 'resizeErrors codes');
    const message = ((steady.resizeErrors || [])[0] || {}).message;
    c.equal(message, 'Desired number of low priority nodes could not be allocated due to a stop resize operation', 'the ResizeStopped message');
  }
  const body = c.json((await client.pool.get(ids.low))._response, 'pools/@Element', 'CloudPool');
  c.equal(body.targetLowPriorityNodes, 40, 'targetLowPriorityNodes stays as asked (observation 7)');
});

test('pool resize: an empty body on a missing pool is 400 MissingRequiredProperty', async (c) => {
  // Observation 9: the body is validated before the pool's existence.
  const error = await c.rejects(() => client.pool.resize(ids.missing, {}), 'resizing a missing pool with {}');
  c.serviceError(error, 400, 'MissingRequiredProperty', { PropertyName: 'targetDedicatedNodes and/or targetLowPriorityNodes' });
});

test('pool resize: a missing pool is 404 PoolNotFound', async (c) => {
  const error = await c.rejects(() => client.pool.resize(ids.missing, { targetDedicatedNodes: 1 }), 'resizing a missing pool');
  c.serviceError(error, 404, 'PoolNotFound');
});

test('autoscale evaluate: a formula', async (c) => {
  const result = await client.pool.evaluateAutoScale(ids.auto, '$TargetDedicatedNodes=3');
  c.status(result._response, 200, 'POST /pools/{id}/evaluateautoscale');
  const body = c.json(result._response, 'Microsoft.Azure.Batch.Protocol.Entities.AutoScaleRun', 'AutoScaleRun');
  // Observation 3: both targets, in this order, no spaces.
  c.equal(body.results, '$TargetDedicatedNodes=3;$TargetLowPriorityNodes=0;$NodeDeallocationOption=requeue', 'results');
  c.check(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(body.timestamp || ''), `timestamp should be UTC ISO-8601, got ${body.timestamp}`);
  c.equal(body.error, undefined, 'error');
  c.check(result.timestamp instanceof Date, 'the client read timestamp as a date');
});

test('autoscale evaluate: an undefined symbol is a 200 run with the error', async (c) => {
  // The formula the JS and .NET SDK tests sent to the live service (2024-02-01.19.0, 2025-06-01).
  const result = await client.pool.evaluateAutoScale(ids.auto, '$something_useless');
  c.status(result._response, 200, 'evaluateautoscale of an undefined symbol (observation 1)');
  const body = c.json(result._response, 'Microsoft.Azure.Batch.Protocol.Entities.AutoScaleRun', 'AutoScaleRun');
  const error = body.error || {};
  c.equal(error.code, 'AutoScalingFormulaEvaluationError', 'error.code');
  c.equal(error.message, 'The specified auto-scaling formula has evaluation error', 'error.message');
  c.equal(error.values, [{ name: 'Message', value: 'Line 1, Col 1: Undefined symbol: $something_useless' }], 'error.values');
  // Observation 2: the results hold the pool's current values.
  const pool = await client.pool.get(ids.auto);
  c.equal(body.results, `$TargetDedicatedNodes=${pool.targetDedicatedNodes};$TargetLowPriorityNodes=${pool.targetLowPriorityNodes};$NodeDeallocationOption=requeue`, 'results');
});

test('autoscale enable: on a fixed-size pool', async (c) => {
  await poolSteady(ids.start);
  const result = await client.pool.enableAutoScale(ids.start, { autoScaleFormula: '$TargetDedicatedNodes=2;', autoScaleEvaluationInterval: 'PT6M' });
  // Observation 5: 200, no body, a new ETag; the interval is stored and echoed as sent.
  c.status(result._response, 200, 'POST /pools/{id}/enableautoscale');
  c.noBody(result._response, 'enableautoscale');
  c.check(etagOf(result._response), 'enableautoscale: no ETag header');
  const pool = await client.pool.get(ids.start);
  const body = c.json(pool._response, 'pools/@Element', 'CloudPool');
  c.equal(body.enableAutoScale, true, 'enableAutoScale');
  c.equal(body.autoScaleFormula, '$TargetDedicatedNodes=2;', 'autoScaleFormula');
  c.equal(body.autoScaleEvaluationInterval, 'PT6M', 'autoScaleEvaluationInterval');
  // Observation 6 (2025): the targets follow the formula at once.
  c.equal(body.targetDedicatedNodes, 2, 'targetDedicatedNodes after enabling');
});

test('autoscale disable: the pool keeps its targets and loses its formula', async (c) => {
  const result = await client.pool.disableAutoScale(ids.start);
  c.status(result._response, 200, 'POST /pools/{id}/disableautoscale');
  c.noBody(result._response, 'disableautoscale (observation 8)');
  const pool = await client.pool.get(ids.start);
  const body = c.json(pool._response, 'pools/@Element', 'CloudPool');
  c.equal(body.enableAutoScale, false, 'enableAutoScale');
  // Observation 6: formula, interval and run are absent once disabled.
  c.equal([body.autoScaleFormula, body.autoScaleEvaluationInterval, body.autoScaleRun], [undefined, undefined, undefined], 'autoScaleFormula, autoScaleEvaluationInterval, autoScaleRun');
  c.equal(body.targetDedicatedNodes, 2, 'targetDedicatedNodes');
});

test('nodes: list', async (c) => {
  await poolSteady(ids.start);
  const nodes = await poolIdle(ids.start);
  const result = await client.computeNode.list(ids.start);
  c.status(result._response, 200, 'GET /pools/{id}/nodes');
  const body = c.json(result._response, 'nodes');
  c.equal((body.value || []).length, nodes.length, 'the number of nodes');
  for (const node of body.value || []) {
    c.schema('ComputeNode', node);
    c.equal(node.url, `${batchUrl}/pools/${ids.start}/nodes/${node.id}`, 'node url');
    c.equal(node.schedulingState, 'enabled', 'schedulingState');
    c.equal(node.isDedicated, true, 'isDedicated');
    c.equal(node.vmSize, 'standard_d2s_v3', 'vmSize');
  }
  const filtered = await client.computeNode.list(ids.start, { computeNodeListOptions: { filter: "state eq 'idle'", select: 'id,state' } });
  const filteredBody = c.json(filtered._response, 'nodes');
  c.check((filteredBody.value || []).every((n) => n.state === 'idle' && Object.keys(n).sort().join() === 'id,state'), `$filter=state eq 'idle' with $select=id,state: ${JSON.stringify(filteredBody.value)}`);
});

test('nodes: get', async (c) => {
  const [first] = [...await client.computeNode.list(ids.start)];
  const node = await client.computeNode.get(ids.start, first.id);
  c.status(node._response, 200, 'GET /pools/{id}/nodes/{nodeId}');
  const body = c.json(node._response, 'nodes/@Element', 'ComputeNode');
  c.equal(body.id, first.id, 'id');
  c.check(node.stateTransitionTime instanceof Date, 'the client read stateTransitionTime as a date');
  const error = await c.rejects(() => client.computeNode.get(ids.start, 'tvmps_missing_d'), 'getting a missing node');
  c.serviceError(error, 404, 'NodeNotFound');
});

test('node counts: per pool and state', async (c) => {
  await poolIdle(ids.container);
  const result = await client.account.listPoolNodeCounts({ accountListPoolNodeCountsOptions: { filter: `poolId eq '${ids.container}'` } });
  c.status(result._response, 200, 'GET /nodecounts');
  const body = c.json(result._response, 'poolnodecounts');
  const states = ['creating', 'idle', 'leavingPool', 'offline', 'preempted', 'rebooting', 'reimaging', 'running', 'starting', 'startTaskFailed', 'unusable', 'unknown', 'waitingForStartTask', 'total'];
  c.equal((body.value || []).map((v) => v.poolId), [ids.container], 'the pools counted');
  const counts = (body.value || [])[0] || {};
  c.schema('PoolNodeCounts', counts);
  // Every state is written, zero or not (node-sdk and JS recordings; newer versions add states).
  for (const kind of ['dedicated', 'lowPriority']) {
    const missing = states.filter((s) => !(s in (counts[kind] || {})));
    c.equal(missing, [], `the states missing from the ${kind} counts`);
  }
  c.equal([(counts.dedicated || {}).idle, (counts.dedicated || {}).total], [1, 1], 'dedicated idle and total');
});

test('supported images: list', async (c) => {
  const result = await client.account.listSupportedImages();
  c.status(result._response, 200, 'GET /supportedimages');
  const body = c.json(result._response, 'supportedimages');
  c.check((body.value || []).length > 0, 'no supported images');
  for (const image of body.value || []) c.schema('ImageInformation', image);
  c.check((body.value || []).some((i) => i.nodeAgentSKUId === vm.nodeAgentSKUId && i.imageReference.offer === vm.imageReference.offer), 'the image the pools use is not listed');
  const filtered = await client.account.listSupportedImages({ accountListSupportedImagesOptions: { filter: "osType eq 'linux'" } });
  c.check([...filtered].every((i) => i.osType === 'linux'), "$filter=osType eq 'linux' returned other images");
});

/**
 * The start task's stdout.txt on a node of the start-task pool that ran it (nodes that joined after the start task
 * was removed have none): a path with a '/' the client encodes as %2F.
 */
async function startupFile() {
  for (const node of [...await client.computeNode.list(ids.start)].sort((a, b) => a.allocationTime - b.allocationTime)) {
    const files = [...await client.file.listFromComputeNode(ids.start, node.id, { recursive: true })];
    const file = files.find((f) => f.name === 'startup/stdout.txt');
    if (file) return { node, file };
  }
  return {};
}

test('node files: list recursively', async (c) => {
  const { node } = await startupFile();
  if (!c.check(node, 'no node of the start-task pool lists startup/stdout.txt')) return;
  const result = await client.file.listFromComputeNode(ids.start, node.id, { recursive: true });
  c.status(result._response, 200, 'GET /pools/{id}/nodes/{nodeId}/files');
  const body = c.json(result._response, 'files');
  const names = (body.value || []).map((f) => f.name);
  // A node that ran a start task holds its output (the node-sdk recordings list startup/stdout.txt and stderr.txt).
  for (const name of ['startup', 'startup/stdout.txt', 'startup/stderr.txt']) c.check(names.includes(name), `the node's files should include ${name}: ${names.join(', ')}`);
  for (const file of body.value || []) {
    c.schema('NodeFile', file);
    c.equal(file.url, `${batchUrl}/pools/${ids.start}/nodes/${node.id}/files/${file.name}`, 'file url');
    if (!file.isDirectory) c.check(file.properties && file.properties.contentLength !== undefined, `${file.name}: a file should carry its properties`);
  }
});


test('node files: get a file by a path with a slash', async (c) => {
  const { node, file } = await startupFile();
  if (!c.check(file, 'no startup/stdout.txt to read')) return;
  const result = await client.file.getFromComputeNode(ids.start, node.id, file.name);
  c.check(result._response.request.url.includes('/files/startup%2F'), `the client should send the path encoded: ${result._response.request.url}`);
  c.status(result._response, 200, `GET .../files/${file.name} (the node-sdk recording: 200)`);
  const text = await streamText(result.readableStreamBody);
  c.equal(Buffer.byteLength(text), file.properties.contentLength, 'the bytes read (the listed contentLength)');
  c.equal(result.ocpBatchFileIsdirectory, false, 'ocp-batch-file-isdirectory');
  c.check(result.ocpCreationTime instanceof Date && !isNaN(result.ocpCreationTime), 'ocp-creation-time should be a date');
});

test('node files: properties of a file by a path with a slash', async (c) => {
  const { node, file } = await startupFile();
  if (!c.check(file, 'no startup/stdout.txt to read')) return;
  const result = await client.file.getPropertiesFromComputeNode(ids.start, node.id, file.name);
  c.status(result._response, 200, `HEAD .../files/${file.name}`);
  c.noBody(result._response, 'HEAD');
  c.equal(Number(result._response.headers.get('content-length')), file.properties.contentLength, 'Content-Length');
  c.equal(result._response.headers.get('content-type'), 'text/plain', 'Content-Type of a .txt file (node-sdk recordings from 2018-12-01.8.0 on)');
  c.equal(result.ocpBatchFileIsdirectory, false, 'ocp-batch-file-isdirectory');
  c.check(result.lastModified instanceof Date && !isNaN(result.lastModified), 'Last-Modified should be a date');
  c.check((result.ocpBatchFileUrl || '').length > 0, 'ocp-batch-file-url should be set');
});

test('node files: delete a file by a path with a slash', async (c) => {
  const { node, file } = await startupFile();
  if (!c.check(file, 'no startup/stdout.txt to delete')) return;
  const result = await client.file.deleteFromComputeNode(ids.start, node.id, file.name);
  // File_DeleteFromComputeNode: 200 (spec; the node-sdk recording of startup%2Fwd%2Fhello.txt).
  c.status(result._response, 200, `DELETE .../files/${file.name}`);
  const gone = await client.file.getPropertiesFromComputeNode(ids.start, node.id, file.name).then((r) => r._response.status, (e) => e.statusCode);
  c.equal(gone, 404, 'HEAD after the delete');
});

/**
 * A node told to reboot or reimage goes through that state (or, on a slow machine, is already past it: starting
 * again, or idle with a new lastBootTime) and comes back idle having booted again.
 */
async function judgeRestart(c, before, state) {
  const booted = (n) => n.lastBootTime instanceof Date && (!before.lastBootTime || n.lastBootTime > before.lastBootTime);
  const during = await client.computeNode.get(ids.start, before.id);
  c.check([state, 'starting', 'waitingforstarttask'].includes(during.state) || (during.state === 'idle' && booted(during)),
    `state at once after the request: ${during.state} (expected ${state} or a later step of booting)`);
  const after = await until(() => client.computeNode.get(ids.start, before.id), (n) => n.state === 'idle' && booted(n));
  c.equal(after.state, 'idle', `state once done ${state}`);
  c.check(booted(after), `lastBootTime should move past ${before.lastBootTime && before.lastBootTime.toISOString()}, got ${after.lastBootTime && after.lastBootTime.toISOString()}`);
}

test('node reboot: the node reboots and comes back', async (c) => {
  const [node] = [...await client.computeNode.list(ids.start)];
  const result = await client.computeNode.reboot(ids.start, node.id, { nodeRebootOption: 'terminate' });
  c.status(result._response, 202, 'POST .../nodes/{nodeId}/reboot');
  c.noBody(result._response, 'reboot');
  await judgeRestart(c, node, 'rebooting');
});

test('node reimage: the node reimages and comes back', async (c) => {
  const nodes = [...await client.computeNode.list(ids.start)];
  const node = nodes[nodes.length - 1];
  const result = await client.computeNode.reimage(ids.start, node.id, { nodeReimageOption: 'requeue' });
  c.status(result._response, 202, 'POST .../nodes/{nodeId}/reimage');
  c.noBody(result._response, 'reimage');
  await judgeRestart(c, node, 'reimaging');
});

test('remove nodes: the pool shrinks by the nodes named', async (c) => {
  const nodes = await poolIdle(ids.start);
  const removed = nodes[0].id;
  const result = await client.pool.removeNodes(ids.start, { nodeList: [removed], nodeDeallocationOption: 'taskcompletion' });
  c.status(result._response, 202, 'POST /pools/{id}/removenodes');
  c.noBody(result._response, 'removenodes');
  c.check(etagOf(result._response), 'removenodes: no ETag header');
  const pool = await client.pool.get(ids.start);
  c.equal(pool.targetDedicatedNodes, nodes.length - 1, 'targetDedicatedNodes');
  // Resizing until the node has left (about a second here; a slow machine may already see it steady).
  c.check(pool.allocationState === 'resizing' || (pool.allocationState === 'steady' && pool.currentDedicatedNodes === nodes.length - 1),
    `allocationState at once: ${pool.allocationState} with ${pool.currentDedicatedNodes} nodes`);
  const steady = await poolSteady(ids.start);
  c.equal(steady.currentDedicatedNodes, nodes.length - 1, 'currentDedicatedNodes once steady');
  const left = [...await client.computeNode.list(ids.start)].map((n) => n.id);
  c.check(!left.includes(removed), `the removed node ${removed} is still listed`);
});

// ---- jobs and tasks --------------------------------------------------------------------------------------------
// Statuses and headers as the spec lists them; bodies as the recorded service answered (node-sdk 2020-09-01.12.0 and
// batch-cli-ext 2022-01-01.15.0 job and task recordings: job add 201, patch and update 200, terminate 202, delete 202,
// task add 201, addtaskcollection 200 with a result per task, task terminate 204, task delete 200).

/** A write the spec answers with no body and the resource's ETag, Last-Modified, DataServiceId and request-id. */
function written(c, response, status, what, url) {
  c.status(response, status, what);
  c.noBody(response, what);
  c.check(etagOf(response), `${what}: no ETag header`);
  c.check(response.headers.get('last-modified'), `${what}: no Last-Modified header`);
  c.equal(response.headers.get('dataserviceid'), url, `${what}: DataServiceId`);
  c.check(response.headers.get('request-id'), `${what}: no request-id header`);
}

const jobUrl = (id) => `${batchUrl}/jobs/${id}`;
const taskUrl = (jobId, taskId) => `${jobUrl(jobId)}/tasks/${taskId}`;
/** What the service echoes for a duration without limit (TimeSpan.MaxValue; every recorded job and task shows it). */
const unlimited = 'P10675199DT2H48M5.4775807S';
/** A simulated task's run time and exit code, from its environment settings (the emulator's documented switches). */
const simulated = (duration, exitCode = 0) => [
  { name: 'CHPC_EMULATOR_TASK_DURATION', value: duration },
  { name: 'CHPC_EMULATOR_TASK_EXIT_CODE', value: String(exitCode) },
];
const getTask = (id) => client.task.get(ids.job, id);
const taskDone = (jobId, id) => until(() => client.task.get(jobId, id), (t) => t.state === 'completed');

test('job add: a job on a pool', async (c) => {
  await client.pool.add({ id: ids.jobPool, vmSize: 'standard_d2s_v3', virtualMachineConfiguration: vm, targetDedicatedNodes: 1, taskSlotsPerNode: 2 });
  const result = await client.job.add({
    id: ids.job,
    poolInfo: { poolId: ids.jobPool },
    priority: 100,
    constraints: { maxTaskRetryCount: 1 },
    commonEnvironmentSettings: [{ name: 'STAGE', value: 'jobs' }],
    metadata: [{ name: 'owner', value: 'node-suite' }],
  });
  written(c, result._response, 201, 'POST /jobs', jobUrl(ids.job));
  const again = await c.rejects(() => client.job.add({ id: ids.job, poolInfo: { poolId: ids.jobPool } }), 'adding a job twice');
  const body = c.serviceError(again, 409, 'JobExists', null);
  c.check(/^The specified job already exists\.\n/.test((body.message || {}).value || ''), `JobExists message: ${JSON.stringify(body.message)}`);
});

test('job get: the job with the defaults the service echoes', async (c) => {
  const job = await client.job.get(ids.job);
  c.status(job._response, 200, 'GET /jobs/{id}');
  const body = c.json(job._response, 'jobs/@Element', 'CloudJob');
  c.equal(etagOf(job._response), body.eTag, 'the ETag header (the body eTag)');
  c.equal([body.id, body.url, body.state], [ids.job, jobUrl(ids.job), 'active'], 'id, url and state');
  c.equal(body.priority, 100, 'priority');
  // Recorded (batch-cli-ext 2022): maxParallelTasks -1, usesTaskDependencies and allowTaskPreemption false, an
  // unlimited maxWallClockTime, and noaction for both completion settings when the add named neither.
  c.equal([body.maxParallelTasks, body.usesTaskDependencies, body.allowTaskPreemption], [-1, false, false], 'maxParallelTasks, usesTaskDependencies, allowTaskPreemption');
  c.equal(body.constraints, { maxWallClockTime: unlimited, maxTaskRetryCount: 1 }, 'constraints');
  c.equal(body.poolInfo, { poolId: ids.jobPool }, 'poolInfo');
  c.equal((body.executionInfo || {}).poolId, ids.jobPool, 'executionInfo.poolId');
  c.check(!isNaN(Date.parse((body.executionInfo || {}).startTime)), 'executionInfo.startTime should be a time');
  c.equal([body.onAllTasksComplete, body.onTaskFailure], ['noaction', 'noaction'], 'onAllTasksComplete, onTaskFailure');
  c.equal(body.commonEnvironmentSettings, [{ name: 'STAGE', value: 'jobs' }], 'commonEnvironmentSettings');
  c.equal(body.metadata, [{ name: 'owner', value: 'node-suite' }], 'metadata');
  const error = await c.rejects(() => client.job.get(`no-such-job-${run}`), 'getting a missing job');
  const missing = c.serviceError(error, 404, 'JobNotFound', null);
  c.check(/^The specified job does not exist\.\n/.test((missing.message || {}).value || ''), `JobNotFound message: ${JSON.stringify(missing.message)}`);
});

test('job list: $filter and $select', async (c) => {
  const result = await client.job.list({ jobListOptions: { filter: `id eq '${ids.job}'` } });
  c.status(result._response, 200, 'GET /jobs');
  const body = c.json(result._response, 'jobs');
  c.equal((body.value || []).map((j) => j.id), [ids.job], `the jobs $filter=id eq '${ids.job}' lists`);
  for (const job of body.value || []) c.schema('CloudJob', job);
  const selected = await client.job.list({ jobListOptions: { filter: "state eq 'active'", select: 'id,state' } });
  const selectedBody = c.json(selected._response, 'jobs');
  c.check((selectedBody.value || []).some((j) => j.id === ids.job), `$filter=state eq 'active' should list ${ids.job}`);
  c.check((selectedBody.value || []).every((j) => j.state === 'active' && Object.keys(j).sort().join() === 'id,state'), `$select=id,state: ${JSON.stringify(selectedBody.value)}`);
});

test('job patch: changes what it names and keeps the rest', async (c) => {
  const before = await client.job.get(ids.job);
  const result = await client.job.patch(ids.job, { priority: 200, maxParallelTasks: 4 });
  written(c, result._response, 200, 'PATCH /jobs/{id}', jobUrl(ids.job));
  c.check(etagOf(result._response) !== before.eTag, 'the ETag should change');
  const body = c.json((await client.job.get(ids.job))._response, 'jobs/@Element', 'CloudJob');
  c.equal([body.priority, body.maxParallelTasks], [200, 4], 'priority and maxParallelTasks');
  c.equal(body.constraints, { maxWallClockTime: unlimited, maxTaskRetryCount: 1 }, 'constraints (not named: unchanged)');
  c.equal(body.metadata, [{ name: 'owner', value: 'node-suite' }], 'metadata (not named: unchanged)');
  c.equal(body.eTag, etagOf(result._response), 'the eTag the patch answered');
});

test('job update: replaces every updatable property', async (c) => {
  const result = await client.job.update(ids.job, { poolInfo: { poolId: ids.jobPool }, priority: 50 });
  written(c, result._response, 200, 'PUT /jobs/{id}', jobUrl(ids.job));
  const body = c.json((await client.job.get(ids.job))._response, 'jobs/@Element', 'CloudJob');
  // JobUpdateParameter: what the update leaves out goes back to its default (constraints cleared, metadata emptied).
  c.equal(body.priority, 50, 'priority');
  c.equal(body.maxParallelTasks, -1, 'maxParallelTasks (left out: -1)');
  c.equal(body.constraints, { maxWallClockTime: unlimited, maxTaskRetryCount: 0 }, 'constraints (left out: cleared)');
  c.equal(body.metadata, undefined, 'metadata (left out: emptied)');
  c.equal(body.onAllTasksComplete, 'noaction', 'onAllTasksComplete (left out: noaction)');
  c.equal(body.commonEnvironmentSettings, [{ name: 'STAGE', value: 'jobs' }], 'commonEnvironmentSettings (not updatable: kept)');
  // JobUpdateParameter.poolInfo: the pool changes only while the job is disabled (the spec gives no code for the refusal).
  const error = await c.rejects(() => client.job.update(ids.job, { poolInfo: { poolId: ids.start } }), 'moving an enabled job to another pool');
  c.check(error && error.statusCode >= 400 && error.statusCode < 500, `moving an enabled job: expected a client error, got ${describe(error)}`);
});

test('task add: a task, and the same id again is 409 TaskExists', async (c) => {
  await poolIdle(ids.jobPool);
  const result = await client.task.add(ids.job, { id: 'sleeper', commandLine: '/bin/sleep 600', environmentSettings: simulated('10m') });
  written(c, result._response, 201, 'POST /jobs/{id}/tasks', taskUrl(ids.job, 'sleeper'));
  const again = await c.rejects(() => client.task.add(ids.job, { id: 'sleeper', commandLine: '/bin/true' }), 'adding a task twice');
  const body = c.serviceError(again, 409, 'TaskExists', null);
  c.check(/^The specified task already exists\.\n/.test((body.message || {}).value || ''), `TaskExists message: ${JSON.stringify(body.message)}`);
});

test('task addCollection: a result per task, with TaskExists for one already added', async (c) => {
  const result = await client.task.addCollection(ids.job, [
    { id: 'sleeper', commandLine: '/bin/sleep 600' },
    { id: 'quick-1', commandLine: '/bin/echo one', environmentSettings: simulated('1s') },
    { id: 'quick-2', commandLine: '/bin/false', environmentSettings: simulated('1s', 3) },
    { id: 'wide', commandLine: '/bin/echo wide', requiredSlots: 2, environmentSettings: simulated('1s') },
  ]);
  c.status(result._response, 200, 'POST /jobs/{id}/addtaskcollection');
  const body = c.json(result._response, 'taskaddresult', 'TaskAddCollectionResult');
  const byId = Object.fromEntries((body.value || []).map((r) => [r.taskId, r]));
  c.equal(Object.keys(byId).sort(), ['quick-1', 'quick-2', 'sleeper', 'wide'], 'the tasks with a result');
  for (const id of ['quick-1', 'quick-2', 'wide']) {
    const r = byId[id] || {};
    // The spec's enum is lowercase; the service writes "Success" (every recording, 2016 to 2022): the client compares without case.
    c.equal(r.status, 'Success', `${id}: status`);
    c.equal(r.location, taskUrl(ids.job, id), `${id}: location`);
    c.check(r.eTag && !isNaN(Date.parse(r.lastModified)), `${id}: eTag and lastModified, got ${JSON.stringify(r)}`);
  }
  const exists = byId.sleeper || {};
  c.equal(exists.status, 'ClientError', 'sleeper: status');
  c.equal(exists['error@odata.navigationLinkUrl'], taskUrl(ids.job, 'sleeper') + '/error', 'sleeper: the link to its error');
  c.check(/\nRequestId:[0-9a-f-]{36}\nTime:/.test(((exists.error || {}).message || {}).value), `sleeper: the message ends with the request id and time, got ${JSON.stringify(exists.error)}`);
  c.equal([(exists.error || {}).code, ((exists.error || {}).message || {}).lang], ['TaskExists', 'en-US'], 'sleeper: error code and message language');
  c.equal(exists.eTag, undefined, 'sleeper: no eTag for a task not added');
});

test('task get: a running task, its node and $select', async (c) => {
  const running = await until(() => getTask('sleeper'), (t) => t.state === 'running');
  const task = await getTask('sleeper');
  c.status(task._response, 200, 'GET /jobs/{id}/tasks/{taskId}');
  const body = c.json(task._response, 'tasks/@Element', 'CloudTask');
  c.equal(etagOf(task._response), body.eTag, 'the ETag header (the body eTag)');
  c.equal([running.state, body.state, body.previousState], ['running', 'running', 'active'], 'state and previousState');
  c.equal([body.url, body.commandLine, body.requiredSlots], [taskUrl(ids.job, 'sleeper'), '/bin/sleep 600', 1], 'url, commandLine, requiredSlots');
  // Recorded (batch-cli-ext 2022): the pool's non-admin auto-user, an unlimited wall clock, retries from the job.
  c.equal(body.userIdentity, { autoUser: { scope: 'pool', elevationLevel: 'nonadmin' } }, 'userIdentity');
  c.equal([(body.constraints || {}).maxWallClockTime, (body.constraints || {}).retentionTime], [unlimited, 'P7D'], 'maxWallClockTime and retentionTime');
  const execution = body.executionInfo || {};
  c.equal([execution.retryCount, execution.requeueCount], [0, 0], 'executionInfo retryCount and requeueCount');
  c.check(!isNaN(Date.parse(execution.startTime)), `executionInfo.startTime: ${JSON.stringify(execution.startTime)}`);
  const node = body.nodeInfo || {};
  c.equal(node.poolId, ids.jobPool, 'nodeInfo.poolId');
  c.equal(node.nodeUrl, `${batchUrl}/pools/${ids.jobPool}/nodes/${node.nodeId}`, 'nodeInfo.nodeUrl');
  c.equal(node.taskRootDirectory, `workitems/${ids.job}/job-1/sleeper`, 'nodeInfo.taskRootDirectory');
  const selected = await client.task.get(ids.job, 'sleeper', { taskGetOptions: { select: 'id,state' } });
  const selectedBody = c.json(selected._response, 'tasks/@Element');
  c.equal(Object.keys(selectedBody).filter((k) => k !== 'odata.metadata').sort(), ['id', 'state'], '$select=id,state');
  const error = await c.rejects(() => getTask('no-such-task'), 'getting a missing task');
  const missing = c.serviceError(error, 404, 'TaskNotFound', null);
  c.check(/^The specified task does not exist\.\n/.test((missing.message || {}).value || ''), `TaskNotFound message: ${JSON.stringify(missing.message)}`);
});

test('task list: $filter and $select, exit codes and failure info', async (c) => {
  await taskDone(ids.job, 'quick-2');
  await taskDone(ids.job, 'quick-1');
  const all = await client.task.list(ids.job);
  c.status(all._response, 200, 'GET /jobs/{id}/tasks');
  const allBody = c.json(all._response, 'tasks');
  c.equal((allBody.value || []).map((t) => t.id).sort(), ['quick-1', 'quick-2', 'sleeper', 'wide'], 'the tasks listed');
  for (const task of allBody.value || []) c.schema('CloudTask', task);
  const result = await client.task.list(ids.job, { taskListOptions: { filter: "state eq 'completed'", select: 'id,state,executionInfo' } });
  const body = c.json(result._response, 'tasks');
  const byId = Object.fromEntries((body.value || []).map((t) => [t.id, t]));
  c.equal(Object.keys(byId).sort(), ['quick-1', 'quick-2'], "the tasks $filter=state eq 'completed' lists");
  c.check((body.value || []).every((t) => Object.keys(t).sort().join() === 'executionInfo,id,state'), `$select=id,state,executionInfo: ${JSON.stringify(body.value)}`);
  const ok = (byId['quick-1'] || {}).executionInfo || {};
  c.equal([ok.exitCode, ok.result, ok.failureInfo], [0, 'success', undefined], 'quick-1: exitCode, result, failureInfo');
  // The job's retries were cleared by the update: quick-2 fails at its first exit.
  const failed = (byId['quick-2'] || {}).executionInfo || {};
  c.equal([failed.exitCode, failed.result, failed.retryCount], [3, 'failure', 0], 'quick-2: exitCode, result, retryCount');
  c.equal([(failed.failureInfo || {}).category, (failed.failureInfo || {}).code], ['UserError', 'FailureExitCode'], 'quick-2: failureInfo category and code');
});

test('job getTaskCounts: tasks and slots by state', async (c) => {
  const result = await client.job.getTaskCounts(ids.job);
  c.status(result._response, 200, 'GET /jobs/{id}/taskcounts');
  const body = c.json(result._response, 'taskcountsresult/@Element', 'TaskCountsResult');
  // sleeper runs (1 slot); wide (2 slots) waits for the slot sleeper holds on the 2-slot node; quick-1 and quick-2 ended.
  c.equal(body.taskCounts, { active: 1, running: 1, completed: 2, succeeded: 1, failed: 1 }, 'taskCounts');
  c.equal(body.taskSlotCounts, { active: 2, running: 1, completed: 2, succeeded: 1, failed: 1 }, 'taskSlotCounts');
});

test('task files: list the files of a task that ran', async (c) => {
  const result = await client.file.listFromTask(ids.job, 'quick-1');
  c.status(result._response, 200, 'GET /jobs/{id}/tasks/{taskId}/files');
  const body = c.json(result._response, 'files');
  // The node-sdk recording (2020-09-01.12.0): stderr.txt, stdout.txt and the wd directory, files with their properties.
  c.equal((body.value || []).map((f) => f.name), ['stderr.txt', 'stdout.txt', 'wd'], 'the names listed');
  for (const file of body.value || []) {
    c.schema('NodeFile', file);
    c.equal(file.url, `${taskUrl(ids.job, 'quick-1')}/files/${file.name}`, `${file.name}: url`);
    if (file.isDirectory) c.equal(file.properties, undefined, `${file.name}: a directory has no properties`);
    else c.check(file.properties && file.properties.contentLength !== undefined && file.properties.contentType === 'text/plain', `${file.name}: properties ${JSON.stringify(file.properties)}`);
  }
});

test('task files: get stdout.txt', async (c) => {
  const [listed] = [...await client.file.listFromTask(ids.job, 'quick-1')].filter((f) => f.name === 'stdout.txt');
  if (!c.check(listed, 'stdout.txt is not listed')) return;
  const result = await client.file.getFromTask(ids.job, 'quick-1', 'stdout.txt');
  c.status(result._response, 200, 'GET .../files/stdout.txt');
  c.equal(result._response.headers.get('content-type'), 'text/plain', 'Content-Type (the node-sdk recording)');
  const text = await streamText(result.readableStreamBody);
  c.equal(Buffer.byteLength(text), Number(listed.properties.contentLength), 'the bytes read (the listed contentLength)');
  c.equal(result.ocpBatchFileIsdirectory, false, 'ocp-batch-file-isdirectory');
  c.check(result.ocpCreationTime instanceof Date && !isNaN(result.ocpCreationTime), 'ocp-creation-time should be a date');
  c.equal(decodeURIComponent(result.ocpBatchFileUrl || ''), `${taskUrl(ids.job, 'quick-1')}/files/stdout.txt`, 'ocp-batch-file-url');
});

test('task files: properties of stdout.txt, and a missing file is 404', async (c) => {
  const result = await client.file.getPropertiesFromTask(ids.job, 'quick-1', 'stdout.txt');
  c.status(result._response, 200, 'HEAD .../files/stdout.txt');
  c.noBody(result._response, 'HEAD');
  c.equal(result._response.headers.get('content-type'), 'text/plain', 'Content-Type (the node-sdk recording)');
  c.check(result._response.headers.get('content-length') !== null, 'Content-Length should be set');
  c.equal(result.ocpBatchFileIsdirectory, false, 'ocp-batch-file-isdirectory');
  c.check(result.lastModified instanceof Date && !isNaN(result.lastModified), 'Last-Modified should be a date');
  // The xplat-cli recordings: HEAD of a missing task file is 404 with no body.
  const missing = await client.file.getPropertiesFromTask(ids.job, 'quick-1', 'no-such-file.txt').then((r) => r._response.status, (e) => e.statusCode);
  c.equal(missing, 404, 'HEAD of a missing file');
});

test('task terminate: a running task completes, failed with TaskEnded', async (c) => {
  const result = await client.task.terminate(ids.job, 'sleeper');
  written(c, result._response, 204, 'POST .../tasks/{taskId}/terminate', taskUrl(ids.job, 'sleeper'));
  const body = c.json((await getTask('sleeper'))._response, 'tasks/@Element', 'CloudTask');
  const execution = body.executionInfo || {};
  c.equal([body.state, execution.result], ['completed', 'failure'], 'state and executionInfo.result');
  c.equal([(execution.failureInfo || {}).category, (execution.failureInfo || {}).code], ['UserError', 'TaskEnded'], 'failureInfo category and code');
  const again = await c.rejects(() => client.task.terminate(ids.job, 'sleeper'), 'terminating a completed task');
  c.serviceError(again, 409, 'TaskCompleted');
});

test('task wait: a task runs for its CHPC_EMULATOR_TASK_DURATION and frees its slots', async (c) => {
  // The slot sleeper held is free: wide (2 slots) runs now.
  const wide = await taskDone(ids.job, 'wide');
  c.equal([wide.state, wide.executionInfo && wide.executionInfo.result], ['completed', 'success'], 'wide once sleeper ended');
  await client.task.add(ids.job, { id: 'timed', commandLine: '/bin/sleep 2', environmentSettings: simulated('PT2S') });
  const task = await taskDone(ids.job, 'timed');
  c.equal(task.state, 'completed', 'state');
  const ran = task.executionInfo && task.executionInfo.endTime - task.executionInfo.startTime;
  c.check(ran >= 2000 && ran < 4000, `it should run for its 2 s (its endTime less its startTime), ran ${ran} ms`);
  const counts = await client.job.getTaskCounts(ids.job);
  c.equal(counts.taskCounts, { active: 0, running: 0, completed: 5, succeeded: 3, failed: 2 }, 'taskCounts once all ended');
});

test('task delete: 200, then the task is gone', async (c) => {
  const result = await client.task.deleteMethod(ids.job, 'quick-1');
  c.status(result._response, 200, 'DELETE /jobs/{id}/tasks/{taskId}');
  c.noBody(result._response, 'DELETE /jobs/{id}/tasks/{taskId}');
  const error = await c.rejects(() => getTask('quick-1'), 'getting a deleted task');
  c.serviceError(error, 404, 'TaskNotFound');
});

test('job terminate: the job completes with the reason given', async (c) => {
  const result = await client.job.terminate(ids.job, { terminateReason: 'done here' });
  written(c, result._response, 202, 'POST /jobs/{id}/terminate', jobUrl(ids.job));
  // The service passes through terminating; the emulator may already be past it.
  const job = await until(() => client.job.get(ids.job), (j) => j.state === 'completed');
  const body = c.json(job._response, 'jobs/@Element', 'CloudJob');
  c.equal([body.state, (body.executionInfo || {}).terminateReason], ['completed', 'done here'], 'state and executionInfo.terminateReason');
  c.check(!isNaN(Date.parse((body.executionInfo || {}).endTime)), 'executionInfo.endTime should be a time');
  const error = await c.rejects(() => client.task.add(ids.job, { id: 'late', commandLine: '/bin/true' }), 'adding a task to a completed job');
  c.serviceError(error, 409, 'JobCompleted');
});

test('job onAllTasksComplete: terminatejob ends the job after its last task', async (c) => {
  const added = await client.job.add({ id: ids.finishing, poolInfo: { poolId: ids.jobPool } });
  c.status(added._response, 201, 'POST /jobs');
  await client.task.addCollection(ids.finishing, [1, 2, 3].map((i) => ({ id: `t${i}`, commandLine: '/bin/true', environmentSettings: simulated('1s') })));
  // Set once the tasks are in, as the service's documentation advises.
  const patched = await client.job.patch(ids.finishing, { onAllTasksComplete: 'terminatejob' });
  c.status(patched._response, 200, 'PATCH /jobs/{id}');
  const job = await until(() => client.job.get(ids.finishing), (j) => j.state === 'completed');
  c.equal([job.state, job.onAllTasksComplete, job.executionInfo && job.executionInfo.terminateReason], ['completed', 'terminatejob', 'AllTasksComplete'], 'state, onAllTasksComplete, terminateReason');
  const back = await c.rejects(() => client.job.patch(ids.finishing, { onAllTasksComplete: 'noaction' }), 'patching a completed job');
  c.serviceError(back, 409, 'JobCompleted');
});

test('job delete: 202, then deleting again is 409 JobBeingDeleted', async (c) => {
  const result = await client.job.deleteMethod(ids.job);
  c.status(result._response, 202, 'DELETE /jobs/{id}');
  c.noBody(result._response, 'DELETE /jobs/{id}');
  c.check(result._response.headers.get('request-id'), 'DELETE /jobs/{id}: no request-id header');
  const again = await c.rejects(() => client.job.deleteMethod(ids.job), 'deleting a job being deleted');
  // No recording holds this error's message; its code and envelope are the service's.
  c.serviceError(again, 409, 'JobBeingDeleted', null);
  const gone = await until(() => client.job.get(ids.job).then(() => 200, (e) => e.statusCode), (s) => s === 404);
  c.equal(gone, 404, 'GET once deleted');
  await client.job.deleteMethod(ids.finishing).catch(() => {});
});

test('pool get: a missing pool is 404 PoolNotFound', async (c) => {
  const error = await c.rejects(() => client.pool.get(ids.missing), 'getting a missing pool');
  // Observation 10: values are left out when there is nothing to add.
  c.serviceError(error, 404, 'PoolNotFound', null);
  const message = error && error.message && error.message.value;
  c.check(/^The specified pool does not exist\.\n/.test(String(message)), `PoolNotFound message: ${JSON.stringify(message)}`);
});

test('pool delete: 202, then deleting again is 409 PoolBeingDeleted', async (c) => {
  const result = await client.pool.deleteMethod(ids.auto);
  c.status(result._response, 202, 'DELETE /pools/{id}');
  c.noBody(result._response, 'DELETE /pools/{id}');
  const again = await c.rejects(() => client.pool.deleteMethod(ids.auto), 'deleting a pool being deleted');
  const body = c.serviceError(again, 409, 'PoolBeingDeleted', null);
  c.check(/^The specified pool has been marked for deletion and is being reclaimed\.\n/.test((body.message || {}).value || ''), `PoolBeingDeleted message: ${JSON.stringify(body.message)}`);
  const gone = await until(() => client.pool.exists(ids.auto), (r) => r.body === false);
  c.equal(gone.body, false, 'the pool once deleted');
  for (const id of [ids.start, ids.container, ids.low, ids.jobPool]) await client.pool.deleteMethod(id).catch(() => {});
});

test('errors: an unknown api-version is 400 InvalidQueryParameterValue', async (c) => {
  const response = await client.sendRequest({ method: 'GET', url: `${batchUrl}/pools?api-version=2099-01-01.99.0` });
  c.status(response, 400, 'GET /pools?api-version=2099-01-01.99.0');
  const body = c.json(response, 'Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element', 'BatchError');
  c.equal(body.code, 'InvalidQueryParameterValue', 'error code');
  const values = Object.fromEntries((body.values || []).map((v) => [v.key, v.value]));
  c.equal([values.QueryParameterName, values.QueryParameterValue], ['api-version', '2099-01-01.99.0'], 'error values');
});

// ---- running ---------------------------------------------------------------------------------------------------

async function main() {
  if (process.argv.includes('--list')) {
    for (const c of cases) console.log(c.name);
    return;
  }
  for (const { name, body } of cases) {
    const c = new Case();
    let timer;
    try {
      await Promise.race([
        body(c),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('the case did not finish within 30 s')), 30000); }),
      ]);
    } catch (e) {
      c.failures.push(`threw ${describe(e)}`);
    } finally {
      clearTimeout(timer);
    }
    process.stdout.write(JSON.stringify({ case: name, passed: c.failures.length === 0, failures: c.failures, bodies: c.bodies }) + '\n');
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});

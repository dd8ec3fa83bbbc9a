// Offline checks of `helm template` output: every document against the Kubernetes schemas
// (kubernetes-models), then Tasklog's own policies, then what each CI value set must have produced.
//
//   node check-rendered.mjs <rendered.yaml>...   (the file's base name picks the value-set expectations)
//
// Exits 1 with one line per problem.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseAllDocuments } from 'yaml';

const problems = [];
const fail = (where, message) => problems.push(`${where}: ${message}`);

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'Pod']);
const DASHBOARD_METRICS = [
  'tasklog_processor_lag_events', 'tasklog_dead_letters', 'tasklog_sse_streams_open',
  'tasklog_reminder_lateness_seconds_bucket', 'tasklog_kafka_publisher_lag_events',
  'http_server_requests_seconds', 'eventProcessor_', 'commandBus_', 'jvm_memory_used_bytes',
];

// What each CI value set (deploy/helm/tasklog/ci/*-values.yaml, or the defaults) must render.
const EXPECTATIONS = {
  default: (docs, where) => {
    expectCount(docs, 'StatefulSet', 2, where);
    expectCount(docs, 'Ingress', 2, where);
    expectEqual(appDeployment(docs)?.spec?.replicas, 2, `${where}: app replicas`);
    expectEqual(appConfig(docs)?.OTEL_SDK_DISABLED, 'true', `${where}: tracing off by default`);
    expectMatch(appConfig(docs)?.SPRING_DATASOURCE_URL, /^jdbc:postgresql:\/\/[a-z0-9-]+-postgresql:5432\/tasklog$/,
      `${where}: datasource URL of the in-cluster PostgreSQL`);
    expectMatch(appConfig(docs)?.SPRING_KAFKA_BOOTSTRAP_SERVERS, /^[a-z0-9-]+-redpanda:9092$/,
      `${where}: bootstrap servers of the in-cluster Redpanda`);
    expectCount(docs, 'ConfigMap', 2, where);
  },
  external: (docs, where) => {
    expectCount(docs, 'StatefulSet', 0, where);
    expectCount(docs, 'Secret', 0, where);
    expectEqual(appConfig(docs)?.SPRING_DATASOURCE_URL,
      'jdbc:postgresql://pg.databases.svc.cluster.local:5432/tasklog?sslmode=require', `${where}: datasource URL`);
    expectEqual(appConfig(docs)?.SPRING_KAFKA_BOOTSTRAP_SERVERS,
      'kafka-0.kafka:9092,kafka-1.kafka:9092,kafka-2.kafka:9092', `${where}: bootstrap servers`);
    expectEqual(appConfig(docs)?.TASKLOG_KAFKA_REPLICATION_FACTOR, '3', `${where}: replication factor`);
    expectEqual(appConfig(docs)?.TASKLOG_SECURITY_ADMIN_EMAILS, 'ops@example.com,lead@example.com', `${where}: admin emails`);
    const env = appContainer(docs)?.env ?? [];
    expectEqual(secretRef(env, 'SPRING_DATASOURCE_PASSWORD'), 'tasklog-db/app-password', `${where}: database password ref`);
    expectEqual(secretRef(env, 'TASKLOG_SECURITY_JWT_SECRET'), 'tasklog-jwt/jwt-secret', `${where}: JWT key ref`);
    for (const ingress of docs.filter((d) => d.kind === 'Ingress')) {
      expectEqual(ingress?.spec?.tls?.[0]?.secretName, 'tasklog-tls', `${where}: ingress TLS secret`);
    }
    const dashboards = docs.find((d) => d.kind === 'ConfigMap' && d.metadata?.labels?.grafana_dashboard === '1');
    expectEqual(dashboards?.metadata?.namespace, 'monitoring', `${where}: dashboard ConfigMap namespace`);
  },
  'ha-tracing': (docs, where) => {
    expectEqual(appDeployment(docs)?.spec?.replicas, 3, `${where}: app replicas`);
    expectCount(docs, 'Ingress', 0, where);
    expectEqual(appConfig(docs)?.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://otel-collector.observability:4318', `${where}: OTLP endpoint`);
    expectEqual(appConfig(docs)?.OTEL_SDK_DISABLED, undefined, `${where}: OTel SDK switched on`);
    expectEqual(appConfig(docs)?.TASKLOG_SECURITY_AUTH_RATE_LIMIT_ENABLED, 'false', `${where}: rate limit`);
    const env = appContainer(docs)?.env ?? [];
    expectMatch(env.find((e) => e.name === 'OTEL_RESOURCE_ATTRIBUTES')?.value, /service\.instance\.id=\$\(POD_NAME\)/,
      `${where}: per-pod OTel resource attributes`);
    expectEqual(env.find((e) => e.name === 'JAVA_TOOL_OPTIONS')?.value, '-XX:MaxRAMPercentage=70', `${where}: JVM options`);
  },
};

function expectEqual(actual, expected, what) {
  if (actual !== expected) fail(what, `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
function expectMatch(actual, pattern, what) {
  if (typeof actual !== 'string' || !pattern.test(actual)) fail(what, `${JSON.stringify(actual)} does not match ${pattern}`);
}
function expectCount(docs, kind, n, where) {
  expectEqual(docs.filter((d) => d.kind === kind).length, n, `${where}: number of ${kind}s`);
}
function secretRef(env, name) {
  const ref = env.find((e) => e.name === name)?.valueFrom?.secretKeyRef;
  return ref ? `${ref.name}/${ref.key}` : undefined;
}
const isApp = (d) => d.metadata?.labels?.['app.kubernetes.io/component'] === 'app';
const appDeployment = (docs) => docs.find((d) => d.kind === 'Deployment' && isApp(d));
const appContainer = (docs) => appDeployment(docs)?.spec?.template?.spec?.containers?.find((c) => c.name === 'app');
const appConfig = (docs) => docs.find((d) => d.kind === 'ConfigMap' && isApp(d) && d.metadata.name.endsWith('-config'))?.data;

function modulePath(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  return group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
}

async function validateSchema(doc, where) {
  let Model;
  try {
    ({ [doc.kind]: Model } = await import(modulePath(doc.apiVersion, doc.kind)));
  } catch (e) {
    fail(where, `no Kubernetes schema for ${doc.apiVersion} ${doc.kind} (not a built-in kind?)`);
    return;
  }
  try {
    new Model(doc).validate();
  } catch (e) {
    fail(where, `schema: ${String(e.message ?? e).replace(/\s+/g, ' ')}`);
  }
}

function podSpecOf(doc) {
  if (doc.kind === 'Pod') return doc.spec;
  return doc.spec?.template?.spec;
}

function checkWorkload(doc, where) {
  const pod = podSpecOf(doc);
  if (!pod) return fail(where, 'no pod spec');
  const annotations = doc.kind === 'Pod' ? doc.metadata?.annotations : doc.spec?.template?.metadata?.annotations;
  const isHelmTest = doc.metadata?.annotations?.['helm.sh/hook'] === 'test' || annotations?.['helm.sh/hook'] === 'test';
  const podSc = pod.securityContext ?? {};
  if (pod.automountServiceAccountToken !== false) fail(where, 'automountServiceAccountToken must be false');
  if (podSc.runAsUser === 0) fail(where, 'pod runs as root (runAsUser 0)');
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    const cw = `${where} container ${c.name}`;
    const sc = c.securityContext ?? {};
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (!req.cpu || !req.memory) fail(cw, 'resources.requests.cpu and .memory are required');
    if (!lim.memory) fail(cw, 'resources.limits.memory is required');
    if (!(sc.runAsNonRoot ?? podSc.runAsNonRoot)) fail(cw, 'must run as non-root (runAsNonRoot)');
    if ((sc.runAsUser ?? podSc.runAsUser) === 0) fail(cw, 'runs as root (runAsUser 0)');
    if (sc.allowPrivilegeEscalation !== false) fail(cw, 'allowPrivilegeEscalation must be false');
    if (sc.privileged) fail(cw, 'must not be privileged');
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail(cw, 'capabilities must drop ALL');
    if (typeof sc.readOnlyRootFilesystem !== 'boolean') fail(cw, 'readOnlyRootFilesystem must be set explicitly');
    if (!/^[^:@]+(:[^:]+)?(@sha256:[0-9a-f]{64})?$/.test(c.image ?? '') || !/[:@]/.test(c.image ?? '') || /:latest$/.test(c.image)) {
      fail(cw, `image ${JSON.stringify(c.image)} needs a pinned tag (not latest)`);
    }
    for (const e of c.env ?? []) {
      if (/(PASSWORD|SECRET|PRIVATE_KEY|API_KEY|_TOKEN)$/i.test(e.name) && e.value !== undefined) {
        fail(cw, `${e.name} is a literal value; secrets must come from a Secret (valueFrom.secretKeyRef)`);
      }
    }
    const isInit = (pod.initContainers ?? []).includes(c);
    if (!isInit && !isHelmTest && (!c.livenessProbe || !c.readinessProbe)) {
      fail(cw, 'liveness and readiness probes are required');
    }
  }
}

function checkApp(docs, where) {
  const deployment = appDeployment(docs);
  if (!deployment) return fail(where, 'no app Deployment');
  const c = appContainer(docs);
  const w = `${where} Deployment ${deployment.metadata.name}`;
  if (!c) return fail(w, 'no container "app"');
  if (c.securityContext?.readOnlyRootFilesystem !== true) fail(w, 'the app must have a read-only root filesystem');
  if (!c.startupProbe) fail(w, 'the app needs a startup probe');
  if (c.livenessProbe?.httpGet?.path !== '/actuator/health/liveness') fail(w, 'liveness must be /actuator/health/liveness');
  if (c.readinessProbe?.httpGet?.path !== '/actuator/health/readiness') fail(w, 'readiness must be /actuator/health/readiness');
  if (!(c.volumeMounts ?? []).some((m) => m.mountPath === '/tmp')) fail(w, 'a writable /tmp is needed with a read-only root');
  for (const name of ['SPRING_DATASOURCE_PASSWORD', 'TASKLOG_SECURITY_JWT_SECRET']) {
    if (!secretRef(c.env ?? [], name)) fail(w, `${name} must come from a Secret`);
  }
  const replicas = deployment.spec.replicas ?? 1;
  const pdb = docs.find((d) => d.kind === 'PodDisruptionBudget');
  if (replicas > 1 && !pdb) fail(w, 'several replicas need a PodDisruptionBudget');
  const selector = deployment.spec.selector.matchLabels;
  const podLabels = deployment.spec.template.metadata.labels;
  for (const [k, v] of Object.entries(selector)) {
    if (podLabels[k] !== v) fail(w, `pod template lacks selector label ${k}=${v}`);
  }
  if (pdb && JSON.stringify(pdb.spec.selector.matchLabels) !== JSON.stringify(selector)) {
    fail(`${where} PodDisruptionBudget`, 'must select the app pods');
  }
  const service = docs.find((d) => d.kind === 'Service' && isApp(d));
  if (!service || JSON.stringify(service.spec.selector) !== JSON.stringify(selector)) fail(where, 'the app Service must select the app pods');
  const configRefs = (c.envFrom ?? []).map((e) => e.configMapRef?.name).filter(Boolean);
  for (const name of configRefs) {
    if (!docs.some((d) => d.kind === 'ConfigMap' && d.metadata.name === name)) fail(w, `envFrom ConfigMap ${name} is not rendered`);
  }
  const annotations = deployment.spec.template.metadata.annotations ?? {};
  if (annotations['prometheus.io/scrape'] === 'true' && annotations['prometheus.io/path'] !== '/actuator/prometheus') {
    fail(w, 'Prometheus must scrape /actuator/prometheus');
  }
}

function checkIngress(doc, where) {
  const a = doc.metadata?.annotations ?? {};
  if (a['nginx.ingress.kubernetes.io/proxy-buffering'] !== 'off') fail(where, 'SSE needs proxy-buffering "off"');
  const readTimeout = Number(a['nginx.ingress.kubernetes.io/proxy-read-timeout']);
  if (!(readTimeout >= 300)) fail(where, 'SSE needs a long proxy-read-timeout (>= 300 s)');
  for (const t of doc.spec?.tls ?? []) if (!t.secretName) fail(where, 'TLS without a secretName');
}

// Across the Ingresses of a release: every path routed, and MCP sessions kept on the replica that holds them.
function checkIngressPaths(docs, where) {
  const ingresses = docs.filter((d) => d.kind === 'Ingress');
  if (!ingresses.length) return;
  const pathsOf = (d) => (d.spec?.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.path));
  const paths = ingresses.flatMap(pathsOf);
  for (const p of ['/', '/api', '/mcp']) if (!paths.includes(p)) fail(where, `no rule for ${p}`);
  for (const d of ingresses.filter((i) => pathsOf(i).includes('/mcp'))) {
    if (d.metadata?.annotations?.['nginx.ingress.kubernetes.io/upstream-hash-by'] !== '$http_mcp_session_id') {
      fail(`${where} Ingress ${d.metadata?.name}`, '/mcp must be routed by its Mcp-Session-Id (upstream-hash-by)');
    }
  }
}

function checkDashboards(doc, where) {
  for (const [key, text] of Object.entries(doc.data ?? {})) {
    let dashboard;
    try {
      dashboard = JSON.parse(text);
    } catch (e) {
      fail(`${where} ${key}`, `not JSON: ${e.message}`);
      continue;
    }
    const exprs = JSON.stringify((dashboard.panels ?? []).flatMap((p) => (p.targets ?? []).map((t) => t.expr)));
    for (const metric of DASHBOARD_METRICS) if (!exprs.includes(metric)) fail(`${where} ${key}`, `no panel uses ${metric}`);
  }
}

/** No value of any rendered Secret may appear in any other document (ConfigMaps, env literals, annotations). */
function checkSecretsStayInSecrets(docs, where) {
  const secretValues = docs
    .filter((d) => d.kind === 'Secret')
    .flatMap((d) => [
      ...Object.values(d.data ?? {}).map((v) => Buffer.from(v, 'base64').toString('utf8')),
      ...Object.values(d.stringData ?? {}),
    ])
    .filter((v) => v.length >= 8);
  for (const d of docs.filter((x) => x.kind !== 'Secret')) {
    const text = JSON.stringify(d);
    for (const v of secretValues) {
      if (text.includes(v)) fail(`${where} ${d.kind} ${d.metadata?.name}`, 'contains a secret value');
    }
  }
  for (const d of docs.filter((x) => x.kind === 'ConfigMap')) {
    for (const key of Object.keys(d.data ?? {})) {
      if (/(PASSWORD|SECRET|PRIVATE_KEY|API_KEY|_TOKEN)$/i.test(key)) fail(`${where} ConfigMap ${d.metadata.name}`, `key ${key} belongs in a Secret`);
    }
  }
}

async function checkFile(file) {
  const where = basename(file);
  const parsed = parseAllDocuments(readFileSync(file, 'utf8'));
  const docs = [];
  for (const p of parsed) {
    if (p.errors.length) fail(where, `YAML: ${p.errors.map((e) => e.message).join('; ')}`);
    const doc = p.toJS();
    if (doc) docs.push(doc);
  }
  if (!docs.length) return fail(where, 'nothing rendered');
  const seen = new Set();
  for (const doc of docs) {
    const id = `${doc.kind} ${doc.metadata?.namespace ?? ''}/${doc.metadata?.name}`;
    const dw = `${where} ${doc.kind} ${doc.metadata?.name}`;
    if (seen.has(id)) fail(dw, 'rendered twice');
    seen.add(id);
    await validateSchema(doc, dw);
    if (WORKLOAD_KINDS.has(doc.kind)) checkWorkload(doc, dw);
    if (doc.kind === 'Ingress') checkIngress(doc, dw);
    if (doc.kind === 'ConfigMap' && doc.metadata?.labels?.grafana_dashboard) checkDashboards(doc, dw);
  }
  checkApp(docs, where);
  checkIngressPaths(docs, where);
  checkSecretsStayInSecrets(docs, where);
  const set = where.replace(/\.ya?ml$/, '');
  if (!EXPECTATIONS[set]) fail(where, `no expectations for value set "${set}" (one of ${Object.keys(EXPECTATIONS).join(', ')})`);
  else EXPECTATIONS[set](docs, where);
  return docs.length;
}

// --self-test: the checks themselves must catch the violations planted in fixtures/violations.yaml.
if (process.argv[2] === '--self-test') {
  const fixture = new URL('./fixtures/violations.yaml', import.meta.url).pathname;
  await checkFile(fixture);
  const expected = JSON.parse(readFileSync(new URL('./fixtures/violations.expected.json', import.meta.url), 'utf8'));
  const missed = expected.filter((e) => !problems.some((p) => p.includes(e)));
  if (missed.length) {
    console.error(`self-test: the checks missed ${missed.length} planted violation(s):\n  ${missed.join('\n  ')}`);
    console.error(`they reported:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`self-test passed: all ${expected.length} planted violations reported`);
  process.exit(0);
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node check-rendered.mjs <rendered.yaml>... | --self-test');
  process.exit(2);
}
for (const f of files) {
  const n = await checkFile(f);
  console.log(`checked ${basename(f)}: ${n ?? 0} documents`);
}
if (problems.length) {
  console.error(`${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('chart checks passed: Kubernetes schemas, policies, value-set expectations');

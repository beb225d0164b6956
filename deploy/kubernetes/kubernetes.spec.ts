import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  find,
  K8sObject,
  KUBERNETES_DIR,
  kustomizations,
  render,
  validateSchemas,
} from './kubernetes.render';

const NAME = 'bedrock-gateway';
const rendered = new Map<string, K8sObject[]>(kustomizations().map((dir) => [dir, render(dir)]));

describe.each([...rendered.keys()])('Kubernetes: %s', (dir) => {
  const objects = rendered.get(dir)!;
  const deployment = find(objects, 'Deployment', NAME);
  const pod = deployment.spec.template.spec;
  const gateway = pod.containers.find((c: { name: string }) => c.name === 'gateway');
  const settings = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith(NAME))!;

  it('renders objects that each match the published schema of their apiVersion and kind', () => {
    const invalid = validateSchemas(objects).filter((r) => r.errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('needs no Kubernetes Secret: the API key comes from Secrets Manager', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(settings.data.API_KEY_SECRET_ARN).toMatch(/^arn:aws:secretsmanager:/);
    const env = Object.keys(settings.data).concat((gateway.env ?? []).map((e: { name: string }) => e.name));
    expect(env.filter((n) => /^(API_KEY|API_KEYS|OPENAI_API_KEY)$/.test(n))).toEqual([]);
  });

  it('runs 2+ replicas of the gateway container on port http 8000, with its settings from the ConfigMap', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(gateway.ports).toEqual(
      expect.arrayContaining([{ name: 'http', containerPort: 8000, protocol: 'TCP' }]),
    );
    expect(gateway.envFrom).toEqual([{ configMapRef: { name: settings.metadata.name } }]);
  });

  it('probes /health (startup, liveness) and /ready (readiness)', () => {
    expect(gateway.startupProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(gateway.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(gateway.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
  });

  it('gives the preStop sleep and the drain (SHUTDOWN_GRACE_MS) time to finish before SIGKILL', () => {
    const sleep = gateway.lifecycle.preStop.sleep.seconds as number;
    const grace = Number(settings.data.SHUTDOWN_GRACE_MS);
    expect(sleep).toBeGreaterThanOrEqual(5);
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(sleep * 1000 + grace);
  });

  it('runs unprivileged on a read-only root filesystem with /tmp as its only writable place', () => {
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(gateway.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    const tmp = gateway.volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/tmp');
    expect(pod.volumes.find((v: { name: string }) => v.name === tmp.name).emptyDir).toBeDefined();
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it('sets requests and limits and spreads replicas over zones and nodes', () => {
    expect(gateway.resources).toEqual({
      requests: { cpu: expect.any(String), memory: expect.any(String) },
      limits: { cpu: expect.any(String), memory: expect.any(String) },
    });
    const keys = pod.topologySpreadConstraints.map((t: { topologyKey: string }) => t.topologyKey);
    expect(keys).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
  });

  it('wires the Service, ServiceAccount, HPA and PDB to the Deployment', () => {
    const labels = deployment.spec.template.metadata.labels;
    const service = find(objects, 'Service', NAME);
    expect(labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'http', targetPort: 'http' })]),
    );
    const account = find(objects, 'ServiceAccount', pod.serviceAccountName);
    expect(account.metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::\d{12}:role\//);
    const hpa = find(objects, 'HorizontalPodAutoscaler', NAME);
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: NAME });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const pdb = find(objects, 'PodDisruptionBudget', NAME);
    expect(labels).toMatchObject(pdb.spec.selector.matchLabels);
  });

  it('points every ServiceMonitor at a port of a Service it selects', () => {
    for (const monitor of objects.filter((o) => o.kind === 'ServiceMonitor')) {
      const services = objects.filter(
        (o) =>
          o.kind === 'Service' &&
          Object.entries(monitor.spec.selector.matchLabels ?? {}).every(
            ([k, v]) => o.metadata.labels?.[k] === v,
          ),
      );
      expect(services).not.toEqual([]);
      const ports = services.flatMap((s) => s.spec.ports.map((p: { name: string }) => p.name));
      for (const endpoint of monitor.spec.endpoints) expect(ports).toContain(endpoint.port);
    }
  });
});

describe('Kubernetes: the validator itself', () => {
  it('refuses an unknown field, a wrong type, a CRD missing a required field and an unknown kind', () => {
    const base = rendered.get('base')!;
    const typo = structuredClone(find(base, 'Deployment', NAME));
    typo.spec.template.spec.containers[0].readinesProbe =
      typo.spec.template.spec.containers[0].readinessProbe;
    const wrongType = structuredClone(find(base, 'Service', NAME));
    wrongType.spec.ports[0].port = 'eighty';
    const rule = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'r' },
      spec: { groups: [{ name: 'g', rules: [{ alert: 'A' }] }] },
    };
    const unknown = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    const results = validateSchemas([typo, wrongType, rule, unknown] as K8sObject[]);
    expect(results.map((r) => r.errors.join(' '))).toEqual([
      expect.stringContaining('\'"readinesProbe"\' does not exist'),
      expect.stringContaining('/spec/ports/0/port must be integer'),
      expect.stringContaining('must have required property expr'),
      'no schema known for example.com/v1 Widget',
    ]);
  });
});

describe('Kubernetes: overlays', () => {
  it('with-redis runs a Redis only the gateway may reach, and tells the gateway where it is', () => {
    const objects = rendered.get('overlays/with-redis')!;
    const settings = objects.find((o) => o.kind === 'ConfigMap')!;
    const redis = find(objects, 'Service', `${NAME}-redis`);
    expect(settings.data.REDIS_URL).toBe(`redis://${redis.metadata.name}:6379`);
    const policy = find(objects, 'NetworkPolicy', `${NAME}-redis`);
    expect(policy.spec.ingress[0].from).toEqual([
      { podSelector: { matchLabels: { 'app.kubernetes.io/name': NAME } } },
    ]);
  });
});

describe('IAM policy for the pods (deploy/kubernetes/iam-policy.json)', () => {
  const policy = JSON.parse(readFileSync(join(KUBERNETES_DIR, 'iam-policy.json'), 'utf8')) as {
    Statement: { Action: string | string[]; Resource: string | string[]; Effect: string }[];
  };
  const statements = policy.Statement.map((s) => ({
    actions: ([] as string[]).concat(s.Action),
    resources: ([] as string[]).concat(s.Resource),
  }));

  it('grants exactly the calls the gateway makes', () => {
    expect(statements.flatMap((s) => s.actions).sort()).toEqual([
      'bedrock:GetInferenceProfile',
      'bedrock:InvokeModel',
      'bedrock:InvokeModelWithResponseStream',
      'bedrock:ListFoundationModels',
      'bedrock:ListInferenceProfiles',
      'secretsmanager:GetSecretValue',
    ]);
  });

  it('uses no action wildcard, and a resource wildcard only for list calls (they have no resource type)', () => {
    for (const s of statements) {
      expect(s.actions.filter((a) => a.includes('*'))).toEqual([]);
      if (s.resources.includes('*')) expect(s.actions.every((a) => /:List/.test(a))).toBe(true);
    }
  });
});

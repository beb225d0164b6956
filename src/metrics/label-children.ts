/**
 * prom-client's `labels(...)` builds a hash string from the values on every call. On the request path that is
 * an allocation per metric per request; this cache finds the child for a tuple of label values through nested
 * maps instead (a few map reads, nothing allocated once the tuple has been seen). Label values must already be
 * bounded (see ModelLabels): the cache grows with the label set, as the metric itself does.
 */
export class LabelChildren<C> {
  private readonly root = new Map<string, unknown>();

  constructor(private readonly create: (values: readonly string[]) => C) {}

  get(a: string, b = '', c = '', d = ''): C {
    let m1 = this.root.get(a) as Map<string, Map<string, Map<string, C>>> | undefined;
    if (!m1) this.root.set(a, (m1 = new Map()));
    let m2 = m1.get(b);
    if (!m2) m1.set(b, (m2 = new Map()));
    let m3 = m2.get(c);
    if (!m3) m2.set(c, (m3 = new Map()));
    let child = m3.get(d);
    if (child === undefined) {
      child = this.create([a, b, c, d]);
      m3.set(d, child);
    }
    return child;
  }
}

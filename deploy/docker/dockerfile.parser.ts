/**
 * Reads a Dockerfile into stages of instructions, for the build replay (build.replay.ts). It understands the
 * instructions this project's Dockerfile uses and refuses any other, so a change to the Dockerfile that the
 * replay cannot follow fails the test instead of being skipped.
 */
export type Instruction =
  | { op: 'WORKDIR'; path: string }
  | { op: 'COPY'; from?: string; sources: string[]; dest: string }
  | { op: 'RUN'; command: string }
  | { op: 'ENV'; vars: Record<string, string> }
  | { op: 'USER'; user: string }
  | { op: 'EXPOSE'; ports: string[] }
  | { op: 'HEALTHCHECK'; command: string[] }
  | { op: 'CMD'; command: string[] };

export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Joins continued lines and drops comments and blank lines (parser directives are comments too). */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (pending === '' && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1) + ' ';
      continue;
    }
    out.push((pending + line).trim());
    pending = '';
  }
  if (pending) out.push(pending.trim());
  return out;
}

/** `--name=value` flags at the start of an instruction's arguments. */
function flags(args: string): { flags: Record<string, string>; rest: string } {
  const found: Record<string, string> = {};
  let rest = args;
  for (let m = /^--([\w-]+)=(\S+)\s+/.exec(rest); m; m = /^--([\w-]+)=(\S+)\s+/.exec(rest)) {
    found[m[1]] = m[2];
    rest = rest.slice(m[0].length);
  }
  return { flags: found, rest };
}

function execForm(args: string, op: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) {
    throw new Error(`${op} must use the exec (JSON array) form`);
  }
  return parsed as string[];
}

function envPairs(args: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const m of args.matchAll(/([A-Za-z_][\w]*)=("[^"]*"|\S*)/g)) {
    vars[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
  }
  return vars;
}

function instruction(op: string, args: string): Instruction {
  switch (op) {
    case 'WORKDIR':
      return { op, path: args };
    case 'COPY': {
      const { flags: f, rest } = flags(args);
      const unknown = Object.keys(f).filter((k) => !['from', 'chown', 'chmod'].includes(k));
      if (unknown.length) throw new Error(`COPY --${unknown[0]} is not replayed`);
      const parts = rest.split(/\s+/);
      return { op, from: f.from, sources: parts.slice(0, -1), dest: parts[parts.length - 1] };
    }
    case 'RUN':
      return { op, command: args };
    case 'ENV':
      return { op, vars: envPairs(args) };
    case 'USER':
      return { op, user: args };
    case 'EXPOSE':
      return { op, ports: args.split(/\s+/) };
    case 'HEALTHCHECK': {
      const cmd = /\bCMD\s+(\[.*\])$/.exec(args);
      if (!cmd) throw new Error('HEALTHCHECK must be `HEALTHCHECK [options] CMD [...]`');
      return { op, command: execForm(cmd[1], op) };
    }
    case 'CMD':
      return { op, command: execForm(args, op) };
    default:
      throw new Error(
        `Dockerfile instruction ${op} is not replayed: teach deploy/docker/dockerfile.parser.ts`,
      );
  }
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const line of logicalLines(text)) {
    const [, op, args] = /^(\w+)\s+(.*)$/s.exec(line) ?? [];
    if (!op) throw new Error(`Unreadable Dockerfile line: ${line}`);
    if (op.toUpperCase() === 'FROM') {
      const { rest } = flags(args);
      const [image, as, name] = rest.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) throw new Error(`${op} before FROM`);
    stage.instructions.push(instruction(op.toUpperCase(), args.trim()));
  }
  return stages;
}

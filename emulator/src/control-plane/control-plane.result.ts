export type ControlPlaneResult =
  | { ok: true; body: unknown }
  | { ok: false; status: number; type: 'ValidationException' | 'ResourceNotFoundException'; message: string };

export function invalidInput(message: string): ControlPlaneResult {
  return { ok: false, status: 400, type: 'ValidationException', message };
}

export function notFound(message: string): ControlPlaneResult {
  return { ok: false, status: 404, type: 'ResourceNotFoundException', message };
}

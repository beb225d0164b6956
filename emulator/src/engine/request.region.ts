import { catalog } from '../catalog/catalog';

// SigV4: `Credential=<AKID>/<YYYYMMDD>/<region>/bedrock/aws4_request` (docs/bedrock-protocol.md §1.3).
const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\//;

/**
 * The region a runtime request was signed for. Bearer tokens carry no region, so they count as the
 * emulator's home region.
 */
export function signingRegion(headers: Record<string, string>): string {
  const auth = headers['authorization'];
  const match = auth ? CREDENTIAL_SCOPE.exec(auth) : null;
  return match ? match[1] : catalog.region;
}

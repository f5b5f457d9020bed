import type { Origin, Val } from '../val.js';
import { defaulted, isKnown, unknownVal } from '../val.js';

/**
 * The storage encryption of a DB cluster, given its engine mode. Aurora Serverless v1
 * (`EngineMode: serverless`, Terraform `engine_mode = "serverless"`) always encrypts its storage,
 * whatever the template says (AWS-DEFAULTS.md, "Added 2026-12-01"). Shared by both adapters;
 * the property spellings are theirs.
 */
export function clusterStorageEncryption(
  engineMode: Val<string> | undefined,
  written: Val<boolean> | undefined,
  origin: Origin,
  otherwise: () => Val<boolean>,
): Val<boolean> {
  if (isKnown(engineMode) && engineMode.value.toLowerCase() === 'serverless') {
    if (written?.provenance === 'explicit' && written.value === true) return written;
    return defaulted(true, written?.origin ?? origin, 'true: Aurora Serverless v1 (engine mode serverless) always encrypts its storage');
  }
  if (engineMode?.provenance === 'unknown' && written === undefined) {
    return unknownVal(origin, `storage encryption is not set and the engine mode is unknown (${engineMode.reason}): Aurora Serverless v1 is always encrypted, other modes are not by default`);
  }
  return written ?? otherwise();
}

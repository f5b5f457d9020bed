import type { Link, ModelResource, Val } from '../val.js';

/** A private or transit Direct Connect virtual interface. */
export interface DxVirtualInterface extends ModelResource {
  kind: 'private' | 'transit';
  /** The Direct Connect connection or LAG it runs on. */
  connection: Val<Link>;
  /** The Direct Connect gateway or virtual private gateway it attaches to. */
  gateway: Val<Link>;
}

import type { Link, ModelResource, Val } from '../val.js';

/** A Site-to-Site VPN connection: two tunnels between one customer gateway and one virtual private or transit gateway. */
export interface VpnConnection extends ModelResource {
  customerGateway: Val<Link>;
  /** The AWS side: the virtual private gateway or transit gateway (absent: a Cloud WAN or unattached connection). */
  gateway?: Val<Link>;
  /** True when routing is static (no BGP). */
  staticRoutesOnly: Val<boolean>;
}

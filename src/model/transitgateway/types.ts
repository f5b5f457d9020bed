import type { Link, ModelResource, Val } from '../val.js';

/** A transit gateway VPC attachment: the transit gateway reaches the VPC through one subnet per Availability Zone. */
export interface TransitGatewayVpcAttachment extends ModelResource {
  transitGateway: Val<Link>;
  vpc: Val<Link>;
  subnets: Val<Link>[];
}

# ------------------------------------------------------------ connectivity (checklist 2.1)
# The head office reaches the VPC through one VPN connection on one customer gateway with
# static routing, the warehouse through one Direct Connect virtual interface, the data
# centre's two transit interfaces share one connection, and the stores' VPC is attached
# to the transit gateway in one Availability Zone.

resource "aws_customer_gateway" "head_office" {
  bgp_asn    = 65000
  ip_address = "203.0.113.10"
  type       = "ipsec.1"
}

resource "aws_vpn_connection" "head_office" {
  customer_gateway_id = aws_customer_gateway.head_office.id
  vpn_gateway_id      = "vgw-0123456789abcdef0"
  type                = "ipsec.1"
  static_routes_only  = true
}

resource "aws_dx_gateway" "warehouse" {
  name            = "warehouse"
  amazon_side_asn = "64512"
}

resource "aws_dx_private_virtual_interface" "warehouse" {
  connection_id  = "dxcon-aaaa1111"
  dx_gateway_id  = aws_dx_gateway.warehouse.id
  name           = "warehouse"
  vlan           = 101
  address_family = "ipv4"
  bgp_asn        = 65001
}

resource "aws_dx_gateway" "data_centre" {
  name            = "data-centre"
  amazon_side_asn = "64513"
}

resource "aws_dx_transit_virtual_interface" "primary" {
  connection_id  = "dxcon-bbbb2222"
  dx_gateway_id  = aws_dx_gateway.data_centre.id
  name           = "primary"
  vlan           = 201
  address_family = "ipv4"
  bgp_asn        = 65002
}

resource "aws_dx_transit_virtual_interface" "secondary" {
  connection_id  = "dxcon-bbbb2222"
  dx_gateway_id  = aws_dx_gateway.data_centre.id
  name           = "secondary"
  vlan           = 202
  address_family = "ipv4"
  bgp_asn        = 65002
}

resource "aws_subnet" "stores_transit" {
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = "10.40.0.0/28"
  availability_zone = "eu-west-1a"
}

resource "aws_ec2_transit_gateway_vpc_attachment" "stores" {
  transit_gateway_id = "tgw-0123456789abcdef0"
  vpc_id             = "vpc-0123456789abcdef0"
  subnet_ids         = [aws_subnet.stores_transit.id]
}

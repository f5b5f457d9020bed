import rule from '../../rules/reliability/network-redundancy.js';
import { cfn, ruleTester, tf } from './tester.js';

const CGWS = `
      Office:
        Type: AWS::EC2::CustomerGateway
        Properties: { Type: ipsec.1, BgpAsn: 65000, IpAddress: 203.0.113.10 }
      OfficeBackup:
        Type: AWS::EC2::CustomerGateway
        Properties: { Type: ipsec.1, BgpAsn: 65000, IpAddress: 203.0.113.11 }
      Gateway:
        Type: AWS::EC2::VPNGateway
        Properties: { Type: ipsec.1 }`;

const TF_SUBNETS = `
    resource "aws_subnet" "a" {
      vpc_id            = "vpc-123"
      cidr_block        = "10.0.0.0/24"
      availability_zone = "eu-west-1a"
    }
    resource "aws_subnet" "b" {
      vpc_id            = "vpc-123"
      cidr_block        = "10.0.1.0/24"
      availability_zone = "eu-west-1b"
    }`;

ruleTester(rule, [
  // ── CloudFormation: Site-to-Site VPN ──
  cfn('one VPN connection to a virtual private gateway', `
    Resources:${CGWS}
      Vpn:
        Type: AWS::EC2::VPNConnection
        Properties:
          Type: ipsec.1
          CustomerGatewayId: !Ref Office
          VpnGatewayId: !Ref Gateway
  `, [{ messageId: 'singleCustomerGateway', line: 15, column: 26 }]),
  cfn('two VPN connections on one customer gateway, one with static routing', `
    Resources:${CGWS}
      Vpn:
        Type: AWS::EC2::VPNConnection
        Properties:
          Type: ipsec.1
          CustomerGatewayId: !Ref Office
          VpnGatewayId: !Ref Gateway
      Vpn2:
        Type: AWS::EC2::VPNConnection
        Properties:
          Type: ipsec.1
          CustomerGatewayId: !Ref Office
          VpnGatewayId: !Ref Gateway
          StaticRoutesOnly: true
  `, [{ messageId: 'singleCustomerGateway', line: 15, column: 26 }, { messageId: 'staticRouting', line: 23, column: 25 }]),
  cfn('two VPN connections on two customer gateways', `
    Resources:${CGWS}
      Vpn:
        Type: AWS::EC2::VPNConnection
        Properties:
          Type: ipsec.1
          CustomerGatewayId: !Ref Office
          VpnGatewayId: !Ref Gateway
      Vpn2:
        Type: AWS::EC2::VPNConnection
        Properties:
          Type: ipsec.1
          CustomerGatewayId: !Ref OfficeBackup
          VpnGatewayId: !Ref Gateway
  `),
  cfn('one VPN connection whose customer gateway is a parameter', `
    Parameters:
      Cgw: { Type: String }
    Resources:
      Vpn:
        Type: AWS::EC2::VPNConnection
        Properties:
          Type: ipsec.1
          CustomerGatewayId: !Ref Cgw
          TransitGatewayId: tgw-0123456789abcdef0
  `, [], { undecidable: [{ line: 8, column: 26 }] }),

  // ── CloudFormation: Direct Connect ──
  cfn('one private virtual interface to a Direct Connect gateway', `
    Resources:
      DxGateway:
        Type: AWS::DirectConnect::DirectConnectGateway
        Properties: { DirectConnectGatewayName: dx, AmazonSideAsn: '64512' }
      Vif:
        Type: AWS::DirectConnect::PrivateVirtualInterface
        Properties:
          ConnectionId: dxcon-aaaa1111
          DirectConnectGatewayId: !Ref DxGateway
          VirtualInterfaceName: primary
          Vlan: 101
  `, [{ messageId: 'singleVif', line: 9, column: 31 }]),
  cfn('transit virtual interfaces on two connections', `
    Resources:
      DxGateway:
        Type: AWS::DirectConnect::DirectConnectGateway
        Properties: { DirectConnectGatewayName: dx, AmazonSideAsn: '64512' }
      Primary:
        Type: AWS::DirectConnect::TransitVirtualInterface
        Properties:
          ConnectionId: dxcon-aaaa1111
          DirectConnectGatewayId: !Ref DxGateway
          VirtualInterfaceName: primary
          Vlan: 101
      Secondary:
        Type: AWS::DirectConnect::TransitVirtualInterface
        Properties:
          ConnectionId: dxcon-bbbb2222
          DirectConnectGatewayId: !Ref DxGateway
          VirtualInterfaceName: secondary
          Vlan: 102
  `),
  cfn('one private virtual interface to a VGW with a VPN as backup', `
    Resources:${CGWS}
      Vif:
        Type: AWS::DirectConnect::PrivateVirtualInterface
        Properties:
          ConnectionId: dxcon-aaaa1111
          VirtualGatewayId: !Ref Gateway
          VirtualInterfaceName: primary
          Vlan: 101
      Vpn:
        Type: AWS::EC2::VPNConnection
        Properties:
          Type: ipsec.1
          CustomerGatewayId: !Ref Office
          VpnGatewayId: !Ref Gateway
      VpnBackup:
        Type: AWS::EC2::VPNConnection
        Properties:
          Type: ipsec.1
          CustomerGatewayId: !Ref OfficeBackup
          VpnGatewayId: !Ref Gateway
  `),

  // ── CloudFormation: transit gateway attachments ──
  cfn('transit gateway attachment in one AZ', `
    Resources:
      SubnetA:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.0.0/24
          AvailabilityZone: !Select [0, !GetAZs '']
      Attachment:
        Type: AWS::EC2::TransitGatewayVpcAttachment
        Properties:
          TransitGatewayId: tgw-0123456789abcdef0
          VpcId: vpc-123
          SubnetIds: [!Ref SubnetA]
  `, [{ messageId: 'attachmentOneAz', line: 13, column: 19 }]),
  cfn('transit gateway attachment in two AZs, and one on a subnet outside the scan', `
    Resources:
      SubnetA:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.0.0/24
          AvailabilityZone: !Select [0, !GetAZs '']
      SubnetB:
        Type: AWS::EC2::Subnet
        Properties:
          VpcId: vpc-123
          CidrBlock: 10.0.1.0/24
          AvailabilityZone: !Select [1, !GetAZs '']
      Attachment:
        Type: AWS::EC2::TransitGatewayVpcAttachment
        Properties:
          TransitGatewayId: tgw-0123456789abcdef0
          VpcId: vpc-123
          SubnetIds: [!Ref SubnetA, !Ref SubnetB]
      Other:
        Type: AWS::EC2::TransitGatewayAttachment
        Properties:
          TransitGatewayId: tgw-0123456789abcdef0
          VpcId: vpc-456
          SubnetIds: [subnet-0123456789abcdef0]
  `, [], { undecidable: [{ line: 25, column: 19, says: 'not in the scan' }] }),

  // ── Terraform ──
  tf('one VPN connection to a transit gateway', `
    resource "aws_customer_gateway" "office" {
      bgp_asn    = 65000
      ip_address = "203.0.113.10"
      type       = "ipsec.1"
    }
    resource "aws_vpn_connection" "office" {
      customer_gateway_id = aws_customer_gateway.office.id
      transit_gateway_id  = "tgw-0123456789abcdef0"
      type                = "ipsec.1"
      static_routes_only  = true
    }
  `, [{ messageId: 'singleCustomerGateway', line: 7, column: 25 }, { messageId: 'staticRouting', line: 10, column: 25 }]),
  tf('two VPN connections on two customer gateways', `
    resource "aws_vpn_connection" "a" {
      customer_gateway_id = "cgw-aaaa"
      vpn_gateway_id      = "vgw-1234"
      type                = "ipsec.1"
    }
    resource "aws_vpn_connection" "b" {
      customer_gateway_id = "cgw-bbbb"
      vpn_gateway_id      = "vgw-1234"
      type                = "ipsec.1"
    }
  `),
  tf('VPN connection to a gateway from a variable', `
    variable "gateway" {}
    resource "aws_vpn_connection" "a" {
      customer_gateway_id = "cgw-aaaa"
      vpn_gateway_id      = var.gateway
      type                = "ipsec.1"
    }
  `, [], { undecidable: [{ line: 4, column: 25 }] }),
  tf('private virtual interfaces all on one connection', `
    resource "aws_dx_gateway" "main" {
      name            = "main"
      amazon_side_asn = "64512"
    }
    resource "aws_dx_private_virtual_interface" "a" {
      connection_id  = "dxcon-aaaa1111"
      dx_gateway_id  = aws_dx_gateway.main.id
      name           = "a"
      vlan           = 101
      address_family = "ipv4"
      bgp_asn        = 65000
    }
    resource "aws_dx_private_virtual_interface" "b" {
      connection_id  = "dxcon-aaaa1111"
      dx_gateway_id  = aws_dx_gateway.main.id
      name           = "b"
      vlan           = 102
      address_family = "ipv4"
      bgp_asn        = 65000
    }
  `, [{ messageId: 'oneConnection', line: 6, column: 20 }]),
  tf('one transit virtual interface', `
    resource "aws_dx_transit_virtual_interface" "a" {
      connection_id  = "dxcon-aaaa1111"
      dx_gateway_id  = "dxgw-1234"
      name           = "a"
      vlan           = 101
      address_family = "ipv4"
      bgp_asn        = 65000
    }
  `, [{ messageId: 'singleVif', line: 3, column: 20 }]),
  tf('virtual interfaces on two connections; one on a connection from a variable', `
    variable "connection" {}
    resource "aws_dx_transit_virtual_interface" "a" {
      connection_id = "dxcon-aaaa1111"
      dx_gateway_id = "dxgw-1234"
    }
    resource "aws_dx_transit_virtual_interface" "b" {
      connection_id = "dxcon-bbbb2222"
      dx_gateway_id = "dxgw-1234"
    }
    resource "aws_dx_transit_virtual_interface" "c" {
      connection_id = var.connection
      dx_gateway_id = "dxgw-5678"
    }
    resource "aws_dx_transit_virtual_interface" "d" {
      connection_id = "dxcon-aaaa1111"
      dx_gateway_id = "dxgw-5678"
    }
  `, [], { undecidable: [{ line: 11, column: 19 }] }),
  tf('transit gateway attachment on one subnet', `${TF_SUBNETS}
    resource "aws_ec2_transit_gateway_vpc_attachment" "app" {
      transit_gateway_id = "tgw-0123456789abcdef0"
      vpc_id             = "vpc-123"
      subnet_ids         = [aws_subnet.a.id]
    }
  `, [{ messageId: 'attachmentOneAz', line: 14, column: 25 }]),
  tf('transit gateway attachment on two zones, and one on subnets from a variable', `${TF_SUBNETS}
    variable "subnets" {}
    resource "aws_ec2_transit_gateway_vpc_attachment" "app" {
      transit_gateway_id = "tgw-0123456789abcdef0"
      vpc_id             = "vpc-123"
      subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id]
    }
    resource "aws_ec2_transit_gateway_vpc_attachment" "other" {
      transit_gateway_id = "tgw-0123456789abcdef0"
      vpc_id             = "vpc-456"
      subnet_ids         = var.subnets
    }
  `, [], { undecidable: [{ line: 20, column: 24 }] }),
]);

import { it } from 'vitest';
import { scanSnippet } from './helpers/scan-snippet.js';
it('probe', async () => {
  const { result, graph } = await scanSnippet('terraform', `
variable "cidr" {
  default = "0.0.0.0/0"
}
data "aws_availability_zones" "az" {}
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_subnet" "a" {
  count = 2
  vpc_id = aws_vpc.main.id
  availability_zone = data.aws_availability_zones.az.names[count.index]
}
resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port = 22
    to_port = 22
    protocol = "tcp"
    cidr_blocks = [var.cidr, "10.0.0.0/8"]
    self = true
  }
}
resource "aws_security_group_rule" "r" {
  type = "ingress"
  security_group_id = aws_security_group.web.id
  from_port = 1
  to_port = 2
  protocol = "tcp"
  cidr_blocks = ["1.2.3.4/32"]
}
`);
  console.log(JSON.stringify(result.errors));
  for (const n of graph!.nodes) console.log(n.id, n.type, n.address, JSON.stringify(n.properties, (k, v) => v instanceof Map ? Object.fromEntries(v) : k === 'span' || k === 'keySpans' ? undefined : v));
});

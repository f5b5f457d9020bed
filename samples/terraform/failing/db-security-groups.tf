# ------------------------------------------------------ legacy database security groups (FAILING)
# DB and Redshift security groups from before VPC security groups; see samples/README.md.

# A DB security group that lets the whole internet reach the database port.
resource "aws_db_security_group" "legacy" {
  name        = "${local.name}-legacy-db"
  description = "legacy database access"

  ingress {
    cidr = "0.0.0.0/0"
  }

  ingress {
    cidr = "203.0.113.0/24"
  }
}

# A Redshift security group open to the internet.
resource "aws_redshift_security_group" "warehouse" {
  name = "${local.name}-warehouse"

  ingress {
    cidr = "0.0.0.0/0"
  }
}

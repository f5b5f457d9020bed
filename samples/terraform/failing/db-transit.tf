# Databases that accept connections without TLS (encryption-in-transit, control 1.23): a
# PostgreSQL instance whose parameter group turns rds.force_ssl off, and an Aurora MySQL cluster
# whose cluster parameter group turns require_secure_transport off.

resource "aws_db_instance" "reports" {
  identifier              = "reports"
  engine                  = "postgres"
  engine_version          = "16.4"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 20
  storage_encrypted       = true
  multi_az                = true
  backup_retention_period = 7
  parameter_group_name    = aws_db_parameter_group.reports.name
}

resource "aws_db_parameter_group" "reports" {
  name   = "reports"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "0"
  }
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger"
  engine                          = "aurora-mysql"
  storage_encrypted               = true
  backup_retention_period         = 7
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.ledger.name
}

resource "aws_rds_cluster_parameter_group" "ledger" {
  name   = "ledger"
  family = "aurora-mysql8.0"
  parameter {
    name  = "require_secure_transport"
    value = "OFF"
  }
}

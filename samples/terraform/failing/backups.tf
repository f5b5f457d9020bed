# ------------------------------------------------------ reporting and exports (FAILING)
# Every backup problem here is deliberate; see samples/README.md.

# Automated backups off.
resource "aws_db_instance" "ledger" {
  identifier                  = "${local.name}-ledger"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_encrypted           = true
  multi_az                    = true
  username                    = "ledger"
  manage_master_user_password = true
  backup_retention_period     = 0
  deletion_protection         = true
}

# Three days of backups, no deletion protection.
resource "aws_db_instance" "analytics" {
  identifier                  = "${local.name}-analytics"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_encrypted           = true
  multi_az                    = true
  username                    = "analytics"
  manage_master_user_password = true
  backup_retention_period     = 3
  final_snapshot_identifier   = "${local.name}-analytics-final"
}

# A standalone disk: no AWS Backup plan selects it, and destroy takes no snapshot.
resource "aws_ebs_volume" "exports" {
  availability_zone = "${var.region}a"
  size              = 200
  encrypted         = true
}

# Automated snapshots off, and no final snapshot on destroy.
resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier                  = "${local.name}-warehouse"
  node_type                           = "ra3.xlplus"
  number_of_nodes                     = 2
  database_name                       = "reporting"
  master_username                     = "reporting"
  manage_master_password              = true
  automated_snapshot_retention_period = 0
  skip_final_snapshot                 = true
}

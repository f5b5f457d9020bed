# Exposure mistakes that are not administration ports or public read access:
# a metrics port opened to the internet, and a drop-box bucket anyone can write to.

resource "aws_security_group" "metrics" {
  name        = "${local.name}-metrics"
  description = "Prometheus node exporter, opened to everyone by mistake"
  vpc_id      = module.network.vpc_id

  ingress {
    from_port   = 9100
    to_port     = 9100
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [module.network.vpc_cidr_block]
  }
}

resource "aws_s3_bucket" "partner_drop" {
  bucket = "${local.name}-partner-drop-${data.aws_caller_identity.current.account_id}"
}

resource "aws_s3_bucket_acl" "partner_drop" {
  bucket = aws_s3_bucket.partner_drop.id
  acl    = "public-read-write"
}

resource "aws_s3_bucket_public_access_block" "partner_drop" {
  bucket = aws_s3_bucket.partner_drop.id

  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

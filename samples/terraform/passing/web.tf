# ------------------------------------------------------------ security groups
resource "aws_security_group" "alb" {
  name        = "${local.name}-alb"
  description = "Storefront load balancer"
  vpc_id      = module.network.vpc_id

  ingress {
    description = "HTTP from shoppers (redirected to HTTPS)"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "HTTPS from shoppers"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_egress_rule" "alb_to_web" {
  security_group_id            = aws_security_group.alb.id
  description                  = "To the web tier (HTTPS)"
  ip_protocol                  = "tcp"
  from_port                    = 8443
  to_port                      = 8443
  referenced_security_group_id = aws_security_group.web.id
}

resource "aws_security_group" "web" {
  name        = "${local.name}-web"
  description = "Storefront web tier"
  vpc_id      = module.network.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "web_from_alb" {
  security_group_id            = aws_security_group.web.id
  description                  = "From the load balancer (HTTPS)"
  ip_protocol                  = "tcp"
  from_port                    = 8443
  to_port                      = 8443
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_egress_rule" "web_https" {
  security_group_id = aws_security_group.web.id
  description       = "HTTPS to AWS APIs and payment providers (through the NAT gateways)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "web_to_data" {
  for_each = {
    postgres = { port = 5432, group = aws_security_group.db.id }
    redis    = { port = 6379, group = aws_security_group.cache.id }
    nfs      = { port = 2049, group = aws_security_group.efs.id }
  }

  security_group_id            = aws_security_group.web.id
  description                  = "To the ${each.key} tier"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = each.value.group
}

resource "aws_security_group" "bastion" {
  name        = "${local.name}-bastion"
  description = "Bastion host"
  vpc_id      = module.network.vpc_id
}

resource "aws_security_group_rule" "bastion_ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  description       = "SSH for operators"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = [var.admin_cidr]
}

resource "aws_security_group_rule" "bastion_to_web" {
  type                     = "egress"
  security_group_id        = aws_security_group.bastion.id
  description              = "SSH to the web tier"
  from_port                = 22
  to_port                  = 22
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.web.id
}

resource "aws_security_group" "db" {
  name        = "${local.name}-db"
  description = "Catalogue and reporting databases"
  vpc_id      = module.network.vpc_id

  ingress {
    description     = "PostgreSQL from the web tier"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
  }
}

resource "aws_security_group" "cache" {
  name        = "${local.name}-cache"
  description = "Session cache"
  vpc_id      = module.network.vpc_id

  ingress {
    description     = "Redis from the web tier"
    from_port       = 6379
    to_port         = 6379
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
  }
}

resource "aws_security_group" "efs" {
  name        = "${local.name}-efs"
  description = "Shared media (NFS)"
  vpc_id      = module.network.vpc_id

  ingress {
    description     = "NFS from the web tier"
    from_port       = 2049
    to_port         = 2049
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
  }
}

# ------------------------------------------------------------- load balancer
resource "aws_lb" "storefront" {
  name                       = "${local.name}-alb"
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = module.network.public_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true

  access_logs {
    bucket  = aws_s3_bucket.access_logs.id
    prefix  = "alb"
    enabled = true
  }
}

resource "aws_lb_target_group" "web" {
  name        = "${local.name}-web"
  vpc_id      = module.network.vpc_id
  port        = 8443
  protocol    = "HTTPS"
  target_type = "instance"

  health_check {
    protocol = "HTTPS"
    path     = "/healthz"
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.storefront.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.storefront.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = var.certificate_arn
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# ------------------------------------------------------------------ web tier
resource "aws_launch_template" "web" {
  name_prefix            = "${local.name}-web-"
  image_id               = var.web_ami_id
  instance_type          = var.web_instance_type
  vpc_security_group_ids = [aws_security_group.web.id]

  metadata_options {
    http_tokens = "required"
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      volume_type = "gp3"
      encrypted   = true
      kms_key_id  = aws_kms_key.data.arn
    }
  }
}

resource "aws_autoscaling_group" "web" {
  name                      = "${local.name}-web"
  min_size                  = 2
  max_size                  = 8
  desired_capacity          = 2
  vpc_zone_identifier       = module.network.private_subnet_ids
  target_group_arns         = [aws_lb_target_group.web.arn]
  health_check_type         = "ELB"
  health_check_grace_period = 120

  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}

# iac-check:ignore multi-az the bastion is only for maintenance: losing its AZ delays admin access, not the shop (documented in the runbook)
resource "aws_instance" "bastion" {
  ami                    = var.web_ami_id
  instance_type          = "t3.micro"
  subnet_id              = module.network.public_subnet_ids[0]
  vpc_security_group_ids = [aws_security_group.bastion.id]

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    volume_size = 8
    encrypted   = true
    kms_key_id  = aws_kms_key.data.arn
  }
}

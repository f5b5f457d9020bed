variable "environment" {
  description = "Deployment stage."
  type        = string
  default     = "production"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "dr_region" {
  type    = string
  default = "us-west-2"
}

variable "workload_account_id" {
  description = "The retail account that the default and DR providers deploy into."
  type        = string
  default     = "111111111111"
}

variable "log_archive_account_id" {
  description = "The organisation's log archive account, which holds the CloudTrail bucket."
  type        = string
  default     = "222222222222"
}

variable "vpc_cidr" {
  type    = string
  default = "10.30.0.0/16"
}

variable "admin_cidr" {
  description = "Who may SSH to the bastion."
  type        = string
  default     = "203.0.113.0/24"
}

variable "web_instance_type" {
  type    = string
  default = "t3.medium"
}

variable "web_ami_id" {
  type    = string
  default = "ami-0abcdef1234567890"
}

variable "cloudfront_certificate_arn" {
  description = "ACM certificate in us-east-1 for the storefront domain."
  type        = string
  default     = "arn:aws:acm:us-east-1:111111111111:certificate/6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
}

variable "storefront_domain" {
  type    = string
  default = "shop.example.com"
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:us-east-1:111111111111:certificate/0f0e7b6c-1d2e-4c3b-9a8f-5e6d7c8b9a01"
}

variable "reporting_multi_az" {
  type    = bool
  default = true
}

variable "session_nodes" {
  description = "Number of Redis nodes (primary + replicas)."
  type        = number
  default     = 2
}

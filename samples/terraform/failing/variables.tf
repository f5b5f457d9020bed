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

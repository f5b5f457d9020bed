variable "name" {
  description = "Prefix for resource names."
  type        = string
}

variable "cidr_block" {
  description = "The VPC's IPv4 range."
  type        = string
}

variable "az_count" {
  description = "How many Availability Zones to spread the subnets over."
  type        = number
  default     = 2
}

variable "data_subnets_single_az" {
  description = "Put every data subnet in the first AZ (a shortcut for test environments)."
  type        = bool
  default     = false
}

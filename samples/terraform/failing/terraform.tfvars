# Staging values, deployed as if they were production.
environment        = "staging"
admin_cidr         = "0.0.0.0/0"
reporting_multi_az = false
session_nodes      = 1

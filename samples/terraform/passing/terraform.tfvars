environment   = "production"
admin_cidr    = "203.0.113.0/24" # the operators' VPN
session_nodes = 2

-- The pages' search by (pasted lists of) IPv6 addresses, as ix_instance_record_ip serves IPv4: the IN column leads.
CREATE INDEX ix_instance_record_ip_v6 ON instance_record (bk_host_innerip_v6, subscription_id);

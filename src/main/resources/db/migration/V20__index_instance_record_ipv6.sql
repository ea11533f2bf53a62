-- The pages' search by IPv6 address, as ix_instance_record_sub_ip serves IPv4.
CREATE INDEX ix_instance_record_sub_ip_v6 ON instance_record (subscription_id, bk_host_innerip_v6);

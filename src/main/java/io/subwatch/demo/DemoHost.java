package io.subwatch.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** A made-up host of a business: ids, IP, name and cloud area as CMDB would report them. */
public record DemoHost(long hostId, String ip, String hostName, long cloudId, DemoCatalog.Business business) {

	public static DemoHost of(long hostId, DemoCatalog.Business business, int index) {
		String ip = "10." + business.id() + "." + (index / 250) + "." + (index % 250 + 1);
		return new DemoHost(hostId, ip, "biz" + business.id() + "-node-" + String.format("%03d", index),
				(index % 7 == 6) ? 1 : 0, business);
	}

	public String instanceId() {
		return "host|instance|host|" + this.hostId;
	}

	public Map<String, Object> instanceInfo() {
		Map<String, Object> host = new LinkedHashMap<>();
		host.put("bk_host_id", this.hostId);
		host.put("bk_host_innerip", this.ip);
		host.put("bk_host_name", this.hostName);
		host.put("bk_cloud_id", this.cloudId);
		host.put("bk_cloud_name", (this.cloudId == 0) ? "直连区域" : "Cloud Area " + this.cloudId);
		host.put("bk_biz_id", this.business.id());
		host.put("bk_biz_name", this.business.name());
		host.put("bk_supplier_account", "0");
		host.put("os_type", "LINUX");
		Map<String, Object> scope = Map.of("bk_biz_id", this.business.id(), "object_type", "HOST", "node_type",
				"INSTANCE");
		return Map.of("host", host, "service", Map.of(), "scope", scope);
	}

}

package io.subwatch.result;

import tools.jackson.core.JsonGenerator;

/**
 * An instance id in NodeMan's node form, as info lists a scope: {@code host|instance|host|12} is
 * {@code {"bk_host_id": 12}}, the legacy {@code host|instance|host|<ip>-<cloud>-<supplier>} is
 * {@code {"ip", "bk_cloud_id", "bk_supplier_id"}}, {@code service|instance|service|5} is {@code {"id": 5}}; any other
 * id is given as {@code {"instance_id": …}}.
 */
final class ScopeNode {

	private ScopeNode() {
	}

	static void write(JsonGenerator out, String instanceId) {
		out.writeStartObject();
		String[] parts = instanceId.split("\\|", -1);
		String last = (parts.length == 4) ? parts[3] : null;
		if (last != null && parts[0].equals("host") && isNumber(last)) {
			out.writeNumberProperty("bk_host_id", Long.parseLong(last));
		}
		else if (last != null && parts[0].equals("host") && last.split("-").length >= 3) {
			int supplier = last.lastIndexOf('-');
			int cloud = last.lastIndexOf('-', supplier - 1);
			String cloudId = last.substring(cloud + 1, supplier);
			out.writeStringProperty("ip", last.substring(0, cloud));
			if (isNumber(cloudId)) {
				out.writeNumberProperty("bk_cloud_id", Long.parseLong(cloudId));
			}
			else {
				out.writeStringProperty("bk_cloud_id", cloudId);
			}
			out.writeStringProperty("bk_supplier_id", last.substring(supplier + 1));
		}
		else if (last != null && parts[0].equals("service") && isNumber(last)) {
			out.writeNumberProperty("id", Long.parseLong(last));
		}
		else {
			out.writeStringProperty("instance_id", instanceId);
		}
		out.writeEndObject();
	}

	private static boolean isNumber(String text) {
		return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit);
	}

}

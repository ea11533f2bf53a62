package io.subwatch.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.system.ApiException;
import io.subwatch.system.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the parameters of the task_result family from a JSON body or a query string (lists as repeated parameters,
 * {@code name[]} or comma-separated) into one JSON object, then validates each field by name.
 */
final class ParamReader {

	private static final Set<String> LIST_PARAMS = Set.of("task_id_list", "statuses", "instance_id_list",
			"exclude_instance_ids", "subscription_id_list");

	private static final Set<String> COMMA_LISTS = Set.of("task_id_list", "statuses", "subscription_id_list");

	private final JsonNode params;

	private ParamReader(JsonNode params) {
		this.params = params;
	}

	static ParamReader of(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.invalid("the request body must be a JSON object");
		}
		return new ParamReader(body);
	}

	/** Query parameters as JSON: list parameters become arrays of strings, the others strings. */
	static ParamReader ofQuery(Map<String, String[]> query, JsonMapper json) {
		ObjectNode node = json.createObjectNode();
		query.forEach((rawName, values) -> {
			// name, name[] and name[0] (the "indices" form of qs/axios) all name the list parameter name
			String name = rawName.replaceFirst("\\[\\d*\\]$", "");
			if (LIST_PARAMS.contains(name)) {
				ArrayNode array = node.has(name) ? (ArrayNode) node.get(name) : node.putArray(name);
				for (String value : values) {
					for (String part : COMMA_LISTS.contains(name) ? value.split(",") : new String[] { value }) {
						if (!part.isBlank()) {
							array.add(part.trim());
						}
					}
				}
			}
			else if (values.length > 0) {
				node.put(name, values[0]);
			}
		});
		return new ParamReader(node);
	}

	/** Adds query parameters that the body does not have (a POST may carry some in the URL). */
	ParamReader withFallback(ParamReader query) {
		ObjectNode merged = ((ObjectNode) query.params).deepCopy();
		this.params.properties().forEach((entry) -> merged.set(entry.getKey(), entry.getValue()));
		return new ParamReader(merged);
	}

	JsonNode raw() {
		return this.params;
	}

	long requireLong(String name) {
		return JsonFields.requireLong(this.params, name, name);
	}

	Long optionalLong(String name) {
		return JsonFields.optionalLong(this.params, name, name);
	}

	int optionalInt(String name, int defaultValue, int min) {
		Long value = optionalLong(name);
		if (value == null) {
			return defaultValue;
		}
		if (value < min || value > Integer.MAX_VALUE) {
			throw ApiException.invalid(name + " must be an integer ≥ " + min + ", got " + value);
		}
		return value.intValue();
	}

	boolean optionalBoolean(String name, boolean defaultValue) {
		return JsonFields.optionalBoolean(this.params, name, name, defaultValue);
	}

	String requireText(String name, int maxLength) {
		return JsonFields.requireText(this.params, name, name, maxLength);
	}

	String optionalText(String name, int maxLength) {
		return JsonFields.optionalText(this.params, name, name, maxLength);
	}

	List<Long> longList(String name) {
		JsonNode array = array(name);
		if (array == null) {
			return null;
		}
		List<Long> result = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) {
			result.add(JsonFields.asLong(array.get(i), name + "[" + i + "]"));
		}
		return result;
	}

	/**
	 * A list of strings, read as Django REST framework reads a list of CharField: numbers are taken as their text
	 * ({@code 12} is {@code "12"}), so numeric instance ids compare as strings; anything else is refused.
	 */
	List<String> stringList(String name) {
		JsonNode array = array(name);
		if (array == null) {
			return null;
		}
		List<String> result = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) {
			JsonNode item = array.get(i);
			if (!item.isString() && !item.isNumber()) {
				throw ApiException.invalid(name + "[" + i + "] must be a string, got "
						+ JsonFields.abbreviate(item.toString()));
			}
			result.add(item.asString());
		}
		return result;
	}

	/**
	 * A list where {@code []} means the same as leaving it out (all), as NodeMan drops empty lists in retry and
	 * revoke: its own "retry all" button sends {@code instance_id_list: []}.
	 */
	List<String> stringListOrAll(String name) {
		List<String> values = stringList(name);
		return (values == null || values.isEmpty()) ? null : values;
	}

	private JsonNode array(String name) {
		JsonNode value = JsonFields.field(this.params, name);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw ApiException.invalid(name + " must be an array, got " + JsonFields.abbreviate(value.toString()));
		}
		return value;
	}

	/** task_id_list, checked for size: one subscription never needs more tasks in one query than this. */
	List<Long> taskIdList() {
		List<Long> ids = longList("task_id_list");
		if (ids != null && ids.size() > MAX_TASK_IDS) {
			throw ApiException.invalid("task_id_list has " + ids.size() + " ids; at most " + MAX_TASK_IDS);
		}
		return ids;
	}

	static final int MAX_TASK_IDS = 1000;

	/** subscription_id_list of info, statistic and instance_status: required, distinct, in the order given. */
	List<Long> subscriptionIdList() {
		List<Long> ids = longList("subscription_id_list");
		if (ids == null) {
			throw ApiException.invalid("subscription_id_list is required");
		}
		List<Long> distinct = ids.stream().distinct().toList();
		if (distinct.size() > MAX_SUBSCRIPTION_IDS) {
			throw ApiException.invalid("subscription_id_list has " + distinct.size() + " ids; at most "
					+ MAX_SUBSCRIPTION_IDS);
		}
		return distinct;
	}

	static final int MAX_SUBSCRIPTION_IDS = 500;

	TaskResultParams taskResultParams() {
		int pagesize = optionalInt("pagesize", -1, -1);
		Integer start = (optionalLong("start") != null) ? optionalInt("start", 1, 1) : null;
		List<String> exclude = stringList("exclude_instance_ids");
		return new TaskResultParams(requireLong("subscription_id"), taskIdList(),
				optionalInt("page", 1, 1), pagesize, start, stringList("statuses"), stringList("instance_id_list"),
				(exclude != null) ? exclude : List.of(), optionalBoolean("return_all", false),
				optionalBoolean("need_detail", false), optionalBoolean("need_aggregate_all_tasks", false),
				optionalBoolean("need_out_of_scope_snapshots", true));
	}

}

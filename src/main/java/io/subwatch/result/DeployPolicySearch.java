package io.subwatch.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.subwatch.security.Access;
import io.subwatch.subscription.DbTime;
import io.subwatch.system.ApiException;
import io.subwatch.system.JsonFields;
import io.subwatch.system.SubwatchProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * search_deploy_policy as NodeMan answers it: the subscriptions of category {@code policy} (NodeMan's plugin
 * deployment policies; one-off subscriptions are never listed), those whose {@code bk_biz_scope} meets
 * {@code bk_biz_ids} when given, filtered by {@code conditions} ({@code id}, {@code plugin_name}, {@code enable},
 * {@code query}: a part of the name or plugin name), paged by {@code page} and {@code pagesize} (default 10, -1 for
 * all), as {@code {"total", "list": [{id, name, plugin_name, bk_biz_scope, update_time, creator, enable, expand}]}}.
 * Subwatch has no parent policies ({@code only_root} changes nothing), a policy without a {@code bk_biz_scope}
 * spans its own business, and {@code update_time} is when it was created here. At most {@link #MAX_POLICIES} are
 * looked at, in id order; only those the caller may read.
 */
@Service
class DeployPolicySearch {

	static final int MAX_POLICIES = 10_000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApiTimeFormat time;

	DeployPolicySearch(JdbcClient jdbc, JsonMapper json, SubwatchProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.time = new ApiTimeFormat(properties.timeZone());
	}

	private record Policy(long id, String name, String pluginName, long bkBizId, List<Long> bkBizScope,
			boolean enable, String creator, Instant createdAt) {
	}

	@Transactional(readOnly = true)
	Map<String, Object> search(ParamReader params, Access access) {
		List<Long> bizIds = params.longList("bk_biz_ids");
		if (bizIds != null && bizIds.isEmpty()) {
			throw ApiException.invalid("bk_biz_ids must hold at least one business id, or be left out for all");
		}
		params.optionalBoolean("only_root", true);
		int page = params.optionalInt("page", 1, 1);
		Long pagesize = params.optionalLong("pagesize");
		int size = (pagesize == null) ? 10 : (int) Math.min(pagesize, MAX_POLICIES);
		if (size < 1 && size != -1) {
			throw ApiException.invalid("pagesize must be -1 (all) or at least 1, got " + pagesize);
		}
		List<Condition> conditions = conditions(params.raw().get("conditions"));
		Set<Long> wanted = (bizIds != null) ? new TreeSet<>(bizIds) : null;
		List<Policy> matching = new ArrayList<>();
		for (Policy policy : policies()) {
			if (access.canRead(policy.bkBizId(), policy.id())
					&& (wanted == null || policy.bkBizScope().stream().anyMatch(wanted::contains))
					&& conditions.stream().allMatch((condition) -> condition.matches(policy))) {
				matching.add(policy);
			}
		}
		int from = (size == -1) ? 0 : (int) Math.min((long) (page - 1) * size, matching.size());
		int to = (size == -1) ? matching.size() : Math.min(from + size, matching.size());
		List<Map<String, Object>> list = new ArrayList<>(to - from);
		for (Policy policy : matching.subList(from, to)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", policy.id());
			row.put("name", policy.name());
			row.put("plugin_name", policy.pluginName());
			row.put("bk_biz_scope", policy.bkBizScope());
			row.put("update_time", this.time.format(policy.createdAt()));
			row.put("creator", policy.creator());
			row.put("enable", policy.enable());
			row.put("expand", false);
			list.add(row);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("total", matching.size());
		answer.put("list", list);
		return answer;
	}

	private List<Policy> policies() {
		return this.jdbc.sql("""
				SELECT id, name, plugin_name, bk_biz_id, bk_biz_scope, enable, created_by, created_at
				FROM subscription WHERE category = 'policy'
				ORDER BY id
				LIMIT :limit
				""").param("limit", MAX_POLICIES).query((rs, n) -> {
			long bizId = rs.getLong("bk_biz_id");
			return new Policy(rs.getLong("id"), rs.getString("name"), rs.getString("plugin_name"), bizId,
					scope(rs.getString("bk_biz_scope"), bizId), rs.getBoolean("enable"), rs.getString("created_by"),
					DbTime.read(rs, "created_at"));
		}).list();
	}

	/** The business ids of a stored {@code bk_biz_scope}; its own business when none (or none readable) was declared. */
	private List<Long> scope(String stored, long bizId) {
		List<Long> ids = new ArrayList<>();
		if (stored != null) {
			try {
				JsonNode array = this.json.readTree(stored);
				if (array != null && array.isArray()) {
					array.forEach((item) -> {
						if (item.canConvertToLong()) {
							ids.add(item.asLong());
						}
					});
				}
			}
			catch (JacksonException ex) {
				// kept as the executor sent it; an unreadable scope counts as the subscription's own business
			}
		}
		return ids.isEmpty() ? List.of(bizId) : ids;
	}

	/** One of NodeMan's conditions: a key and one value or a list of them. */
	private record Condition(String key, List<JsonNode> values) {

		boolean matches(Policy policy) {
			return switch (this.key) {
				case "id" -> this.values.stream().anyMatch((v) -> v.canConvertToLong() && v.asLong() == policy.id());
				case "plugin_name" -> this.values.stream().anyMatch((v) -> v.asString().equals(policy.pluginName()));
				case "enable" -> this.values.stream().anyMatch((v) -> v.asBoolean() == policy.enable());
				case "query" -> this.values.stream()
					.anyMatch((v) -> policy.name().contains(v.asString())
							|| (policy.pluginName() != null && policy.pluginName().contains(v.asString())));
				// NodeMan ignores other keys
				default -> true;
			};
		}

	}

	private static List<Condition> conditions(JsonNode conditions) {
		if (conditions == null || conditions.isNull()) {
			return List.of();
		}
		if (!conditions.isArray()) {
			throw ApiException.invalid("conditions must be an array of {key, value}, got "
					+ JsonFields.abbreviate(conditions.toString()));
		}
		List<Condition> result = new ArrayList<>();
		for (int i = 0; i < conditions.size(); i++) {
			JsonNode condition = conditions.get(i);
			if (!condition.isObject() || !condition.has("key") || !condition.get("key").isString()
					|| !condition.has("value")) {
				throw ApiException.invalid("conditions[" + i + "] must be {\"key\": …, \"value\": …}, got "
						+ JsonFields.abbreviate(condition.toString()));
			}
			JsonNode value = condition.get("value");
			List<JsonNode> values = new ArrayList<>();
			if (value.isArray()) {
				value.forEach(values::add);
			}
			else {
				values.add(value);
			}
			result.add(new Condition(condition.get("key").asString(), values));
		}
		return result;
	}

}

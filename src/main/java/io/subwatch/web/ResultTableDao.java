package io.subwatch.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.Status;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The result table's queries. Without a search, a page is an index range: (task_id, id), (task_id, status, id) or
 * their (subscription_id, is_latest, …) twins. A search first looks the terms up through the IP, host name and
 * instance id indexes of the subscription; the hits are few, so scope and status are applied to them in Java.
 */
@Repository
class ResultTableDao {

	private static final String HIT_COLUMNS = """
			id, task_id, is_latest, status, instance_id, bk_host_innerip, bk_host_innerip_v6, bk_host_name""";

	private static final RowMapper<SearchHit> HIT = (rs, n) -> new SearchHit(rs.getLong(1), rs.getLong(2),
			rs.getBoolean(3), Status.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
			rs.getString(8));

	private final JdbcClient jdbc;

	ResultTableDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Record ids of one page in ascending id order. */
	List<Long> findIdPage(ResultScope scope, List<Status> statuses, PlaceFilter place, long offset, int limit) {
		Map<String, Object> params = params(scope);
		params.put("offset", offset);
		params.put("limit", limit);
		return this.jdbc.sql("SELECT r.id FROM " + PlaceFilter.from(scope, place, statuses.size()) + " WHERE "
				+ scope.where() + byStatus(statuses, params) + PlaceFilter.where(place, params) + " ORDER BY "
				+ PlaceFilter.orderBy(scope, place, statuses.size()) + " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(Long.class)
			.list();
	}

	/** The status condition: equality for one status (an index range), IN for several. */
	static String byStatus(List<Status> statuses, Map<String, Object> params) {
		if (statuses.isEmpty()) {
			return "";
		}
		if (statuses.size() == 1) {
			params.put("status", statuses.get(0).name());
			return " AND r.status = :status";
		}
		params.put("statuses", statuses.stream().map(Status::name).toList());
		return " AND r.status IN (:statuses)";
	}

	/** Instance ids of the scope's records in some statuses, ascending record id, at most {@code limit}. */
	List<String> findInstanceIds(ResultScope scope, List<Status> statuses, PlaceFilter place, int limit) {
		Map<String, Object> params = params(scope);
		params.put("limit", limit);
		return this.jdbc.sql("SELECT r.instance_id FROM " + PlaceFilter.from(scope, place, statuses.size())
				+ " WHERE " + scope.where() + byStatus(statuses, params) + PlaceFilter.where(place, params)
				+ " ORDER BY " + PlaceFilter.orderBy(scope, place, statuses.size()) + " LIMIT :limit")
			.params(params)
			.query(String.class)
			.list();
	}

	/**
	 * Records of the subscription (any task) that a search names, at most {@code cap} for a prefix: exact terms go
	 * through the indexes on (bk_host_innerip / bk_host_innerip_v6 / bk_host_name / instance_id, subscription_id),
	 * which lead with the column the IN list names, so both databases look each term up.
	 */
	List<SearchHit> findHits(long subscriptionId, HostSearch search, int cap) {
		if (search.prefix() != null) {
			String column = search.prefixIsIp() ? "bk_host_innerip" : "bk_host_name";
			return this.jdbc.sql("SELECT " + HIT_COLUMNS + " FROM instance_record WHERE subscription_id = :sid AND "
					+ column + " LIKE :pattern ESCAPE '!' ORDER BY " + column + ", id LIMIT :cap")
				.param("sid", subscriptionId)
				.param("pattern", search.likePattern())
				.param("cap", cap)
				.query(HIT)
				.list();
		}
		List<SearchHit> hits = new ArrayList<>();
		hits.addAll(findExact(subscriptionId, "bk_host_innerip", search.ips()));
		hits.addAll(findExact(subscriptionId, "bk_host_innerip_v6", search.ipv6()));
		hits.addAll(findExact(subscriptionId, "bk_host_name", search.hostNames()));
		hits.addAll(findExact(subscriptionId, "instance_id", search.instanceIds()));
		return hits;
	}

	private List<SearchHit> findExact(long subscriptionId, String column, List<String> values) {
		List<SearchHit> hits = new ArrayList<>();
		for (List<String> chunk : InstanceRecordDao.chunks(values)) {
			hits.addAll(this.jdbc.sql("SELECT " + HIT_COLUMNS + " FROM instance_record WHERE subscription_id = :sid AND "
					+ column + " IN (:values) ORDER BY id")
				.param("sid", subscriptionId)
				.param("values", chunk)
				.query(HIT)
				.list());
		}
		return hits;
	}

	/** Those of some records (a search's hits) that stand at the filter's place, ascending. */
	List<Long> findAtPlace(List<Long> recordIds, PlaceFilter place) {
		List<Long> found = new ArrayList<>();
		for (List<Long> chunk : InstanceRecordDao.chunks(recordIds)) {
			Map<String, Object> params = new HashMap<>();
			params.put("ids", chunk);
			found.addAll(this.jdbc.sql("SELECT r.id FROM instance_record r WHERE r.id IN (:ids)"
					+ place.where(params) + " ORDER BY r.id").params(params).query(Long.class).list());
		}
		return found;
	}

	static Map<String, Object> params(ResultScope scope) {
		Map<String, Object> params = new HashMap<>();
		if (scope.aggregated()) {
			params.put("subscriptionId", scope.subscriptionId());
		}
		else {
			params.put("taskId", scope.taskId());
		}
		return params;
	}

}

package io.subwatch.records;

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
 * A host search: the terms are looked up through the IP, host name and instance id indexes of the subscription; the
 * hits are few, so scope and status are applied to them in Java.
 */
@Repository
public class RecordSearchDao {

	private static final String HIT_COLUMNS = """
			id, task_id, is_latest, status, instance_id, bk_host_innerip, bk_host_innerip_v6, bk_host_name""";

	private static final RowMapper<SearchHit> HIT = (rs, n) -> new SearchHit(rs.getLong(1), rs.getLong(2),
			rs.getBoolean(3), Status.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
			rs.getString(8));

	private final JdbcClient jdbc;

	RecordSearchDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records of the subscription (any task) that a search names, at most {@code cap} for a prefix: exact terms go
	 * through the indexes on (bk_host_innerip / bk_host_innerip_v6 / bk_host_name / instance_id, subscription_id),
	 * which lead with the column the IN list names, so both databases look each term up.
	 */
	public List<SearchHit> findHits(long subscriptionId, SearchTerms terms, int cap) {
		if (terms.likePattern() != null) {
			String column = terms.prefixIsIp() ? "bk_host_innerip" : "bk_host_name";
			return this.jdbc.sql("SELECT " + HIT_COLUMNS + " FROM instance_record WHERE subscription_id = :sid AND "
					+ column + " LIKE :pattern ESCAPE '!' ORDER BY " + column + ", id LIMIT :cap")
				.param("sid", subscriptionId)
				.param("pattern", terms.likePattern())
				.param("cap", cap)
				.query(HIT)
				.list();
		}
		List<SearchHit> hits = new ArrayList<>();
		hits.addAll(findExact(subscriptionId, "bk_host_innerip", terms.ips()));
		hits.addAll(findExact(subscriptionId, "bk_host_innerip_v6", terms.ipv6()));
		hits.addAll(findExact(subscriptionId, "bk_host_name", terms.hostNames()));
		hits.addAll(findExact(subscriptionId, "instance_id", terms.instanceIds()));
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

	/** Those of some records (a search's hits) that stand at a place, ascending. */
	public List<Long> findAtPlace(List<Long> recordIds, Place place) {
		List<Long> found = new ArrayList<>();
		for (List<Long> chunk : InstanceRecordDao.chunks(recordIds)) {
			Map<String, Object> params = new HashMap<>();
			params.put("ids", chunk);
			found.addAll(this.jdbc.sql("SELECT r.id FROM instance_record r WHERE r.id IN (:ids)"
					+ place.where(params) + " ORDER BY r.id").params(params).query(Long.class).list());
		}
		return found;
	}

}

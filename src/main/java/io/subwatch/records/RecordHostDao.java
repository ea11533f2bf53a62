package io.subwatch.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.subwatch.subscription.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hosts of a window, with the columns their readers need: the exports' keyset walks, the addresses of a search's
 * matches, the breakdown's cluster samples. Same scopes, filters and index orders as {@link RecordQueryDao}.
 */
@Repository
public class RecordHostDao {

	/** Hosts per chunk of a keyset walk (an export). */
	public static final int WALK_CHUNK = 5000;

	/** The address columns of an exported host. */
	public record Address(long id, String ip, String ipv6, Long cloudId) {
	}

	private final JdbcClient jdbc;

	RecordHostDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every matching host, a chunk of at most {@link #WALK_CHUNK} at a time, by keyset on an index, so 200,000 hosts
	 * never sit in memory together and no chunk scans what the previous one read: one walk per status of the filter
	 * (every status when it has a place but no status), ascending record id within each.
	 */
	public void forEachAddressChunk(RecordScope scope, RecordFilter filter, Consumer<List<Address>> consumer) {
		if (filter.statuses() == null && filter.place() == null) {
			walk(scope, filter, consumer);
			return;
		}
		for (Status status : (filter.statuses() != null) ? filter.statuses() : Status.RECORD_STATUSES) {
			walk(scope, filter.withStatus(status), consumer);
		}
	}

	private void walk(RecordScope scope, RecordFilter filter, Consumer<List<Address>> consumer) {
		long after = 0;
		while (true) {
			Map<String, Object> params = new HashMap<>(scope.params());
			String where = filter.where(params);
			params.put("after", after);
			params.put("limit", WALK_CHUNK);
			List<Address> chunk = this.jdbc.sql("SELECT r.id, r.bk_host_innerip, r.bk_host_innerip_v6, r.bk_cloud_id"
					+ " FROM " + filter.from(scope) + " WHERE " + scope.where() + where + " AND r.id > :after"
					+ filter.keysetOrder(scope) + " LIMIT :limit")
				.params(params)
				.query(RecordHostDao::address)
				.list();
			consumer.accept(chunk);
			if (chunk.size() < WALK_CHUNK) {
				return;
			}
			after = chunk.get(chunk.size() - 1).id();
		}
	}

	/**
	 * The first {@code limit} hosts of each filter in the window's order, in one statement: a UNION ALL of
	 * index-ordered reads, each with its own parameters (the breakdown's cluster samples).
	 */
	public List<PlacedHost> findFirstOfEach(RecordScope scope, List<RecordFilter> filters, int limit) {
		if (filters.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("limit", limit);
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < filters.size(); i++) {
			RecordFilter filter = filters.get(i);
			Map<String, Object> own = new HashMap<>();
			String sql = "(SELECT r.at_step, r.at_sub, r.error_key, r.instance_id, r.bk_host_innerip,"
					+ " r.bk_host_innerip_v6, r.bk_host_name, r.error_line FROM " + filter.from(scope) + " WHERE "
					+ scope.where() + filter.where(own) + filter.orderBy(scope, false) + " LIMIT :limit)";
			for (Map.Entry<String, Object> param : own.entrySet()) {
				sql = sql.replaceAll(":" + param.getKey() + "\\b", ":" + param.getKey() + "_" + i);
				params.put(param.getKey() + "_" + i, param.getValue());
			}
			parts.add(sql);
		}
		return this.jdbc.sql(String.join(" UNION ALL ", parts))
			.params(params)
			.query((rs, n) -> new PlacedHost(new Place(rs.getInt(1), rs.getInt(2), rs.getString(3)), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	/** Addresses of some records (a search's matches, at most a chunk of ids), ascending. */
	public List<Address> findAddresses(List<Long> ids) {
		return this.jdbc.sql("""
				SELECT id, bk_host_innerip, bk_host_innerip_v6, bk_cloud_id FROM instance_record
				WHERE id IN (:ids) ORDER BY id
				""").param("ids", ids).query(RecordHostDao::address).list();
	}

	private static Address address(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Address(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class));
	}

}

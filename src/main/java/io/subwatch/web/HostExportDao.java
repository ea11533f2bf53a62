package io.subwatch.web;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.subwatch.subscription.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hosts of a view, streamed in chunks by keyset on an index ((task_id, status, id) or (task_id, id) and their
 * is_latest twins), so 200,000 hosts never sit in memory at once and no chunk scans what the previous one read.
 */
@Repository
class HostExportDao {

	static final int CHUNK = 5000;

	/** The address columns of an exported host. */
	record Address(long id, String ip, String ipv6, Long cloudId) {
	}

	private final JdbcClient jdbc;

	HostExportDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every host of the scope in these statuses (all when empty): one keyset walk per status. */
	void forEach(ResultScope scope, List<Status> statuses, Consumer<Address> consumer) {
		forEachChunk(scope, statuses, (chunk) -> chunk.forEach(consumer));
	}

	/** The same, only hosts at the breakdown filter's place (none: all). */
	void forEach(ResultScope scope, List<Status> statuses, PlaceFilter place, Consumer<Address> consumer) {
		forEachChunk(scope, statuses, place, (chunk) -> chunk.forEach(consumer));
	}

	/** In chunks, only hosts at the breakdown filter's place (none: all), one keyset walk per status. */
	void forEachChunk(ResultScope scope, List<Status> statuses, PlaceFilter place, Consumer<List<Address>> consumer) {
		if (place == null) {
			forEachChunk(scope, statuses, consumer);
			return;
		}
		for (Status status : statuses.isEmpty() ? Status.RECORD_STATUSES : statuses) {
			walk(scope, status, place, consumer);
		}
	}

	/** The same, a chunk of at most {@link #CHUNK} hosts at a time, ascending record id within each status. */
	void forEachChunk(ResultScope scope, List<Status> statuses, Consumer<List<Address>> consumer) {
		if (statuses.isEmpty()) {
			walk(scope, null, null, consumer);
			return;
		}
		for (Status status : statuses) {
			walk(scope, status, null, consumer);
		}
	}

	/** Addresses of some records (a search's matches), in chunks of the given ids. */
	List<Address> findAllByIds(List<Long> ids) {
		return this.jdbc.sql("""
				SELECT id, bk_host_innerip, bk_host_innerip_v6, bk_cloud_id FROM instance_record
				WHERE id IN (:ids) ORDER BY id
				""").param("ids", ids).query(HostExportDao::address).list();
	}

	private void walk(ResultScope scope, Status status, PlaceFilter place, Consumer<List<Address>> consumer) {
		long after = 0;
		while (true) {
			Map<String, Object> params = ResultTableDao.params(scope);
			params.put("after", after);
			params.put("limit", CHUNK);
			params.put("status", (status != null) ? status.name() : null);
			List<Address> chunk = this.jdbc.sql("SELECT r.id, r.bk_host_innerip, r.bk_host_innerip_v6, r.bk_cloud_id"
					+ " FROM " + PlaceFilter.from(scope, place, (status != null) ? 1 : 0) + " WHERE " + scope.where()
					+ ((status != null) ? " AND r.status = :status" : "") + PlaceFilter.where(place, params)
					+ " AND r.id > :after ORDER BY " + keysetOrder(scope, status, place) + " LIMIT :limit")
				.params(params)
				.query(HostExportDao::address)
				.list();
			consumer.accept(chunk);
			if (chunk.size() < CHUNK) {
				return;
			}
			after = chunk.get(chunk.size() - 1).id();
		}
	}

	/** The keyset walks in id order: a whole cell (no error key) in another order would skip hosts. */
	private static String keysetOrder(ResultScope scope, Status status, PlaceFilter place) {
		if (place == null) {
			return scope.orderBy(status != null);
		}
		return (place.errorKey() != null) ? PlaceFilter.orderBy(scope, place, 1) : "r.id";
	}

	private static Address address(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Address(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class));
	}

}

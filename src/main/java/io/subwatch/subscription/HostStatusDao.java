package io.subwatch.subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The plugin process statuses executors report in a record's {@code instance_info.host_statuses} (NodeMan's
 * ProcessStatus: name, status, version), kept beside the record for statistic's versions and instance_status.
 */
@Repository
public class HostStatusDao {

	/** One reported plugin process of an instance. */
	public record HostStatus(String name, String status, String version) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final JsonMapper json;

	HostStatusDao(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.json = json;
	}

	private record Row(long recordId, int position, HostStatus status) {
	}

	/**
	 * Stores the host statuses of new records, read from their full instance_info. Entries without a name, or past
	 * the column sizes, are left out: they describe nothing statistic could count.
	 */
	void insertFromInfo(long subscriptionId, List<NewRecord> records, Map<String, Long> ids) {
		List<Row> rows = new ArrayList<>();
		for (NewRecord record : records) {
			// most executors report none: skip the parse unless the text can hold them
			if (!record.fullInfo().contains("\"host_statuses\"")) {
				continue;
			}
			int position = 0;
			for (HostStatus status : parse(record.fullInfo())) {
				rows.add(new Row(ids.get(record.instanceId()), position++, status));
			}
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO record_host_status (record_id, position, subscription_id, name, status, version)
				VALUES (?, ?, ?, ?, ?, ?)
				""", rows, 1000, (ps, row) -> {
			ps.setLong(1, row.recordId());
			ps.setInt(2, row.position());
			ps.setLong(3, subscriptionId);
			ps.setString(4, row.status().name());
			ps.setString(5, row.status().status());
			ps.setString(6, row.status().version());
		});
	}

	private List<HostStatus> parse(String fullInfo) {
		List<HostStatus> result = new ArrayList<>();
		try {
			JsonNode list = this.json.readTree(fullInfo).path("host_statuses");
			for (JsonNode item : list.isArray() ? list : this.json.createArrayNode()) {
				String name = text(item, "name");
				String status = text(item, "status");
				String version = text(item, "version");
				if (name != null && !name.isBlank() && name.length() <= 64 && (status == null || status.length() <= 32)
						&& (version == null || version.length() <= 64)) {
					result.add(new HostStatus(name, status, version));
				}
			}
		}
		catch (JacksonException ex) {
			// instance_info was validated as JSON on the way in; nothing to keep from text that is not
		}
		return result;
	}

	private static String text(JsonNode item, String name) {
		JsonNode value = item.get(name);
		return (value == null || value.isNull() || value.isContainer()) ? null : value.asString();
	}

	/** The host statuses of records, by record id, in reported order (records without any are absent). */
	public Map<Long, List<HostStatus>> findByRecordIds(Collection<Long> recordIds) {
		Map<Long, List<HostStatus>> result = new HashMap<>();
		for (IdBatches.Batch batch : IdBatches.of("record_id", recordIds)) {
			this.jdbc.sql("""
					SELECT record_id, name, status, version FROM record_host_status WHERE %s
					ORDER BY record_id, position
					""".formatted(batch.condition())).params(batch.params()).query((rs) -> {
				result.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new HostStatus(rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		}
		return result;
	}

	/** A plugin version and how many instances run it. */
	public record VersionCount(String name, String version, int count) {
	}

	/**
	 * Versions over a subscription's latest records, optionally only those matching {@code recordCondition} (SQL on
	 * alias {@code r}, with {@code params}).
	 */
	public List<VersionCount> countVersions(long subscriptionId, String recordCondition, Map<String, Object> params) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("subscriptionId", subscriptionId);
		return this.jdbc.sql("""
				SELECT h.name, h.version, COUNT(*) FROM record_host_status h
				JOIN instance_record r ON r.id = h.record_id
				WHERE h.subscription_id = :subscriptionId AND r.is_latest = TRUE%s
				GROUP BY h.name, h.version ORDER BY h.name, h.version
				""".formatted((recordCondition != null) ? " AND " + recordCondition : ""))
			.params(all)
			.query((rs, n) -> new VersionCount(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

}

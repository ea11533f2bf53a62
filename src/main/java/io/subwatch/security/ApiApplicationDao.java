package io.subwatch.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.subwatch.subscription.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** API applications and their business grants. */
@Repository
public class ApiApplicationDao {

	private static final String COLUMNS = """
			id, app_code, secret_hash, description, read_all, write_all, enabled, created_at, created_by""";

	private final JdbcClient jdbc;

	ApiApplicationDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ApiApplication> findByAppCode(String appCode) {
		return withGrants(this.jdbc.sql("SELECT " + COLUMNS + " FROM api_application WHERE app_code = :appCode")
			.param("appCode", appCode)
			.query(ApiApplicationDao::map)
			.list()).stream().findFirst();
	}

	public Optional<ApiApplication> findById(long id) {
		return withGrants(this.jdbc.sql("SELECT " + COLUMNS + " FROM api_application WHERE id = :id")
			.param("id", id)
			.query(ApiApplicationDao::map)
			.list()).stream().findFirst();
	}

	public List<ApiApplication> findAll(int limit) {
		return withGrants(this.jdbc.sql("SELECT " + COLUMNS + " FROM api_application ORDER BY app_code LIMIT :limit")
			.param("limit", limit)
			.query(ApiApplicationDao::map)
			.list());
	}

	@Transactional
	public long insert(String appCode, String secretHash, String description, Grants grants, Instant now,
			String createdBy) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO api_application (app_code, secret_hash, description, read_all, write_all, enabled,
				                             created_at, created_by)
				VALUES (:appCode, :secretHash, :description, :readAll, :writeAll, TRUE, :now, :createdBy)
				""")
			.param("appCode", appCode)
			.param("secretHash", secretHash)
			.param("description", description)
			.param("readAll", grants.readAll())
			.param("writeAll", grants.writeAll())
			.param("now", DbTime.toDb(now))
			.param("createdBy", createdBy)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertGrants(id, grants);
		return id;
	}

	@Transactional
	public void update(long id, String description, Grants grants, boolean enabled) {
		this.jdbc.sql("""
				UPDATE api_application SET description = :description, read_all = :readAll, write_all = :writeAll,
				       enabled = :enabled
				WHERE id = :id
				""")
			.param("description", description)
			.param("readAll", grants.readAll())
			.param("writeAll", grants.writeAll())
			.param("enabled", enabled)
			.param("id", id)
			.update();
		this.jdbc.sql("DELETE FROM api_application_grant WHERE application_id = :id").param("id", id).update();
		insertGrants(id, grants);
	}

	public void updateSecret(long id, String secretHash) {
		this.jdbc.sql("UPDATE api_application SET secret_hash = :secretHash WHERE id = :id")
			.param("secretHash", secretHash)
			.param("id", id)
			.update();
	}

	/** What an application may read and write; a business in both lists is written. */
	public record Grants(boolean readAll, boolean writeAll, Set<Long> read, Set<Long> write) {
	}

	private void insertGrants(long id, Grants grants) {
		Set<Long> all = new TreeSet<>(grants.read());
		all.addAll(grants.write());
		for (long bizId : all) {
			this.jdbc.sql("""
					INSERT INTO api_application_grant (application_id, bk_biz_id, can_write)
					VALUES (:id, :bizId, :canWrite)
					""").param("id", id).param("bizId", bizId).param("canWrite", grants.write().contains(bizId)).update();
		}
	}

	private List<ApiApplication> withGrants(List<ApiApplication> apps) {
		if (apps.isEmpty()) {
			return apps;
		}
		Map<Long, Set<Long>> read = new HashMap<>();
		Map<Long, Set<Long>> write = new HashMap<>();
		this.jdbc.sql("""
				SELECT application_id, bk_biz_id, can_write FROM api_application_grant
				WHERE application_id IN (:ids) ORDER BY application_id, bk_biz_id
				""").param("ids", apps.stream().map(ApiApplication::id).toList()).query((rs) -> {
			(rs.getBoolean(3) ? write : read).computeIfAbsent(rs.getLong(1), (k) -> new TreeSet<>()).add(rs.getLong(2));
		});
		return apps.stream()
			.map((a) -> new ApiApplication(a.id(), a.appCode(), a.secretHash(), a.description(), a.readAll(),
					a.writeAll(), Set.copyOf(read.getOrDefault(a.id(), Set.of())),
					Set.copyOf(write.getOrDefault(a.id(), Set.of())), a.enabled(), a.createdAt(), a.createdBy()))
			.toList();
	}

	private static ApiApplication map(ResultSet rs, int row) throws SQLException {
		return new ApiApplication(rs.getLong("id"), rs.getString("app_code"), rs.getString("secret_hash"),
				rs.getString("description"), rs.getBoolean("read_all"), rs.getBoolean("write_all"), Set.of(), Set.of(),
				rs.getBoolean("enabled"), DbTime.read(rs, "created_at"), rs.getString("created_by"));
	}

}

package io.subwatch.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
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

/** Browser users and their business grants. */
@Repository
public class UserDao {

	private static final String COLUMNS = """
			id, username, password_hash, role, all_businesses, enabled, credentials_version, created_at, created_by""";

	private final JdbcClient jdbc;

	UserDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

	public Optional<UserAccount> findById(long id) {
		return withGrants(this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
			.param("id", id)
			.query(UserDao::map)
			.list()).stream().findFirst();
	}

	Optional<UserAccount> findByUsername(String username) {
		return withGrants(this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
			.param("username", username)
			.query(UserDao::map)
			.list()).stream().findFirst();
	}

	/** Users by name, at most {@code limit}. */
	public List<UserAccount> findAll(int limit) {
		return withGrants(this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username LIMIT :limit")
			.param("limit", limit)
			.query(UserDao::map)
			.list());
	}

	@Transactional
	public long insert(String username, String passwordHash, Role role, BizScope grants, Instant now, String createdBy) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO app_user (username, password_hash, role, all_businesses, enabled, credentials_version,
				                      created_at, created_by)
				VALUES (:username, :hash, :role, :all, TRUE, 1, :now, :createdBy)
				""")
			.param("username", username)
			.param("hash", passwordHash)
			.param("role", role.name())
			.param("all", grants.all())
			.param("now", DbTime.toDb(now))
			.param("createdBy", createdBy)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertGrants(id, grants.bizIds());
		return id;
	}

	@Transactional
	public void update(long id, Role role, BizScope grants, boolean enabled) {
		this.jdbc.sql("""
				UPDATE app_user SET role = :role, all_businesses = :all, enabled = :enabled WHERE id = :id
				""").param("role", role.name()).param("all", grants.all()).param("enabled", enabled).param("id", id)
			.update();
		this.jdbc.sql("DELETE FROM app_user_grant WHERE user_id = :id").param("id", id).update();
		insertGrants(id, grants.bizIds());
	}

	/** A new password: the version moves on, so the user's other sessions end. */
	void updatePassword(long id, String passwordHash) {
		this.jdbc.sql("""
				UPDATE app_user SET password_hash = :hash, credentials_version = credentials_version + 1 WHERE id = :id
				""").param("hash", passwordHash).param("id", id).update();
	}

	/** A re-hash of the same password with a stronger encoding: sessions stay. */
	void upgradePasswordHash(String username, String passwordHash) {
		this.jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :username")
			.param("hash", passwordHash)
			.param("username", username)
			.update();
	}

	private void insertGrants(long userId, Collection<Long> bizIds) {
		for (long bizId : new TreeSet<>(bizIds)) {
			this.jdbc.sql("INSERT INTO app_user_grant (user_id, bk_biz_id) VALUES (:userId, :bizId)")
				.param("userId", userId)
				.param("bizId", bizId)
				.update();
		}
	}

	/** Adds the grants of all the users in one query. */
	private List<UserAccount> withGrants(List<UserAccount> users) {
		if (users.isEmpty()) {
			return users;
		}
		Map<Long, Set<Long>> grants = new HashMap<>();
		this.jdbc.sql("""
				SELECT user_id, bk_biz_id FROM app_user_grant WHERE user_id IN (:ids) ORDER BY user_id, bk_biz_id
				""")
			.param("ids", users.stream().map(UserAccount::id).toList())
			.query((rs) -> {
				grants.computeIfAbsent(rs.getLong(1), (k) -> new TreeSet<>()).add(rs.getLong(2));
			});
		return users.stream()
			.map((u) -> new UserAccount(u.id(), u.username(), u.passwordHash(), u.role(), u.allBusinesses(),
					Set.copyOf(grants.getOrDefault(u.id(), Set.of())), u.enabled(), u.credentialsVersion(),
					u.createdAt(), u.createdBy()))
			.toList();
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				Role.valueOf(rs.getString("role")), rs.getBoolean("all_businesses"), Set.of(), rs.getBoolean("enabled"),
				rs.getInt("credentials_version"), DbTime.read(rs, "created_at"), rs.getString("created_by"));
	}

}

package io.subwatch.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.subwatch.subscription.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ShareLinkDao {

	private static final String COLUMNS = """
			id, subscription_id, instance_id, created_by, created_at, expires_at, revoked_at, revoked_by""";

	private final JdbcClient jdbc;

	ShareLinkDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String tokenHash, long subscriptionId, String instanceId, String createdBy, Instant createdAt,
			Instant expiresAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO share_link (token_hash, subscription_id, instance_id, created_by, created_at, expires_at)
				VALUES (:tokenHash, :subscriptionId, :instanceId, :createdBy, :createdAt, :expiresAt)
				""")
			.param("tokenHash", tokenHash)
			.param("subscriptionId", subscriptionId)
			.param("instanceId", instanceId)
			.param("createdBy", createdBy)
			.param("createdAt", DbTime.toDb(createdAt))
			.param("expiresAt", DbTime.toDb(expiresAt))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ShareLink> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM share_link WHERE id = :id")
			.param("id", id)
			.query(ShareLinkDao::map)
			.optional();
	}

	Optional<ShareLink> findByTokenHash(String tokenHash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM share_link WHERE token_hash = :tokenHash")
			.param("tokenHash", tokenHash)
			.query(ShareLinkDao::map)
			.optional();
	}

	/** The links of a subscription, newest first. */
	List<ShareLink> findAllBySubscription(long subscriptionId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM share_link WHERE subscription_id = :subscriptionId ORDER BY id DESC LIMIT :limit
				""")
			.param("subscriptionId", subscriptionId)
			.param("limit", limit)
			.query(ShareLinkDao::map)
			.list();
	}

	/** Revokes a link of this subscription that is not revoked yet; false when there is none. */
	boolean revoke(long id, long subscriptionId, Instant now, String revokedBy) {
		return this.jdbc.sql("""
				UPDATE share_link SET revoked_at = :now, revoked_by = :revokedBy
				WHERE id = :id AND subscription_id = :subscriptionId AND revoked_at IS NULL
				""")
			.param("now", DbTime.toDb(now))
			.param("revokedBy", revokedBy)
			.param("id", id)
			.param("subscriptionId", subscriptionId)
			.update() == 1;
	}

	private static ShareLink map(ResultSet rs, int row) throws SQLException {
		return new ShareLink(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("instance_id"),
				rs.getString("created_by"), DbTime.read(rs, "created_at"), DbTime.read(rs, "expires_at"),
				DbTime.read(rs, "revoked_at"), rs.getString("revoked_by"));
	}

}

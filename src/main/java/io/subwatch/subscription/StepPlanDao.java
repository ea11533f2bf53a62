package io.subwatch.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores plans once per distinct content (by SHA-256) and serves them from a cache: a plan never changes once stored,
 * so reads of 100,000 rows resolve sub-step names without a query.
 */
@Repository
public class StepPlanDao {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Cache<Long, StepPlan> cache = Caffeine.newBuilder().maximumSize(20_000).build();

	StepPlanDao(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The id of the stored plan with these steps, inserting it when new. */
	public long findOrCreate(List<StepPlan.Step> steps) {
		String definition = toJson(steps);
		String hash = sha256(definition);
		Long existing = findIdByHash(hash);
		if (existing != null) {
			return existing;
		}
		try {
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("INSERT INTO step_plan (plan_hash, definition) VALUES (:hash, :definition)")
				.param("hash", hash)
				.param("definition", definition)
				.update(keys, "id");
			return keys.getKey().longValue();
		}
		catch (DuplicateKeyException raced) {
			// Another transaction stored the same plan first; a locking read sees its committed row.
			return this.jdbc.sql("SELECT id FROM step_plan WHERE plan_hash = :hash FOR UPDATE")
				.param("hash", hash)
				.query(Long.class)
				.single();
		}
	}

	public StepPlan findById(long id) {
		return this.cache.get(id, this::load);
	}

	private Long findIdByHash(String hash) {
		return this.jdbc.sql("SELECT id FROM step_plan WHERE plan_hash = :hash")
			.param("hash", hash)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private StepPlan load(long id) {
		String definition = this.jdbc.sql("SELECT definition FROM step_plan WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		List<StepPlan.Step> steps = new ArrayList<>();
		for (JsonNode step : this.json.readTree(definition)) {
			List<StepPlan.SubStep> subs = new ArrayList<>();
			for (JsonNode sub : step.get("sub_steps")) {
				subs.add(new StepPlan.SubStep(sub.get("node_name").asString(), textOrNull(sub.get("step_code"))));
			}
			steps.add(new StepPlan.Step(step.get("id").asString(), step.get("type").asString(),
					step.get("action").asString(), step.get("node_name").asString(),
					this.json.writeValueAsString(step.get("extra_info")), List.copyOf(subs)));
		}
		return new StepPlan(id, List.copyOf(steps));
	}

	private String toJson(List<StepPlan.Step> steps) {
		ArrayNode array = this.json.createArrayNode();
		for (StepPlan.Step step : steps) {
			ObjectNode node = array.addObject();
			node.put("id", step.id());
			node.put("type", step.type());
			node.put("action", step.action());
			node.put("node_name", step.nodeName());
			node.set("extra_info", this.json.readTree(step.extraInfo()));
			ArrayNode subs = node.putArray("sub_steps");
			for (StepPlan.SubStep sub : step.subSteps()) {
				subs.addObject().put("node_name", sub.nodeName()).put("step_code", sub.stepCode());
			}
		}
		return this.json.writeValueAsString(array);
	}

	private static String textOrNull(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	private static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

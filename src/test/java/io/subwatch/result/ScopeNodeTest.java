package io.subwatch.result;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** info's nodes in NodeMan's node form, and statistic's statuses under both settings of terminated-as. */
class ScopeNodeTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static String node(String instanceId) {
		StringWriter text = new StringWriter();
		try (JsonGenerator out = JSON.createGenerator(text)) {
			ScopeNode.write(out, instanceId);
		}
		return text.toString();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '=', value = { "host|instance|host|12={\"bk_host_id\":12}",
			"host|instance|host|10.0.0.1-0-0={\"ip\":\"10.0.0.1\",\"bk_cloud_id\":0,\"bk_supplier_id\":\"0\"}",
			"host|instance|host|fe80::1-3-0={\"ip\":\"fe80::1\",\"bk_cloud_id\":3,\"bk_supplier_id\":\"0\"}",
			"service|instance|service|5={\"id\":5}",
			"mirror-7={\"instance_id\":\"mirror-7\"}" })
	void instanceIdsBecomeNodeManNodes(String instanceId, String expected) {
		assertThat(node(instanceId)).isEqualTo(expected);
	}

	@Test
	void statisticListsTerminatedOnlyWhenTheApiReportsIt() {
		List<Status> listed = List.of(Status.SUCCESS, Status.PENDING, Status.FAILED, Status.RUNNING);
		StatusCounts counts = StatusCounts.of(List.of(Map.entry("FAILED", 2),
				Map.entry("TERMINATED", 3), Map.entry("SUCCESS", 1)));
		SubscriptionViews nodeman = new SubscriptionViews(null, new ApiStatuses(Status.FAILED));
		assertThat(nodeman.listedStatuses(listed)).isEqualTo(listed);
		assertThat(nodeman.apiCounts(counts)).containsEntry(Status.FAILED, 5).doesNotContainKey(Status.TERMINATED);
		SubscriptionViews kept = new SubscriptionViews(null, new ApiStatuses(Status.TERMINATED));
		assertThat(kept.listedStatuses(listed)).endsWith(Status.TERMINATED).hasSize(5);
		assertThat(kept.apiCounts(counts)).containsEntry(Status.FAILED, 2).containsEntry(Status.TERMINATED, 3);
	}

}

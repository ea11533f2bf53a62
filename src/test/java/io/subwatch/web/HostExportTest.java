package io.subwatch.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.records.RecordHostDao;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** "Copy hosts": the IPs of a view as text, streamed in keyset chunks. */
@IntegrationTest
class HostExportTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	List<String> lines(String url, RequestPostProcessor user) throws Exception {
		MvcResult started = new Pages(this.mvc).perform(get(URI.create(url)), user);
		assertThat(started.getResponse().getStatus()).isEqualTo(200);
		MvcResult done = this.mvc.perform(asyncDispatch(started)).andReturn();
		assertThat(done.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
		String text = done.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
	}

	@Test
	void ipsByStatusAndAsCloudIpAcrossChunkBoundaries() throws Exception {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		List<Map<String, Object>> hosts = this.fixtures.hosts(bizId, RecordHostDao.WALK_CHUNK + 7);
		CreatedTask task = this.fixtures.task(subscriptionId, hosts);
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		for (int i = 0; i < 3; i++) {
			this.fixtures.send(Fixtures.finish(task.records().get(i * 1000).recordId(), 1, start));
		}
		RequestPostProcessor user = TestUsers.viewer(BizScope.of(Set.of(bizId)));
		String base = "/subscriptions/" + subscriptionId + "/hosts.txt";

		List<String> all = lines(base, user);
		assertThat(all).hasSize(RecordHostDao.WALK_CHUNK + 7).doesNotHaveDuplicates();
		assertThat(all.get(0)).isEqualTo(ip(hosts.get(0)));
		List<String> failed = lines(base + "?status=FAILED&format=cloud", user);
		assertThat(failed).containsExactly("0:" + ip(hosts.get(0)), "0:" + ip(hosts.get(1000)),
				"0:" + ip(hosts.get(2000)));
		assertThat(lines(base + "?status=PENDING&status=FAILED", user)).hasSize(RecordHostDao.WALK_CHUNK + 7);
		assertThat(lines(base + "?status=SUCCESS", user)).isEmpty();
		assertThat(lines(base + "?task=all&status=FAILED", user)).hasSize(3);
		assertThat(lines(base + "?q=" + ip(hosts.get(5)) + "%20" + ip(hosts.get(6)), user))
			.containsExactly(ip(hosts.get(5)), ip(hosts.get(6)));
	}

	@Test
	void invisibleSubscriptionsExportNothing() throws Exception {
		long subscriptionId = this.fixtures.subscription();
		MvcResult result = new Pages(this.mvc).perform(get("/subscriptions/" + subscriptionId + "/hosts.txt"),
				TestUsers.viewer(BizScope.of(Set.of(-9L))));
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
	}

	@SuppressWarnings("unchecked")
	private static String ip(Map<String, Object> instance) {
		Map<String, Object> info = (Map<String, Object>) instance.get("instance_info");
		return (String) ((Map<String, Object>) info.get("host")).get("bk_host_innerip");
	}

}

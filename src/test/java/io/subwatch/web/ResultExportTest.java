package io.subwatch.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Export of the current view as CSV and JSON: the table's filters, spreadsheet-safe cells, the page's scoping. */
@IntegrationTest
class ResultExportTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	long bizId;

	long subscriptionId;

	CreatedTask task;

	List<String> ips;

	RequestPostProcessor viewer;

	/** Four hosts: succeeded, failed with a quoted Chinese error, failed with a formula as its log, pending. */
	@BeforeEach
	void setUp() {
		this.bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(this.bizId);
		List<Map<String, Object>> hosts = this.fixtures.hosts(this.bizId, 4);
		this.ips = hosts.stream().map(ResultExportTest::ip).toList();
		this.task = this.fixtures.task(this.subscriptionId, hosts);
		List<Map<String, Object>> events = new ArrayList<>(Fixtures.finish(record(0), -1, T0));
		events.addAll(failAt(record(1), "[x INFO] copying\n[x ERROR] 安装失败: \"disk\", full\n[x INFO] cleaning up"));
		events.addAll(failAt(record(2), "=HYPERLINK(\"http://example.invalid\")"));
		this.fixtures.send(events);
		this.viewer = TestUsers.viewer(BizScope.of(Set.of(this.bizId)));
	}

	long record(int index) {
		return this.task.records().get(index).recordId();
	}

	static List<Map<String, Object>> failAt(long recordId, String log) {
		return List.of(Fixtures.event(recordId, 0, "RUNNING", T0), Fixtures.event(recordId, 0, "SUCCESS", T0.plusSeconds(5)),
				Fixtures.event(recordId, 1, "RUNNING", T0.plusSeconds(5)),
				Fixtures.event(recordId, 1, "FAILED", T0.plusSeconds(65), log));
	}

	MvcResult download(MockHttpServletRequestBuilder request, RequestPostProcessor user) throws Exception {
		MvcResult started = new Pages(this.mvc).perform(request, user);
		if (started.getResponse().getStatus() != 200 || !started.getRequest().isAsyncStarted()) {
			return started;
		}
		return this.mvc.perform(asyncDispatch(started)).andReturn();
	}

	String base(String extension) {
		return "/subscriptions/" + this.subscriptionId + "/hosts." + extension;
	}

	@Test
	void csvOfTheFailedHostsOpensInSpreadsheetsWithChineseTextAndNoFormulas() throws Exception {
		MvcResult result = download(get(URI.create(base("csv") + "?status=FAILED")).header("Accept-Language", "zh-CN"),
				this.viewer);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("subwatch-" + this.subscriptionId + "-task-" + this.task.taskId() + ".csv");
		byte[] bytes = result.getResponse().getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).endsWith("\r\n");
		String[] lines = text.split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).isEqualTo("实例 ID,IP,云区域,业务,状态,步骤,子步骤,开始（UTC+08:00）,结束（UTC+08:00）,耗时（秒）,最后一行错误");
		assertThat(lines[1]).isEqualTo(this.task.records().get(1).instanceId() + "," + this.ips.get(1) + ",0,"
				+ this.bizId + ",执行失败,agent,选择接入点,2026-11-28 10:00:00,2026-11-28 10:01:05,65,"
				+ "\"[x ERROR] 安装失败: \"\"disk\"\", full\"");
		assertThat(lines[2]).endsWith(",\"'=HYPERLINK(\"\"http://example.invalid\"\")\"");
	}

	@Test
	void csvCellsAreQuotedAndFormulasMadeInert() {
		assertThat(ExportFormat.Csv.quoted(ExportFormat.Csv.text("-1+2"))).isEqualTo("'-1+2");
		assertThat(ExportFormat.Csv.quoted(ExportFormat.Csv.text("@SUM(A1)"))).isEqualTo("'@SUM(A1)");
		assertThat(ExportFormat.Csv.quoted(ExportFormat.Csv.text("+cmd"))).isEqualTo("'+cmd");
		assertThat(ExportFormat.Csv.quoted(ExportFormat.Csv.text("a,b"))).isEqualTo("\"a,b\"");
		assertThat(ExportFormat.Csv.quoted(ExportFormat.Csv.text("line\nbreak"))).isEqualTo("\"line\nbreak\"");
		assertThat(ExportFormat.Csv.quoted(ExportFormat.Csv.text("安装"))).isEqualTo("安装");
		assertThat(ExportFormat.Csv.quoted(ExportFormat.Csv.text(null))).isEmpty();
	}

	@Test
	void jsonFollowsTheSearchAndTheStatusFilter() throws Exception {
		MvcResult result = download(get(URI.create(base("json") + "?q=" + this.ips.get(1) + "%20" + this.ips.get(3)
				+ "%2010.255.255.251")), this.viewer);
		assertThat(result.getResponse().getContentType()).startsWith("application/json");
		JsonNode body = this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(body.get("count").asLong()).isEqualTo(2);
		JsonNode failed = body.get("hosts").get(0);
		assertThat(failed.get("instance_id").asString()).isEqualTo(this.task.records().get(1).instanceId());
		assertThat(failed.get("ip").asString()).isEqualTo(this.ips.get(1));
		assertThat(failed.get("bk_biz_id").asLong()).isEqualTo(this.bizId);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("sub_step").asString()).isEqualTo("选择接入点");
		assertThat(failed.get("start_time").asString()).isEqualTo("2026-11-28T02:00:00Z");
		assertThat(failed.get("duration_seconds").asLong()).isEqualTo(65);
		assertThat(failed.get("error_line").asString()).isEqualTo("[x ERROR] 安装失败: \"disk\", full");
		JsonNode pending = body.get("hosts").get(1);
		assertThat(pending.get("status").asString()).isEqualTo("PENDING");
		assertThat(pending.get("start_time").isNull()).isTrue();
		assertThat(pending.get("error_line").isNull()).isTrue();

		JsonNode succeeded = this.json.readTree(download(get(URI.create(base("json") + "?status=SUCCESS&status=PENDING")),
				this.viewer).getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(succeeded.get("count").asLong()).isEqualTo(2);
		assertThat(succeeded.get("hosts").findValuesAsString("status")).containsExactly("PENDING", "SUCCESS");
		JsonNode everything = this.json.readTree(download(get(URI.create(base("json") + "?task=all")), this.viewer)
			.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(everything.get("count").asLong()).isEqualTo(4);
	}

	@Test
	void theResultPageLinksBothFormatsWithItsFilter() {
		Pages.Page page = new Pages(this.mvc).get("/subscriptions/" + this.subscriptionId + "?status=FAILED&q=10.0",
				this.viewer);
		assertThat(page.attr("#export-csv", "href")).isEqualTo(base("csv") + "?task=" + this.task.taskId()
				+ "&status=FAILED&q=10.0");
		assertThat(page.attr("#export-json", "href")).isEqualTo(base("json") + "?task=" + this.task.taskId()
				+ "&status=FAILED&q=10.0");
	}

	@Test
	void exportsAreScopedLikeThePage() throws Exception {
		RequestPostProcessor stranger = TestUsers.viewer(BizScope.of(Set.of(-9L)));
		assertThat(download(get(URI.create(base("csv"))), stranger).getResponse().getStatus()).isEqualTo(404);
		assertThat(download(get(URI.create(base("json"))), stranger).getResponse().getStatus()).isEqualTo(404);
		RequestPostProcessor oneInstance = Pages.shareLink(this.subscriptionId, this.task.records().get(0).instanceId());
		assertThat(download(get(URI.create(base("csv"))), oneInstance).getResponse().getStatus()).isEqualTo(404);
		MvcResult shared = download(get(URI.create(base("json"))), Pages.shareLink(this.subscriptionId, null));
		assertThat(shared.getResponse().getStatus()).isEqualTo(200);
		assertThat(this.json.readTree(shared.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("count")
			.asLong()).isEqualTo(4);
		assertThat(download(get(URI.create(base("csv") + "?status=NOPE")), this.viewer).getResponse().getStatus())
			.isEqualTo(400);
	}

	@SuppressWarnings("unchecked")
	private static String ip(Map<String, Object> instance) {
		Map<String, Object> info = (Map<String, Object>) instance.get("instance_info");
		return (String) ((Map<String, Object>) info.get("host")).get("bk_host_innerip");
	}

}

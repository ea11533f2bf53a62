package io.subwatch.result;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlan.Step;
import io.subwatch.subscription.StepPlan.SubStep;
import io.subwatch.subscription.SubStepState;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BlueKing clients parse task_result byte for byte as NodeMan writes it: the writer's output for rows covering every
 * status, null times, IPv4, IPv6-only and IP-less hosts, several steps and sub-steps, text that needs escaping and
 * Chinese text, in a fixed and a daylight-saving zone, must stay exactly the stored expectation.
 */
class ResultJsonWriterTest {

	static final Instant T0 = Instant.parse("2026-03-08T06:59:58Z");

	static final StepPlan AGENT = new StepPlan(1, List.of(
			new Step("agent", "AGENT", "INSTALL_AGENT", "[agent] 安装", "{}",
					List.of(new SubStep("下发脚本", "push_script"), new SubStep("安装", null),
							new SubStep("启动 \"gse_agent\"\t进程\n", "start"))),
			new Step("bkmonitorbeat", "PLUGIN", "MAIN_INSTALL_PLUGIN", "[bkmonitorbeat] 部署插件 🚀",
					"{\"plugin_name\":\"bkmonitorbeat\",\"version\":\"1.2.3\"}",
					List.of(new SubStep("下发安装包", "dispatch"), new SubStep("渲染配置", "render"),
							new SubStep("启动插件进程", "start_process"), new SubStep("设置插件状态", "set_status")))));

	static final StepPlan SINGLE = new StepPlan(2,
			List.of(new Step("proxy", "PROXY", "REINSTALL_PROXY", "<proxy> & 'reinstall'", "{\"a\":[1,2]}",
					List.of(new SubStep("only", "only")))));

	@Test
	void writesExactlyTheStoredBytes() throws IOException {
		String actual = document(ZoneId.of("Asia/Shanghai"), ApiStatuses.NODEMAN, true) + "\n"
				+ document(ZoneId.of("America/New_York"), new ApiStatuses(Status.TERMINATED), false) + "\n";
		String expected;
		try (InputStream in = getClass().getResourceAsStream("/result-json-writer-expected.jsonl")) {
			expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(actual).isEqualTo(expected);
	}

	/** A whole answer: as a dict with a counter, or as a bare list followed by last_task objects. */
	private static String document(ZoneId zone, ApiStatuses statuses, boolean dict) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		List<ResultRow> rows = rows();
		try (JsonGenerator generator = JsonMapper.builder().build().createGenerator(bytes)) {
			ResultJsonWriter writer = new ResultJsonWriter(generator, zone, statuses);
			writer.startEnvelope();
			if (dict) {
				writer.startDict(rows.size());
			}
			else {
				writer.startList();
			}
			rows.forEach(writer::writeRow);
			if (dict) {
				writer.endDict(statuses.report(StatusCounts.of(List.of(Map.entry("SUCCESS", 1), Map.entry("FAILED", 1),
						Map.entry("TERMINATED", 1), Map.entry("RUNNING", 2), Map.entry("PENDING", 2)))));
			}
			else {
				rows.forEach(writer::writeLastTask);
				writer.endList();
			}
			writer.endEnvelope();
			assertThat(writer.rows()).isEqualTo(rows.size());
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static List<ResultRow> rows() {
		List<ResultRow> rows = new ArrayList<>();
		// IPv4 host, every sub-step done, with logs (need_detail)
		Map<Integer, SubStepState> done = states(AGENT, Status.SUCCESS, Status.SUCCESS, Status.SUCCESS, Status.SUCCESS,
				Status.SUCCESS, Status.SUCCESS, Status.SUCCESS);
		rows.add(row(record(101, 7, Status.SUCCESS, T0, "10.0.0.1", null, 0L, null), "0123456789abcdef0123456789abcdef",
				AGENT, done, "{\"host\":{\"bk_host_innerip\":\"10.0.0.1\",\"bk_cloud_id\":0}}",
				Map.of(RecordProgress.key(0, 0), "[2026-03-08 14:59:58 INFO] 开始下发脚本\n完成",
						RecordProgress.key(1, 3), "状态 \"正常\" \\ ok")));
		// IPv6-only host: its name ends in "<cloud>:"; a failed plugin step
		rows.add(row(record(102, 7, Status.FAILED, T0.plusSeconds(1), null, "fe80::1", 2L, null),
				"0123456789abcdef0123456789abcdef", AGENT, states(AGENT, Status.SUCCESS, Status.SUCCESS, Status.SUCCESS,
						Status.SUCCESS, Status.FAILED, Status.PENDING, Status.PENDING),
				"{}", Map.of()));
		// revoked: stored TERMINATED; empty IPv4 beside an IPv6, no cloud id
		rows.add(row(record(103, 8, Status.TERMINATED, T0.plusSeconds(3600), "", "::1", null, null),
				"fedcba9876543210fedcba9876543210", AGENT, states(AGENT, Status.SUCCESS, Status.TERMINATED),
				"{\"host\":{}}", null));
		// no IP at all: goes by its service name; still running
		rows.add(row(record(104, 8, Status.RUNNING, T0.plusSeconds(86_400 * 200), null, null, 5L, "服务 \"网关\""),
				"fedcba9876543210fedcba9876543210", AGENT, states(AGENT, Status.RUNNING), "{}", null));
		// never started: no times at all, not even create_time; goes by its instance id
		rows.add(row(record(105, 8, Status.PENDING, null, null, null, null, null), "ffffffffffffffffffffffffffffffff",
				AGENT, Map.of(), "{}", null));
		// statuses a sub-step is not normally stored in, one plan with a single step
		Status[] all = Status.values();
		for (int i = 0; i < all.length; i++) {
			rows.add(row(record(200 + i, 9, all[i], T0.minusSeconds(86_400L * 365 * 30), "192.168.1." + i, null, 1L,
					null), "00000000000000000000000000000000", SINGLE, states(SINGLE, all[i]), "{}", null));
		}
		return rows;
	}

	private static ResultRow row(InstanceRecord record, String taskPipelineId, StepPlan plan,
			Map<Integer, SubStepState> stored, String instanceInfo, Map<Integer, String> logs) {
		return new ResultRow(record, taskPipelineId, plan, RecordProgress.of(plan, stored), instanceInfo, logs);
	}

	private static InstanceRecord record(long id, long taskId, Status status, Instant created, String ip, String ipv6,
			Long cloud, String serviceName) {
		return new InstanceRecord(id, 1, taskId, "host|instance|host|" + id, 1, status, true, created, null, null,
				created, id * 10, ip, ipv6, cloud, "host-" + id, 2L, serviceName, "{}");
	}

	/**
	 * Sub-steps in plan order with the given statuses (the rest pending): each starts a minute after the previous one
	 * and, unless pending or running, finishes 59 seconds later.
	 */
	private static Map<Integer, SubStepState> states(StepPlan plan, Status... statuses) {
		Map<Integer, SubStepState> states = new HashMap<>();
		int n = 0;
		for (int s = 0; s < plan.steps().size(); s++) {
			for (int i = 0; i < plan.steps().get(s).subSteps().size() && n < statuses.length; i++, n++) {
				Instant start = T0.plusSeconds(60L * n);
				Instant finish = statuses[n].isActive() ? null : start.plusSeconds(59);
				states.put(RecordProgress.key(s, i), new SubStepState(s, i, statuses[n], start, finish));
			}
		}
		return states;
	}

}

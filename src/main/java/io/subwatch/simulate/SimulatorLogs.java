package io.subwatch.simulate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.LogLine;

/** Log lines an agent installer or plugin deployer would write, and the reasons it fails. */
final class SimulatorLogs {

	private static final List<String> FAILURES = List.of("ssh: connect to host %s port 22: Connection refused",
			"Authentication failed for root@%s: wrong password",
			"timeout after 300s waiting for the agent on %s to report",
			"write /usr/local/gse/agent.tar.gz on %s: No space left on device",
			"download package from file server to %s failed: HTTP 503",
			"process on %s exited with code 1: config file not found");

	private final ZoneId zone;

	SimulatorLogs(ZoneId zone) {
		this.zone = zone;
	}

	String started(InstanceRecord record, String subStep, Instant time) {
		return LogLine.of(time, this.zone, "INFO", "开始 " + subStep + " (" + record.displayName() + ")");
	}

	String succeeded(InstanceRecord record, String subStep, Instant start, Instant time) {
		String detail = switch (subStep) {
			case "安装", "安装插件" -> "connected to " + record.displayName() + ":22, ran setup script, exit code 0";
			case "下发安装包" -> "pushed package (48.2 MB) to " + record.displayName();
			case "查询Agent状态" -> "agent on " + record.displayName() + " reported: RUNNING, version 2.5.3";
			default -> subStep + " 完成";
		};
		return LogLine.of(start, this.zone, "INFO", "开始 " + subStep) + "\n"
				+ LogLine.of(time, this.zone, "INFO", detail);
	}

	String failed(InstanceRecord record, String subStep, Instant start, Instant time) {
		String reason = FAILURES.get(SimulatorScript.choose(record.id(), 3, FAILURES.size()))
			.formatted(record.displayName());
		return LogLine.of(start, this.zone, "INFO", "开始 " + subStep) + "\n"
				+ LogLine.of(time, this.zone, "ERROR", reason);
	}

}

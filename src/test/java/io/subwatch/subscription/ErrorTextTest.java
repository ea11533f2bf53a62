package io.subwatch.subscription;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTextTest {

	@Test
	void masksWhatDiffersBetweenHosts() {
		assertThat(ErrorText.normalise("connect to 10.0.0.12:48668 failed after 3 retries"))
			.isEqualTo("connect to <ip> failed after <n> retries");
		assertThat(ErrorText.normalise("[2026-12-02 12:53:15.123] gse_agent exited with code 137"))
			.isEqualTo("[<time>] gse_agent exited with code <n>");
		assertThat(ErrorText.normalise("at 2026-12-02T04:53:15Z, 08:00:01 later")).isEqualTo("at <time>, <time> later");
		assertThat(ErrorText.normalise("task 6f1e2a3b-0c4d-4e5f-8a9b-0c1d2e3f4a5b not found"))
			.isEqualTo("task <id> not found");
		assertThat(ErrorText.normalise("no such file /usr/local/gse/agent/etc/agent.conf"))
			.isEqualTo("no such file <path>");
		assertThat(ErrorText.normalise("copy C:\\gse\\plugins\\bin\\beat.exe denied")).isEqualTo("copy <path> denied");
		assertThat(ErrorText.normalise("segfault at 0x7ffd2a3c, build deadbeef01")).isEqualTo("segfault at <hex>, build <hex>");
		assertThat(ErrorText.normalise("request req_20261202x7 rejected")).isEqualTo("request <id> rejected");
		assertThat(ErrorText.normalise("ping fe80::1ff:fe23:4567:890a unreachable")).isEqualTo("ping <ip> unreachable");
		assertThat(ErrorText.normalise("  version   2.4.1\tis   too old ")).isEqualTo("version <n> is too old");
	}

	@Test
	void keepsTheWordsThatSayWhat() {
		assertThat(ErrorText.normalise("安装失败: 端口 48668 被占用")).isEqualTo("安装失败: 端口 <n> 被占用");
		assertThat(ErrorText.normalise("permission denied")).isEqualTo("permission denied");
	}

	@Test
	void hostsThatFailedAlikeShareAKey() {
		String a = ErrorText.normalise("2026-12-02 10:00:01 connect 10.0.0.1:22 timeout after 30s");
		String b = ErrorText.normalise("2026-12-02 10:07:44 connect 10.0.3.9:22 timeout after 45s");
		assertThat(a).isEqualTo(b);
		assertThat(ErrorText.key(a)).isEqualTo(ErrorText.key(b)).hasSize(16).matches(ErrorText::isKey);
		assertThat(ErrorText.key(ErrorText.normalise("disk full"))).isNotEqualTo(ErrorText.key(a));
		assertThat(ErrorText.EMPTY_KEY).isEqualTo("e3b0c44298fc1c14");
	}

	@Test
	void picksTheLineThatSaysWhy() {
		assertThat(ErrorText.line("start\nERROR: port in use\nexit 1\n")).isEqualTo("ERROR: port in use");
		assertThat(ErrorText.line("step one\n  step two  \n\n")).isEqualTo("step two");
		assertThat(ErrorText.line("安装中\n安装失败：超时\n")).isEqualTo("安装失败：超时");
		assertThat(ErrorText.line(null)).isEmpty();
		assertThat(ErrorText.line("x".repeat(900))).hasSize(ErrorText.MAX_LINE);
	}

	@Test
	void keysAreCheckedBeforeTheyReachSql() {
		assertThat(ErrorText.isKey("e3b0c44298fc1c14")).isTrue();
		assertThat(ErrorText.isKey("E3B0C44298FC1C14")).isFalse();
		assertThat(ErrorText.isKey("e3b0' OR 1=1 --x")).isFalse();
		assertThat(ErrorText.isKey(null)).isFalse();
	}

}

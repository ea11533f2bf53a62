package io.subwatch.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogViewTest {

	@Test
	void numbersLinesAndReadsTheirLevel() {
		LogView log = LogView.of("""
				[2026-11-28 10:00:01 INFO] start
				[2026-11-28 10:00:02 WARN] slow
				[2026-11-28 10:00:09 ERROR] ssh: connection refused
				  at step 3
				plain""");
		assertThat(log.lines()).extracting(LogView.Line::level)
			.containsExactly("info", "warning", "error", "error", "error");
		assertThat(log.lines().get(2).anchor()).isEqualTo("L3");
		assertThat(log.total()).isEqualTo(5);
		assertThat(log.truncated()).isFalse();
	}

	@Test
	void longLogsShowTheirTailWithTheirOwnLineNumbers() {
		StringBuilder text = new StringBuilder();
		for (int i = 1; i <= LogView.MAX_LINES + 10; i++) {
			text.append("[2026-11-28 10:00:01 INFO] line ").append(i).append('\n');
		}
		LogView log = LogView.of(text.toString());
		assertThat(log.total()).isEqualTo(LogView.MAX_LINES + 10);
		assertThat(log.truncated()).isTrue();
		assertThat(log.lines().get(0).number()).isEqualTo(11);
		assertThat(log.lines().get(0).text()).endsWith("line 11");
	}

	@Test
	void noTextIsAnEmptyLog() {
		assertThat(LogView.of(null).isEmpty()).isTrue();
		assertThat(LogView.of("").lines()).isEmpty();
	}

}

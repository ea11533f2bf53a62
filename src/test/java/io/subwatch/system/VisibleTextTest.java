package io.subwatch.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Characters that reorder or hide text are written out; everything else, Chinese and emoji included, stays. */
class VisibleTextTest {

	@Test
	void bidirectionalControlsAreWrittenOut() {
		assertThat(VisibleText.escape("invoice\u202Efdp.exe")).isEqualTo("invoice<U+202E>fdp.exe");
		for (int c : new int[] { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E,
				0x200F, 0x061C, 0x200B, 0xFEFF }) {
			assertThat(VisibleText.escape("a" + Character.toString(c) + "b")).as("U+%04X", c)
				.isEqualTo(String.format("a<U+%04X>b", c));
		}
	}

	@Test
	void controlCharactersButTabsAndLineBreaksAreWrittenOut() {
		assertThat(VisibleText.escape("a\u0000b\u001Bc\u007Fd\u0085e")).isEqualTo("a<U+0000>b<U+001B>c<U+007F>d<U+0085>e");
		assertThat(VisibleText.escape("line one\nline two\r\n\tindented")).isEqualTo("line one\nline two\r\n\tindented");
	}

	@Test
	void ordinaryTextIsUnchanged() {
		for (String text : new String[] { "admin", "安装 Agent", "مرحبا", "ok 👍🏽", "", "<U+202E>" }) {
			assertThat(VisibleText.escape(text)).isSameAs(text);
		}
		assertThat(VisibleText.escape(null)).isNull();
	}

}

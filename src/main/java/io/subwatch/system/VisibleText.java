package io.subwatch.system;

/**
 * Text from users and API callers (user names, audit actors and reasons, subscription names) made safe to show: the
 * invisible characters that reorder or hide text (bidirectional overrides, embeddings, isolates and marks, zero-width
 * characters, the byte-order mark) and control characters other than tab and line breaks are written out as
 * {@code <U+202E>}, so "‮txt.exe" cannot pass for something it is not. The pages call it as {@code @fmt.visible},
 * log lines directly.
 */
public final class VisibleText {

	private VisibleText() {
	}

	/** {@code text} with every hidden character written as {@code <U+XXXX>}; null stays null. */
	public static String escape(String text) {
		if (text == null || text.codePoints().noneMatch(VisibleText::hidden)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		text.codePoints().forEach((c) -> {
			if (hidden(c)) {
				out.append(String.format("<U+%04X>", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	static boolean hidden(int c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == 0x061C
				|| c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
				|| (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
	}

}

package io.subwatch.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.subwatch.system.ReaderZone;

import org.springframework.context.i18n.LocaleContextHolder;


/**
 * A short fingerprint of what a live region shows. A poll that carries the fingerprint the page already shows gets
 * 204 No Content: htmx keeps the region as it is and nothing is rendered or sent.
 */
final class LiveVersion {

	private LiveVersion() {
	}

	static String of(Object... parts) {
		StringBuilder text = new StringBuilder();
		for (Object part : parts) {
			text.append(part).append('\u001f');
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What decides how a page reads besides its data: the reader's language and time zone. */
	static String reader() {
		return LocaleContextHolder.getLocale() + "|" + ReaderZone.requestKey();
	}

	/**
	 * What a table row shows, durations aside: status, current step, times and the stuck badge. Derived from the
	 * sub-steps, because every applied event moves a sub-step forward, while the stored update time may keep its value
	 * (MySQL connections can truncate it to the second).
	 */
	static String rows(List<HostRow> rows) {
		StringBuilder text = new StringBuilder();
		for (HostRow row : rows) {
			text.append(row.recordId()).append(':').append(row.status()).append(':').append(row.step()).append(':')
				.append(row.start()).append(':').append(row.finish()).append(':').append(row.stuck()).append(';');
		}
		return text.toString();
	}

}

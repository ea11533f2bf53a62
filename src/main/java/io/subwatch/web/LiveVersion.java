package io.subwatch.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.subwatch.subscription.InstanceRecord;

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

	/** What changes in a row when its record moves on: status and update time (every event touches both). */
	static String records(List<InstanceRecord> records) {
		StringBuilder text = new StringBuilder();
		for (InstanceRecord record : records) {
			text.append(record.id()).append(':').append(record.status()).append(':').append(record.updateTime())
				.append(';');
		}
		return text.toString();
	}

}

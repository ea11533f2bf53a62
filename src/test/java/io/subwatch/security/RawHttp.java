package io.subwatch.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: request targets that {@code java.net.URI} refuses to build (a raw
 * backslash, a NUL) reach the server as sent.
 */
final class RawHttp {

	/** A response: status, headers by lower-case name, body. */
	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	private RawHttp() {
	}

	static Response send(int port, String method, String target, Map<String, String> headers, byte[] body) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Connection: close\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			InputStream in = socket.getInputStream();
			return parse(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Response get(int port, String target) {
		return send(port, "GET", target, Map.of(), null);
	}

	private static Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Response(status, headers, body);
	}

	private static String unchunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			// sizes count bytes; bodies here are ASCII or the size is only used to find the next chunk
			byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
			String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
			body.append(chunk);
			at = lineEnd + 2 + chunk.length() + 2;
		}
	}

}

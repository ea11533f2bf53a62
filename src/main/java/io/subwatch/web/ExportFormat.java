package io.subwatch.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * The export formats of a view. CSV is for spreadsheets: a UTF-8 byte order mark (so Excel reads Chinese names as
 * UTF-8), RFC 4180 quoting, CRLF line ends, headers and statuses in the reader's language, times in the reader's zone
 * (named in the header), and text cells that a spreadsheet would run as a formula made inert. JSON is for programs:
 * fixed English keys, status codes, ISO-8601 instants.
 */
enum ExportFormat {

	CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),

	JSON("json", MediaType.APPLICATION_JSON);

	private final String extension;

	private final MediaType mediaType;

	ExportFormat(String extension, MediaType mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	String extension() {
		return this.extension;
	}

	MediaType mediaType() {
		return this.mediaType;
	}

	/** What a CSV needs from the request: column titles and status names in the reader's language, the zone. */
	record Labels(List<String> headers, java.util.function.Function<io.subwatch.subscription.Status, String> status,
			ZoneId zone) {
	}

	/** Writes rows as they come; {@link #finish} closes the document (not the stream). */
	interface RowWriter {

		void write(ExportRow row);

		void finish();

	}

	RowWriter open(OutputStream out, Labels labels, JsonMapper json) {
		return (this == CSV) ? new Csv(out, labels) : new Json(json.createGenerator(out));
	}

	/** RFC 4180 CSV. */
	static final class Csv implements RowWriter {

		private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		private final Writer writer;

		private final Labels labels;

		Csv(OutputStream out, Labels labels) {
			this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			this.labels = labels;
			try {
				this.writer.write('\uFEFF');
				line(labels.headers().toArray(String[]::new));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void write(ExportRow row) {
			try {
				line(text(row.instanceId()), text(row.ip()), number(row.cloudId()), number(row.bizId()),
						text(this.labels.status().apply(row.status())), text(row.step()), text(row.subStep()),
						time(row.start()), time(row.finish()), number(row.durationSeconds()), text(row.errorLine()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void finish() {
			try {
				this.writer.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void line(String... cells) throws IOException {
			for (int i = 0; i < cells.length; i++) {
				if (i > 0) {
					this.writer.write(',');
				}
				this.writer.write(quoted(cells[i]));
			}
			this.writer.write("\r\n");
		}

		private String time(Instant instant) {
			return (instant != null) ? TIME.format(instant.atZone(this.labels.zone())) : "";
		}

		private static String number(Long value) {
			return (value != null) ? value.toString() : "";
		}

		/**
		 * A text cell that a spreadsheet shows as text: one starting with {@code = + - @} (or a tab or carriage
		 * return, which some read past) would be run as a formula, so it gets a leading apostrophe.
		 */
		static String text(String value) {
			if (value == null || value.isEmpty()) {
				return "";
			}
			char first = value.charAt(0);
			boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
					|| first == '\r';
			return formula ? "'" + value : value;
		}

		/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
		static String quoted(String cell) {
			if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
				return cell;
			}
			return '"' + cell.replace("\"", "\"\"") + '"';
		}

	}

	/** {@code {"hosts": [{…}, …], "count": N}}, written as it goes. */
	static final class Json implements RowWriter {

		private final JsonGenerator generator;

		private long count;

		Json(JsonGenerator generator) {
			this.generator = generator;
			generator.writeStartObject();
			generator.writeName("hosts");
			generator.writeStartArray();
		}

		@Override
		public void write(ExportRow row) {
			JsonGenerator g = this.generator;
			g.writeStartObject();
			g.writeStringProperty("instance_id", row.instanceId());
			g.writeStringProperty("ip", row.ip());
			number("bk_cloud_id", row.cloudId());
			number("bk_biz_id", row.bizId());
			g.writeStringProperty("status", row.status().name());
			g.writeStringProperty("step", row.step());
			g.writeStringProperty("sub_step", row.subStep());
			g.writeStringProperty("start_time", (row.start() != null) ? row.start().toString() : null);
			g.writeStringProperty("finish_time", (row.finish() != null) ? row.finish().toString() : null);
			number("duration_seconds", row.durationSeconds());
			g.writeStringProperty("error_line", row.errorLine());
			g.writeEndObject();
			this.count++;
		}

		private void number(String name, Long value) {
			if (value != null) {
				this.generator.writeNumberProperty(name, value);
			}
			else {
				this.generator.writeNullProperty(name);
			}
		}

		@Override
		public void finish() {
			this.generator.writeEndArray();
			this.generator.writeNumberProperty("count", this.count);
			this.generator.writeEndObject();
			this.generator.close();
		}

	}

}

package io.subwatch.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file behind an embedded H2 URL ({@code jdbc:h2:file:./data/subwatch;…} or {@code jdbc:h2:./data/subwatch}),
 * resolved as H2 resolves it: relative to the working directory, {@code ~} for the home directory.
 *
 * @param database the database path without H2's suffix, as written in the URL
 * @param settings the URL's settings after the path, upper-case (e.g. {@code ;MODE=MYSQL;AUTO_SERVER=TRUE})
 */
record H2File(Path database, String settings) {

	/** The embedded file of {@code url}; empty for in-memory, server (tcp/ssl) and non-H2 URLs. */
	static Optional<H2File> of(String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return Optional.empty();
		}
		String rest = url.substring("jdbc:h2:".length());
		int semicolon = rest.indexOf(';');
		String path = (semicolon >= 0) ? rest.substring(0, semicolon) : rest;
		String settings = (semicolon >= 0) ? rest.substring(semicolon).toUpperCase(Locale.ROOT) : "";
		if (path.startsWith("file:")) {
			path = path.substring("file:".length());
		}
		else if (path.matches("^[a-zA-Z]{2,}:.*")) {
			return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio… — nothing of ours on disk to check
		}
		if (path.isEmpty()) {
			return Optional.empty();
		}
		if (path.equals("~") || path.startsWith("~/")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		return Optional.of(new H2File(Path.of(path), settings));
	}

	/** The MVStore file H2 keeps the data in. */
	Path dataFile() {
		return Path.of(this.database.toString() + ".mv.db").toAbsolutePath().normalize();
	}

	Path folder() {
		return dataFile().getParent();
	}

	/** Whether the URL asks H2 to share the file through its own server, so another process may hold it. */
	boolean sharedByServer() {
		return this.settings.contains(";AUTO_SERVER=TRUE");
	}

	/** Whether the URL forbids creating a new database, so an absent file must stay absent. */
	boolean mustExist() {
		return this.settings.contains(";IFEXISTS=TRUE");
	}

}

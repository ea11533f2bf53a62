package io.subwatch.system;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The zone the pages show times in, chosen by the reader: their browser's zone, UTC, or the server's
 * ({@code subwatch.time-zone}, the default). The choice travels in a cookie; the browser's zone in another, which a
 * script sets from {@code Intl.DateTimeFormat().resolvedOptions().timeZone}. A zone id the server does not know (or
 * no browser zone at all: JavaScript off) falls back to the server's zone, and the pages say so.
 */
@Component
public class ReaderZone {

	/** The reader's choice: {@code local}, {@code utc} or {@code server}. */
	public static final String MODE_COOKIE = "subwatch-tz";

	/** The browser's IANA zone, as its script reports it. */
	public static final String BROWSER_COOKIE = "subwatch-browser-tz";

	/** IANA names and offsets: letters, digits, {@code / _ + -}; nothing a cookie could smuggle in besides. */
	private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9/_+-]{1,64}");

	/** What the reader asked for. */
	public enum Mode {

		LOCAL, UTC, SERVER;

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** A mode from its parameter or cookie value; null for anything else. */
		public static Mode parse(String value) {
			for (Mode mode : values()) {
				if (mode.param().equals(value)) {
					return mode;
				}
			}
			return null;
		}

	}

	/**
	 * The zone in use and how it was chosen.
	 *
	 * @param mode what the reader asked for
	 * @param fallback browser zone asked for but unknown: the server's zone is shown
	 */
	public record Choice(Mode mode, ZoneId zone, boolean fallback) {
	}

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final String CHOICE_ATTRIBUTE = ReaderZone.class.getName() + ".choice";

	private final ZoneId serverZone;

	public ReaderZone(SubwatchProperties properties) {
		this.serverZone = properties.timeZone();
	}

	public ZoneId serverZone() {
		return this.serverZone;
	}

	/** The zone of the current request (the server's outside of one). */
	public ZoneId zone() {
		return choice().zone();
	}

	/**
	 * The current request's choice, worked out once per request: a page writes a hundred times or more, and each would
	 * otherwise scan the cookies again.
	 */
	public Choice choice() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return new Choice(Mode.SERVER, this.serverZone, false);
		}
		HttpServletRequest request = attributes.getRequest();
		if (request.getAttribute(CHOICE_ATTRIBUTE) instanceof Choice known) {
			return known;
		}
		Choice choice = choice(request);
		request.setAttribute(CHOICE_ATTRIBUTE, choice);
		return choice;
	}

	Choice choice(HttpServletRequest request) {
		Mode mode = Mode.parse(cookie(request, MODE_COOKIE));
		if (mode == Mode.UTC) {
			return new Choice(Mode.UTC, UTC, false);
		}
		if (mode == Mode.LOCAL) {
			ZoneId browser = parse(cookie(request, BROWSER_COOKIE));
			return (browser != null) ? new Choice(Mode.LOCAL, browser, false)
					: new Choice(Mode.LOCAL, this.serverZone, true);
		}
		return new Choice(Mode.SERVER, this.serverZone, false);
	}

	/**
	 * What decides the current request's zone, as text (for fingerprints of what a page shows): a reader who switches
	 * zone gets the regions again, not a 204.
	 */
	public static String requestKey() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return "";
		}
		HttpServletRequest request = attributes.getRequest();
		return cookie(request, MODE_COOKIE) + "/" + cookie(request, BROWSER_COOKIE);
	}

	/** A zone id from a cookie, or null when it is not one this server knows. */
	public static ZoneId parse(String id) {
		if (id == null || !ZONE_ID.matcher(id).matches()) {
			return null;
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName())) {
				try {
					return URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

}
